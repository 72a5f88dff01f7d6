// Cadenas de la verificación en dos pasos (el código al iniciar sesión, la página de configuración,
// un diálogo que la exige), en español.
import type { twoFactorEn } from "../two-factor";

export const twoFactorEs: typeof twoFactorEn = {
  twoFactor: {
    adminReset: "Quitar el segundo factor",
    adminResetOne: "Quitar el segundo factor de {name}",
    adminResetDone:
      "Segundo factor quitado; se han cerrado todas las sesiones de la cuenta y se ha informado a su titular por correo electrónico.",
    on: "verificación en dos pasos activada",
    resetMail: {
      subject: "Se ha quitado el segundo factor de su cuenta de Accord",
      text: "{name}:\n\nLa secretaría ha quitado el segundo factor (aplicación de autenticación y códigos de recuperación) de su cuenta de Accord y ha cerrado todas sus sesiones. Inicie sesión con su contraseña y vuelva a configurar la verificación en dos pasos desde la página de su cuenta.\n\nSi usted no lo ha solicitado, informe de inmediato a la secretaría.",
    },
    signIn: {
      code: "Código",
      codeHint: "El código de 6 cifras de su aplicación de autenticación, o uno de sus códigos de recuperación.",
      codeRequired: "Introduzca el código de su aplicación de autenticación para terminar de iniciar sesión.",
      invalidCode:
        "Código incorrecto o ya utilizado. Introduzca el código actual de su aplicación o un código de recuperación no utilizado.",
    },
    title: "Verificación en dos pasos",
    intro:
      "Con la verificación en dos pasos, al iniciar sesión se le pide su contraseña y un código de una aplicación de autenticación en su teléfono (cualquier aplicación que siga la norma TOTP).",
    required:
      "{dialogues} exige la verificación en dos pasos. Configúrela ahora: a partir de su próximo inicio de sesión se le pedirá un código y el diálogo volverá a estar disponible.",
    signInAgain:
      "La verificación en dos pasos está activada, pero esta sesión se abrió solo con su contraseña. Cierre la sesión y vuelva a iniciarla con un código para acceder a {dialogues}.",
    signOutNow: "Cerrar sesión ahora",
    statusOn: "La verificación en dos pasos está activada desde el {date}.",
    statusOff: "La verificación en dos pasos está desactivada.",
    start: "Configurar la verificación en dos pasos",
    starting: "Preparando…",
    startedOk: "Añada la clave siguiente a su aplicación de autenticación.",
    stepScan: "1. Escanee este código, o añada la clave, en su aplicación de autenticación",
    qrLabel: "Código QR de la clave: escanéelo con su aplicación de autenticación",
    secretLabel: "Clave (escríbala o abra el enlace en este dispositivo)",
    uriLabel: "Enlace de configuración para aplicaciones de autenticación",
    stepConfirm: "2. Introduzca el código que muestra la aplicación",
    confirmCode: "Código de la aplicación",
    confirm: "Activar la verificación en dos pasos",
    confirming: "Comprobando…",
    enabled:
      "La verificación en dos pasos está activada. A partir de su próximo inicio de sesión se le pedirá un código.",
    recoveryTitle: "Sus códigos de recuperación",
    recoveryIntro:
      "Cada uno de estos códigos le permite iniciar sesión una vez si pierde su teléfono. Solo se muestran ahora: imprímalos o guárdelos en un lugar seguro.",
    recoveryList: "Códigos de recuperación",
    done: "He guardado mis códigos",
    recoveryLeft: "Códigos de recuperación sin utilizar: {count}.",
    regenerateTitle: "Nuevos códigos de recuperación",
    regenerateIntro: "Sustituye todos los códigos de recuperación por diez nuevos; los anteriores dejan de funcionar.",
    regenerate: "Generar nuevos códigos de recuperación",
    regenerating: "Generando los códigos…",
    regenerated: "Nuevos códigos de recuperación generados. Los anteriores ya no funcionan.",
    disableTitle: "Desactivar la verificación en dos pasos",
    disableIntro: "Al iniciar sesión solo se pedirá su contraseña.",
    disableRequired: "No puede desactivarla: {dialogues} la exige.",
    proof: "Código actual o contraseña",
    disable: "Desactivar",
    disabling: "Desactivando…",
    disabled: "La verificación en dos pasos está desactivada.",
    cancel: "Cancelar la configuración",
    cancelled: "Configuración cancelada.",
    errors: {
      alreadyOn: "La verificación en dos pasos ya está activada.",
      notOn: "La verificación en dos pasos no está activada.",
      noSetUp: "Inicie primero la configuración.",
      wrongCode:
        "Ese código no es el actual. Compruebe la hora de su teléfono e introduzca el código que muestra ahora la aplicación.",
      wrongProof: "Código o contraseña incorrectos.",
      throttled: "Demasiados intentos fallidos. Espere unos minutos y vuelva a intentarlo.",
      requiredByDialogue:
        "Un diálogo en el que usted participa exige la verificación en dos pasos: no puede desactivarse.",
    },
    admin: {
      title: "Verificación en dos pasos",
      requiredNow:
        "Los miembros deben iniciar sesión con un segundo factor (una aplicación de autenticación o el inicio de sesión único del ministerio).",
      optionalNow: "Los miembros pueden iniciar sesión solo con una contraseña.",
      require: "Exigir la verificación en dos pasos",
      makeOptional: "Hacer opcional la verificación en dos pasos",
      required: "La verificación en dos pasos es ahora obligatoria en este diálogo.",
      optional: "La verificación en dos pasos es ahora opcional en este diálogo.",
    },
  },
};
