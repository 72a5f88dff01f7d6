// Cadenas del inicio de sesión único (proveedor OpenID Connect de un ministerio) en la página de
// inicio de sesión, en español.
import type { ssoEn } from "../sso";

export const ssoEs: typeof ssoEn = {
  sso: {
    button: "Iniciar sesión con {name}",
    pending: "Abriendo {name}…",
    or: "o con su correo electrónico y su contraseña",
    error: {
      unverified:
        "Inicio de sesión único rechazado: el sistema de inicio de sesión de su ministerio no confirmó su dirección de correo electrónico. Consulte al servicio informático de su ministerio o inicie sesión con su contraseña.",
      unknown:
        "Inicio de sesión único rechazado: ninguna cuenta ni invitación de Accord corresponde a esta dirección de correo electrónico. Pida a la secretaría o al punto focal de su delegación que le invite.",
      deactivated: "Inicio de sesión único rechazado: esta cuenta está desactivada. Consulte a la secretaría.",
      linkedElsewhere:
        "Inicio de sesión único rechazado: esta cuenta ya está vinculada a otra identidad en el sistema de inicio de sesión de su ministerio. Consulte a la secretaría.",
      failed: "El inicio de sesión único no se ha completado. Vuelva a intentarlo o inicie sesión con su contraseña.",
    },
  },
};
