// Spanish strings of language versions (issue 19).

import type { versionsEn } from "../versions";

export const versionsEs: typeof versionsEn = {
  versions: {
    heading: "Versiones lingüísticas",
    original: "{language} (original)",
    current: "(este texto)",
    parallel: "En paralelo con el original",
    parallelWith: "En paralelo: {language}",
    addHeading: "Añadir una versión lingüística",
    addHelp:
      "La versión empieza como una copia del texto actual, párrafo por párrafo, que el traductor sustituye. Sigue al original a lo largo del procedimiento.",
    language: "Idioma",
    add: "Añadir la versión",
    adding: "Añadiendo…",
    added: "Versión lingüística añadida.",
    followsOriginal: "Una versión lingüística sigue a su original en el procedimiento: haga avanzar el original.",
    invalidLanguage: "Elija uno de los idiomas propuestos.",
    sameLanguage: "El original ya está en ese idioma.",
    exists: "Este documento ya tiene una versión en ese idioma.",
    noSuchParagraph: "Ese párrafo no figura a la vez en el original y en la versión.",
    parallelTitle: "En paralelo: {title}",
    parallelIntro:
      "Cada fila pone un párrafo del original junto al mismo párrafo de la versión en {language}, numerado como en el original. La versión se edita aquí; el original, a su lado, es de solo lectura y sigue en directo a sus propios redactores.",
    originalColumn: "Original: {language}",
    versionColumn: "Versión: {language}",
    originalParagraph: "Original, párrafo {n}",
    originalBlock: "Original",
    onlyInVersion: "Solo en la versión",
    backToOriginal: "El documento original",
    backToVersion: "El documento de la versión",
    outdated: "Traducción desactualizada",
    outdatedHeading: "Traducciones desactualizadas",
    outdatedIntro:
      "El original de estos párrafos cambió después de la última confirmación de su traducción. Actualice la traducción o confirme que sigue siendo válida.",
    noneOutdated: "Todos los párrafos están al día con el original.",
    paragraph: "Párrafo {n}",
    unnumbered: "Párrafo sin número",
    originalNow: "El original dice ahora",
    confirm: "Confirmar la traducción",
    confirmLabel: "Confirmar la traducción del párrafo {n}",
    confirming: "Confirmando…",
    confirmed: "Traducción confirmada.",
    languageParagraph: "{language}, párrafo {n}",
    parallelIntroVersions:
      "Cada fila empareja un párrafo de la versión en {beside} con el mismo párrafo de la versión en {language}, numerado como en el original. Aquí se edita la versión en {language}; la versión en {beside} de al lado es de solo lectura y sigue en directo a sus propios editores.",
    editBesideHere: "Editar aquí la versión en {language}",
    parallelIntroOriginal:
      "Cada fila empareja un párrafo del original con el mismo párrafo de la versión en {language}, numerado como en el original. Aquí se edita el original; la versión de al lado es de solo lectura y sigue en directo a sus propios editores.",
    editOriginalHere: "Editar aquí el original ({language})",
    editVersionHere: "Editar aquí la versión en {language}",
    versionParagraph: "Traducción, párrafo {n}",
    versionBlock: "Traducción",
    onlyInOriginal: "Solo en el original",
    frozenHeading: "Idiomas congelados juntos",
    frozenIntro:
      "Esta revisión congeló el original y cada versión lingüística en el mismo momento; su hash los abarca a todos.",
    frozenLanguage: "Idioma",
    frozenState: "Traducción",
    frozenOriginal: "Texto original",
    frozenUpToDate: "Al día",
    frozenOutdated: "Párrafos con traducción desactualizada: {count}",
    frozenOutdatedNumbers: "Párrafos con traducción desactualizada: {count} (párrafos {numbers})",
    frozenHashes: "Hash del texto de cada idioma",
    frozenText: "Leer el texto en {language}",
    versionApproval:
      "Los Estados se pronuncian sobre el original. Esta versión se congeló con él, bajo el mismo hash de revisión.",
    originalApproval: "La página de aprobación del original",
  },
};
