// Cadenas de «Seguir a la Presidencia»: seguir la posición de quien dirige en el texto, ceder la dirección.
import type { liveSessionEn } from "../live-session";

export const liveSessionEs: typeof liveSessionEn = {
  liveSession: {
    follow: "Seguir a {name} ({role})",
    roleChair: "Presidencia",
    roleLead: "dirige la sesión",
    leaderAt: "{name} está en el párrafo {n}",
    leaderAfter: "{name} está después del párrafo {n}",
    leaderAtStart: "{name} está al principio del texto",
    leaderAway: "{name} no está en el texto en este momento",
    youLead: "Usted dirige la sesión: quienes le siguen ven su párrafo.",
    handTo: "Ceder la dirección a",
    hand: "Ceder la dirección",
    takeBack: "Retomar la dirección",
    handed: "Se ha cedido la dirección.",
    takenBack: "Usted vuelve a dirigir la sesión.",
    leadNotEligible: "La dirección solo puede cederse a un miembro activo que participe en el texto.",
  },
};
