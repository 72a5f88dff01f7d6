// Cadenas de la página de la cuenta (contraseña, idioma, correos, sesiones), en español.
import type { accountEn } from "../account";

export const accountEs: typeof accountEn = {
  account: {
    nav: "Cuenta",
    title: "Su cuenta",
    intro: "Sesión iniciada como {name} ({email}).",
    password: {
      title: "Contraseña",
      current: "Contraseña actual",
      new: "Nueva contraseña",
      newAgain: "Nueva contraseña, otra vez",
      hint: "Al menos 12 caracteres; lo mejor es una frase propia. Se rechazan las contraseñas comunes y las filtradas. Al cambiarla se cierran todas las demás sesiones de su cuenta.",
      submit: "Cambiar la contraseña",
      changed: "Contraseña cambiada. Se han cerrado todas las demás sesiones de su cuenta.",
      none: "Su cuenta no tiene contraseña: usted inicia sesión mediante el inicio de sesión único de su organización, por lo que aquí no hay ninguna contraseña que cambiar.",
      errors: {
        wrongCurrent: "La contraseña actual no es correcta.",
        mismatch: "Las dos nuevas contraseñas no coinciden. Escriba la misma dos veces.",
        throttled: "Demasiadas contraseñas incorrectas. Espere unos minutos y vuelva a intentarlo.",
        noPassword:
          "Su cuenta no tiene contraseña que cambiar: usted inicia sesión mediante el inicio de sesión único.",
      },
      mail: {
        subject: "Se ha cambiado la contraseña de su cuenta de Accord",
        text: "La contraseña de su cuenta de Accord se cambió el {time} y se cerraron todas las demás sesiones de la cuenta. Si no fue usted, póngase en contacto de inmediato con la secretaría.",
      },
    },
    twoFactor: {
      title: "Verificación en dos pasos",
      on: "Activada: al iniciar sesión se pide un código de su aplicación de autenticación.",
      off: "Desactivada: al iniciar sesión solo se pide su contraseña.",
      manage: "Gestionar la verificación en dos pasos",
    },
    language: {
      title: "Idioma",
      intro: "El idioma de la interfaz y de los correos electrónicos que recibe.",
      submit: "Guardar el idioma",
    },
    emails: {
      title: "Notificaciones por correo electrónico",
      intro:
        "Elija qué correos electrónicos desea recibir. Las notificaciones en la aplicación se conservan siempre. Los correos de seguridad (inicios de sesión fallidos, cambio de contraseña, invitaciones, enlaces de restablecimiento) se envían siempre.",
      legend: "Enviarme un correo electrónico cuando",
      kinds: {
        round: {
          opened: "se abra una ronda de aprobación sobre un documento",
          reminder: "una ronda de aprobación se cierre en menos de 24 horas",
          closed: "se cierre una ronda de aprobación, con su resultado",
        },
        comment: { mention: "alguien me mencione en un comentario" },
        membership: {
          request: "alguien espere mi confirmación para hablar en nombre de mi Estado (puntos focales)",
        },
      },
      submit: "Guardar las preferencias de correo",
      saved: "Preferencias de correo guardadas.",
    },
    sessions: {
      title: "Dónde tiene la sesión iniciada",
      intro:
        "Cada navegador desde el que ha iniciado sesión. Al cerrar una sesión, sus documentos abiertos se cierran en pocos segundos.",
      device: "Dispositivo",
      method: "Método de inicio de sesión",
      signedIn: "Inicio de sesión",
      lastSeen: "Última actividad",
      actions: "Acciones",
      thisSession: "Esta sesión",
      unknownDevice: "Dispositivo desconocido",
      unknownBrowser: "Un navegador",
      deviceOn: "{browser} en {os}",
      methods: {
        password: "Contraseña",
        totp: "Contraseña y código de autenticación",
        recovery_code: "Contraseña y código de recuperación",
        oidc: "Inicio de sesión único",
      },
      signOut: "Cerrar sesión",
      signOutOne: "Cerrar la sesión en {device}, última actividad: {lastSeen}",
      signedOut: "Esa sesión se ha cerrado.",
      signOutOthers: "Cerrar todas las demás sesiones",
      signedOutOthers: "Se han cerrado todas las demás sesiones.",
      noOthers: "No tiene ninguna otra sesión iniciada.",
    },
  },
};
