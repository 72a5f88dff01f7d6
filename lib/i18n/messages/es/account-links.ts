// Cadenas de las invitaciones y los enlaces de restablecimiento de contraseña (una persona elige
// su propia contraseña), en español.
import type { accountLinksEn } from "../account-links";

export const accountLinksEs: typeof accountLinksEn = {
  accountLink: {
    invitationTitle: "Aceptar su invitación",
    invitationIntro: "Bienvenido/a, {name}. Elija la contraseña con la que iniciará sesión como {email}.",
    resetTitle: "Elegir una nueva contraseña",
    resetIntro:
      "{name}, elija una nueva contraseña para {email}. Al guardarla se cerrarán todas las sesiones de su cuenta.",
    password: "Nueva contraseña",
    repeat: "Repita la nueva contraseña",
    passwordHint:
      "Al menos {min} caracteres, de cualquier tipo: una frase de varias palabras es lo más fácil de recordar. Se rechazan las contraseñas comunes y las filtradas.",
    submitInvitation: "Establecer mi contraseña e iniciar sesión",
    submitReset: "Establecer mi nueva contraseña e iniciar sesión",
    pending: "Guardando…",
    mismatch: "Las dos contraseñas no coinciden.",
    orSso: "O bien, si su ministerio lo utiliza:",
    unknown: "Este enlace no es válido. Pida uno nuevo a quien le invitó o a la secretaría.",
    used: "Este enlace ya se ha utilizado. Inicie sesión con la contraseña que eligió.",
    expired: "Este enlace ha caducado. Pida a la secretaría que le envíe uno nuevo.",
    alreadyAccepted: "Esta persona ya ha aceptado su invitación.",
    signIn: "Ir al inicio de sesión",
    invited: "Invitación aún no aceptada",
    invitedUntil: "Invitación enviada; el enlace es válido hasta el {date}.",
    resend: "Reenviar la invitación",
    resendOne: "Reenviar la invitación a {name}",
    resent: "Se ha enviado por correo electrónico un nuevo enlace de invitación.",
    reset: "Enviar un enlace de restablecimiento de contraseña",
    resetOne: "Enviar a {name} un enlace de restablecimiento de contraseña",
    resetSent:
      "Se ha enviado por correo electrónico un enlace de restablecimiento de contraseña. Solo su titular puede verlo.",
    invitationSent:
      "Invitación enviada: la persona establecerá su propia contraseña mediante el enlace del correo electrónico.",
    inviteMail: {
      subject: "Invitación a Accord",
      where: " al diálogo {dialogue} con la función de {role} en nombre de {partner}",
      text: "{name}:\n\n{inviter} le ha invitado{where}. Elija su propia contraseña con este enlace (válido una sola vez, durante {hours} horas):\n\n{url}\n\nSi no esperaba esta invitación, haga caso omiso de este mensaje.",
    },
    resetMail: {
      subject: "Elija una nueva contraseña de Accord",
      text: "{name}:\n\nLa secretaría le ha enviado un enlace para elegir una nueva contraseña. Es válido una sola vez, durante {hours} horas:\n\n{url}\n\nSi usted no lo ha solicitado, informe a la secretaría; su contraseña actual seguirá funcionando hasta que se utilice el enlace.",
    },
  },
};
