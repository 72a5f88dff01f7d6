// Cadenas del escritorio de negociación: paneles de la página del documento, escritorio personal,
// confirmaciones.
import type { deskEn } from "../desk";

export const deskEs: typeof deskEn = {
  desk: {
    title: "Mi escritorio",
    nav: "Mi escritorio",
    intro: "Lo que requiere su atención ahora en sus diálogos.",
    positionsDue: "Posiciones que su Estado aún debe adoptar",
    positionsDueNone: "Su Estado ha respondido a todas las rondas abiertas.",
    positionDue: "{partner} aún no ha adoptado una posición sobre {title}, Rev.{n}",
    closes: "Se cierra {when} ({date} UTC)",
    takePosition: "Adoptar la posición",
    openRounds: "Rondas abiertas y plazos",
    openRoundsNone: "No hay ninguna ronda abierta en sus diálogos.",
    roundLine: "{title}, Rev.{n}: han respondido {answered} de {total} Estados",
    mentions: "Menciones",
    mentionsNone: "Nadie le ha mencionado todavía.",
    mentionLine: "{author} le ha mencionado en {title}",
    suggestions: "Sugerencias pendientes de su delegación",
    suggestionsNone: "Su delegación no tiene ninguna sugerencia pendiente.",
    suggestionLine: "{title}: {count} pendientes",
    papers: "Mis documentos",
    papersNone: "Todavía no hay documentos en sus diálogos.",
    allDialogues: "Todos mis diálogos",
  },
  paperPage: {
    panel: "Panel de negociación",
    panelOpen: "Abrir el panel de negociación",
    panelClose: "Cerrar el panel",
    symbol: "Signatura",
    positionDueTitle: "{partner} aún no ha adoptado una posición sobre la Rev.{n}",
    positionDueWhen: "La ronda se cierra {when}, el {date} UTC.",
    positionDueSilence:
      "Con arreglo al procedimiento de acuerdo tácito, la falta de respuesta para entonces equivale a aprobación.",
    roundSummary: "Ronda sobre la Rev.{n}: han respondido {answered} de {total} Estados.",
    roundClosesOn: "Se cierra el {date} UTC ({when}).",
    roundDetails: "Ver todas las posiciones",
    submittedTitle: "Presentado al Diálogo de Alto Nivel",
    officialFiles: "Archivos oficiales de la Rev.{n}",
    officialFilesHelp:
      "Son los archivos que recibió el Diálogo de Alto Nivel: la página pública de verificación reconoce cada uno de ellos.",
    verifyLink: "Comprobar un archivo en la página pública de verificación",
    revisionFiles: "Archivos de la Rev.{n}",
    revisionFilesHelp:
      "El texto está congelado: estos archivos contienen la Rev.{n} exactamente como la ven los Estados en la ronda.",
  },
  roundClose: {
    title: "Cerrar la ronda anticipadamente",
    help: "Pone fin a la ronda ahora sin acuerdo, por ejemplo cuando el texto requiere más trabajo. De este modo, el silencio de los Estados nunca se computa como aprobación.",
    button: "Cerrar la ronda sin acuerdo",
    done: "Ronda cerrada sin acuerdo; el texto vuelve a estar abierto a consultas.",
  },
  confirm: {
    cancel: "Cancelar",
    freezeTitle: "¿Congelar la Rev.{n} y abrir la ronda?",
    freezeBody:
      "El texto actual pasa a ser la Rev.{n}, con su hash, y nadie puede modificarlo mientras los Estados adoptan sus posiciones. Una revisión congelada no puede descongelarse.",
    freezeConfirm: "Congelar y abrir la ronda",
    submitTitle: "¿Presentar la Rev.{n} al Diálogo de Alto Nivel?",
    submitBody:
      "La Rev.{n}, su hash y la posición de cada Estado se envían al Diálogo de Alto Nivel. La presentación es definitiva: no puede retirarse ni modificarse.",
    submitConfirm: "Presentar al Diálogo de Alto Nivel",
    closeRoundTitle: "¿Cerrar la ronda sobre la Rev.{n} sin acuerdo?",
    closeRoundBody:
      "La ronda termina ahora como no acordada, con independencia de las respuestas recibidas, y el texto vuelve a consultas. Las posiciones registradas permanecen en el acta.",
    closeRoundConfirm: "Cerrar la ronda",
  },
};
