// Cadenas de la delegación de un participante (los puntos focales confirman quién habla en nombre
// de su Estado), en español.
import type { delegationEn } from "../delegation";

export const delegationEs: typeof delegationEn = {
  delegation: {
    title: "Su delegación",
    intro:
      "Solo un Estado decide quién habla en su nombre. Como punto focal de {partners}, usted confirma quién puede adoptar posiciones en su nombre en cada diálogo.",
    pendingTitle: "Pendiente de su confirmación",
    nonePending: "Nadie está pendiente de su confirmación.",
    membersTitle: "Quién habla en nombre de {partner}",
    noMembers: "Todavía nadie habla en nombre de {partner}.",
    person: "Persona",
    dialogue: "Diálogo",
    role: "Función",
    partner: "En nombre de",
    requestedBy: "Invitado/a por",
    requestedAt: "Invitado/a el",
    actions: "Acciones",
    confirm: "Confirmar",
    confirmOne: "Confirmar que {name} habla en nombre de {partner} en {dialogue}",
    decline: "Rechazar",
    declineOne: "Rechazar que {name} hable en nombre de {partner} en {dialogue}",
    confirmed: "Confirmado: la participación está activa.",
    declined: "Rechazado: la invitación queda retirada.",
    pendingMember: "Pendiente de confirmación por el punto focal de {partner}",
    requested:
      "Invitación enviada. El punto focal del Estado en cuyo nombre hablaría esta persona debe confirmarla primero.",
    suspended: "Suspendida: la participación no confiere ningún derecho hasta que se restablezca.",
    restored: "Restablecida: la participación vuelve a estar activa.",
    suspend: "Suspender",
    suspendOne: "Suspender a {name} en {dialogue}",
    restore: "Restablecer",
    restoreOne: "Restablecer a {name} en {dialogue}",
    remove: "Retirar",
    removeOne: "Retirar a {name} de {dialogue}",
    state: "Situación",
    active: "Activa",
    suspendedState: "Suspendida",
    invitedState: "Invitación aún no aceptada",
    inviteTitle: "Invitar a alguien a hablar en nombre de {partner}",
    inviteHelp:
      "Quien no tenga cuenta recibirá una invitación por correo electrónico y elegirá su propia contraseña. Toda persona que usted invite queda confirmada de inmediato: usted habla en nombre de su Estado.",
    email: "Correo electrónico",
    name: "Nombre (para quien no tenga cuenta)",
    invite: "Invitar",
    noDialogues: "{partner} todavía no participa en ningún diálogo.",
    requestMail: {
      subject: "{name} espera su confirmación para hablar en nombre de {partner}",
      text: "{name} ha sido invitado/a al diálogo {dialogue} con la función de {role} en nombre de {partner}. Solo el punto focal de {partner} puede confirmarlo; hasta entonces, la invitación no confiere ningún derecho. Confirme o rechace en la página de su delegación:",
    },
  },
};
