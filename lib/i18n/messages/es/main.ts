// Cadenas que en.ts contiene directamente (fuera de los módulos), en español.

import { localeNames } from "@/lib/i18n/locales";
import type { accountEn } from "../account";
import type { accountLinksEn } from "../account-links";
import type { commentsEn } from "../comments";
import type { compilationEn } from "../compilation";
import type { delegationEn } from "../delegation";
import type { deskEn } from "../desk";
import type { Messages } from "../en";
import type { exportsEn } from "../exports";
import type { ledgerEn } from "../ledger";
import type { liveSessionEn } from "../live-session";
import type { searchEn } from "../search";
import type { ssoEn } from "../sso";
import type { twoFactorEn } from "../two-factor";
import type { verifyEn } from "../verify";
import type { versionsEn } from "../versions";
import type { workflowEn } from "../workflow";

/** The keys that en.ts spreads in from its module files; main.ts holds every other one. */
type ModuleKeys =
  | keyof typeof accountEn
  | keyof typeof accountLinksEn
  | keyof typeof commentsEn
  | keyof typeof compilationEn
  | keyof typeof delegationEn
  | keyof typeof deskEn
  | keyof typeof exportsEn
  | keyof typeof ledgerEn
  | keyof typeof liveSessionEn
  | keyof typeof searchEn
  | keyof typeof ssoEn
  | keyof typeof twoFactorEn
  | keyof typeof verifyEn
  | keyof typeof versionsEn
  | keyof typeof workflowEn;

export const mainEs: Omit<Messages, ModuleKeys> = {
  app: {
    name: "Accord",
    tagline:
      "Negociar, acordar y presentar textos al Diálogo de Alto Nivel sobre la Migración Internacional y el Desarrollo de las Naciones Unidas.",
  },
  languages: localeNames,
  nav: {
    label: "Principal",
    dialogues: "Mis diálogos",
    hldInbox: "Bandeja del Diálogo de Alto Nivel",
    admin: "Administración",
    accounts: "Cuentas",
    audit: "Registro de auditoría",
    delegation: "Delegación",
    language: "Idioma de la interfaz",
    signOut: "Cerrar sesión",
    skipToContent: "Ir al contenido",
  },
  common: { saving: "Guardando…" },
  signIn: {
    title: "Iniciar sesión",
    email: "Correo electrónico",
    password: "Contraseña",
    submit: "Iniciar sesión",
    pending: "Iniciando sesión…",
    invalid: "Correo electrónico o contraseña incorrectos.",
    missingFields: "Introduzca su correo electrónico y su contraseña.",
    throttled: "Demasiados intentos fallidos. Vuelva a intentarlo dentro de {minutes} min.",
    deactivated: "Esta cuenta ha sido desactivada. Póngase en contacto con la secretaría.",
    failuresMail: {
      subject: "Intentos fallidos de inicio de sesión en su cuenta de Accord",
      text: "Se han registrado {count} intentos fallidos de iniciar sesión en su cuenta de Accord desde la dirección {address} (el último, el {time}). Los siguientes intentos desde esa dirección se ralentizan; el inicio de sesión desde su propia conexión no se ve afectado. Si no fue usted, informe a la secretaría.",
    },
  },
  notFound: {
    title: "Página no encontrada",
    body: "Esta página no existe o usted no tiene acceso a ella.",
    home: "Volver a la página de inicio",
  },
  role: {
    chair: "Presidencia",
    penholder: "Responsable de la redacción",
    delegate: "Delegado/a",
    observer: "Observador/a",
  },
  globalRole: { admin: "Administrador/a de la secretaría", hld_reviewer: "Revisor/a del Diálogo de Alto Nivel" },
  partnerKind: { state: "Estado", organisation: "Organización" },
  kind: { position_paper: "Documento de posición", recommendations: "Recomendaciones" },
  status: {
    draft: "Borrador",
    consultation: "Consultas",
    approval: "Aprobación",
    agreed: "Acordado",
    submitted: "Presentado",
  },
  dialogues: {
    inactiveTitle: "Participaciones no activas",
    awaitingConfirmation:
      "{dialogue}: se le ha invitado con la función de {role} en nombre de {partner}. El punto focal de {partner} debe confirmarlo antes de que usted pueda participar.",
    membershipSuspended:
      "{dialogue}: su participación en nombre de {partner} ha sido suspendida por su punto focal o por la secretaría.",
    mine: "Mis diálogos",
    noneYet: "Todavía no participa en ningún diálogo.",
    yourRole: "Usted: {role} en nombre de {partner}",
    secretariatView: "Vista de la secretaría",
    partners: "Participantes",
    papers: "Documentos ({count})",
    papersOf: "Documentos de {name}",
    allPapers: "Los {count} documentos",
  },
  papers: {
    title: "Título",
    kind: "Tipo",
    status: "Estado",
    statusPrefix: "Estado:",
    revision: "Revisión",
    noRevision: "Aún no congelado",
    revNumber: "Rev.{n}",
    lastChange: "Última modificación",
    hash: "SHA-256",
    none: "Todavía no hay documentos.",
    new: "Nuevo documento",
    create: "Crear el documento",
    created: "Documento creado.",
    text: "Texto",
    textOf: "Texto de {title}",
    readOnlyNote: "Vista de solo lectura del texto guardado.",
  },
  editor: {
    adRefMarker: "(ad ref.)",
    live: "Texto en vivo",
    loading: "Conectando con el texto en vivo… Mientras tanto se muestra el texto guardado.",
    textArea: "Texto de {title}",
    toolbar: "Formato",
    heading2: "Título",
    heading3: "Subtítulo",
    paragraph: "Párrafo de texto",
    bold: "Negrita",
    italic: "Cursiva",
    underline: "Subrayado",
    bulletList: "Lista con viñetas",
    orderedList: "Lista numerada",
    blockquote: "Cita en bloque",
    insertTable: "Insertar tabla",
    addRow: "Añadir fila debajo",
    addColumn: "Añadir columna a la derecha",
    deleteRow: "Eliminar fila",
    deleteColumn: "Eliminar columna",
    deleteTable: "Eliminar tabla",
    link: "Enlace",
    linkAddress: "Dirección del enlace (http, https o mailto)",
    linkInvalid: "Solo se admiten enlaces http://, https:// y mailto:.",
    removeLink: "Quitar el enlace",
    footnote: "Nota a pie de página",
    bracket: "Poner el párrafo entre corchetes (no acordado)",
    adRef: "Marcar el párrafo como acordado ad referéndum",
    footnoteText: "Texto de la nota",
    footnoteEmpty: "Escriba el texto de la nota a pie de página.",
    footnotes: "Notas",
    apply: "Aplicar",
    cancel: "Cancelar",
    undo: "Deshacer",
    redo: "Rehacer",
    shortcut: "{label} ({keys})",
    status: {
      connecting: "Conectando…",
      offline: "Sin conexión: sus cambios se conservan en esta página y se enviarán cuando vuelva la conexión.",
      syncing: "Guardando…",
      saved: "Todos los cambios guardados",
      readOnly: "Actualizado",
    },
    presence: "En este documento ahora:",
    you: "usted",
    presenceEntry: "{name}, {partner}",
    readOnly: {
      title: "Solo lectura",
      observer: "Los observadores pueden leer y comentar el texto, pero no modificarlo.",
      suggestOnly:
        "Durante las consultas, las delegaciones proponen cambios en forma de sugerencias, que la Presidencia o la persona responsable de la redacción aceptan o rechazan.",
      frozen: "El texto está congelado en este estado ({status}).",
      notAllowed: "Su función no le permite modificar este documento en su estado actual.",
      server:
        "El servidor ha pasado esta conexión a solo lectura: han cambiado sus derechos o el estado del documento.",
    },
    refused:
      "Se ha denegado el acceso al texto en vivo. Puede que sus derechos hayan cambiado o que su sesión haya terminado.",
    reload: "Volver a cargar la página",
    tooLarge:
      "Su último cambio era demasiado grande para enviarlo (más de 1 MB) y no se ha guardado; el texto se ha vuelto a cargar desde el servidor. Pegue los textos largos por partes.",
    tooFast:
      "Esta página envió cambios más rápido de lo que el servidor admite a la vez; se ha vuelto a conectar y los ha enviado de nuevo.",
    kept: {
      title: "No guardado: lo que escribió se conserva aquí",
      refused:
        "El servidor rechazó su último cambio, por lo que el texto se ha vuelto a cargar desde el servidor sin él. Copie lo que escribió e introdúzcalo de nuevo.",
      suggestOnly:
        "Ahora solo puede proponer cambios en forma de sugerencias (el documento está en consultas), por lo que sus modificaciones directas no se han guardado. Copie lo que escribió y propóngalo de nuevo.",
      tooLarge:
        "Su cambio era demasiado grande para enviarlo (más de 1 MB), por lo que no se ha guardado. Cópielo y péguelo por partes.",
      readOnly:
        "El texto se congeló, o sus derechos cambiaron, antes de que se guardaran estas palabras. Cópielas para conservarlas, para un comentario o para el próximo borrador.",
      blocked:
        "El modo de sugerencia no puede registrar este cambio (no se pueden modificar las notas a pie de página, los enlaces, los saltos de línea ni las sugerencias de otras personas). Copie las palabras y propóngalas como texto sin formato.",
      label: "Lo que escribió",
      copy: "Copiar",
      copied: "Copiado.",
      dismiss: "Descartar",
    },
  },
  members: {
    title: "Miembros",
    none: "Todavía no hay miembros.",
    name: "Nombre",
    email: "Correo electrónico",
    role: "Función",
    partner: "En nombre de",
    add: "Añadir miembro",
    addTitle: "Añadir un miembro",
    newAccount: "Nueva cuenta",
    newAccountHelp:
      "Solo para quien aún no tenga cuenta: su nombre. Recibirá una invitación por correo electrónico y elegirá su propia contraseña.",
    change: "Guardar la función",
    changeFor: "Cambiar la función de {name}",
    remove: "Retirar",
    removeFor: "Retirar a {name} del diálogo",
  },
  admin: {
    title: "Administración",
    dialogues: "Diálogos",
    dialogueName: "Nombre",
    code: "Código",
    codeHelp: "De 2 a 12 letras o cifras, utilizado en las referencias del Diálogo de Alto Nivel (por ejemplo, RABAT).",
    slug: "Dirección",
    slugHelp: "Letras minúsculas, cifras y guiones (por ejemplo, rabat).",
    description: "Descripción",
    newDialogue: "Nuevo diálogo",
    createDialogue: "Crear el diálogo",
    dialogueCreated: "Diálogo creado.",
    manageDialogue: "Gestionar el diálogo",
    manageNamed: "Gestionar {name}",
    openDialogue: "Abrir el diálogo",
    addState: "Añadir un Estado",
    addOrganisation: "Añadir una organización",
    country: "País",
    organisationName: "Organización",
    partnerAdded: "Participante añadido.",
    memberAdded: "Miembro añadido.",
    memberChanged: "Función guardada.",
    memberRemoved: "Miembro retirado.",
    accountUpdated: "Cuenta actualizada.",
    accountCreated:
      "Cuenta creada: se ha enviado una invitación por correo electrónico y su titular elegirá su propia contraseña.",
    deactivated: "Desactivada",
  },
  accounts: {
    title: "Cuentas",
    list: "Todas las cuentas",
    search: "Buscar por nombre o correo electrónico",
    searchButton: "Buscar",
    globalRole: "Función global",
    noGlobalRole: "Ninguna",
    state: "Situación",
    active: "Activa",
    actions: "Acciones",
    deactivate: "Desactivar",
    reactivate: "Reactivar",
    changeStateFor: "Activación de {email}",
    new: "Nueva cuenta",
    create: "Crear la cuenta",
  },
  audit: {
    title: "Registro de auditoría",
    time: "Hora",
    actor: "Autor",
    action: "Acción",
    target: "Objeto",
    details: "Detalles",
    system: "Sistema",
    newest: "Más recientes",
    older: "Sucesos anteriores",
  },
  hld: {
    title: "Documentos presentados al Diálogo de Alto Nivel",
    allKinds: "Todos los tipos",
    allDialogues: "Todos los diálogos",
    filters: "Filtrar los documentos presentados",
    filter: "Filtrar",
    empty: "Todavía no se ha presentado ningún documento.",
    noMatch: "Ningún documento presentado corresponde a estos filtros.",
    reference: "Referencia",
    dialogue: "Diálogo",
    submittedAt: "Presentado",
  },
  pagination: { label: "Páginas", previous: "Anterior", next: "Siguiente", pageOf: "Página {page} de {count}" },
  errors: {
    administratorExists: "Ya existe un administrador o una administradora: es quien invita a todas las demás personas.",
    not_found: "No encontrado.",
    forbidden: "No está autorizado a realizar esta acción.",
    invalid_input: "Algunos de los datos introducidos no son válidos.",
    conflict: "Esto entra en conflicto con el estado actual.",
    invalid_transition: "Este paso no es posible en el estado actual del documento.",
    unauthenticated: "Inicie sesión de nuevo.",
    rate_limited: "Demasiadas solicitudes en poco tiempo. Espere un momento y vuelva a intentarlo.",
    unexpected: "Se ha producido un error; no se ha modificado nada. Vuelva a intentarlo.",
    invalidFields: "Compruebe lo siguiente: {fields}.",
    accountDeactivated: "Esta cuenta está desactivada.",
    accountDetailsRequired:
      "Ninguna cuenta tiene este correo electrónico: indique el nombre de la persona para invitarla.",
    alreadyMember: "Esta persona ya es miembro del diálogo.",
    alreadyRequested: "Esta persona ya ha sido invitada al diálogo y está pendiente de confirmación.",
    alreadySubmitted: "Este documento ya ha sido presentado.",
    cannotDeactivateSelf: "No puede desactivar su propia cuenta.",
    chairMustBeState: "La Presidencia representa a un Estado participante.",
    deadlineInPast: "El plazo debe vencer en una fecha futura.",
    dialogueTaken: "Otro diálogo ya utiliza esta dirección o este código.",
    emailTaken: "Ya existe una cuenta con este correo electrónico.",
    globalRoleMember:
      "Las cuentas de la secretaría y del Diálogo de Alto Nivel no pueden ejercer una función en un diálogo.",
    invalidTransition: "Este paso no es posible en el estado actual del documento.",
    objectionReasonRequired: "Una objeción debe ir acompañada de un motivo.",
    organisationNameRequired: "Indique el nombre de la organización.",
    partnerAlreadyInDialogue: "Este participante ya forma parte del diálogo.",
    partnerNotInDialogue: "Este participante no forma parte del diálogo.",
    passwordTooShort: "La contraseña debe tener al menos 12 caracteres.",
    passwordTooLong: "La contraseña puede tener como máximo 1024 caracteres.",
    passwordCommon:
      "Esta contraseña es demasiado común (figura en listas de contraseñas filtradas o de uso frecuente). Elija una frase propia más larga.",
    passwordPersonal: "La contraseña no puede contener su dirección de correo electrónico. Elija una frase propia.",
    roleNotInvitable:
      "La Presidencia solo puede invitar a responsables de la redacción, delegados y delegadas, y observadores.",
    roundClosed: "La ronda de aprobación está cerrada.",
    titleLength: "El título debe tener entre 1 y 300 caracteres.",
    unknownCountry: "Código de país desconocido.",
    bracketedText: "El texto todavía contiene párrafos [entre corchetes]: acuérdelos antes de someterlo a una ronda.",
    pendingSuggestions:
      "Todavía hay sugerencias pendientes. Decida primero sobre ellas, o marque “Trasladarlas al próximo borrador” para congelar el texto sin ellas.",
  },
};
