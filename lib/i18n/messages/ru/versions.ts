// Russian strings of language versions (issue 19).

import type { versionsEn } from "../versions";

export const versionsRu: typeof versionsEn = {
  versions: {
    heading: "Языковые версии",
    original: "{language} (оригинал)",
    current: "(этот текст)",
    parallel: "Параллельно с оригиналом",
    parallelWith: "Параллельно: {language}",
    addHeading: "Добавить языковую версию",
    addHelp:
      "Версия начинается с копии текущего текста, абзац за абзацем, которую переводчик заменяет. Она проходит процедуру вместе с оригиналом.",
    language: "Язык",
    add: "Добавить версию",
    adding: "Добавление…",
    added: "Языковая версия добавлена.",
    followsOriginal: "Языковая версия следует за оригиналом в процедуре: переведите на следующий этап оригинал.",
    invalidLanguage: "Выберите один из предложенных языков.",
    sameLanguage: "Оригинал уже написан на этом языке.",
    exists: "У этого документа уже есть версия на этом языке.",
    noSuchParagraph: "Этого абзаца нет одновременно в оригинале и в версии.",
    parallelTitle: "Параллельно: {title}",
    parallelIntro:
      "Каждая строка ставит абзац оригинала рядом с тем же абзацем версии ({language}), с нумерацией оригинала. Версия редактируется здесь; оригинал рядом с ней доступен только для чтения и обновляется в реальном времени.",
    originalColumn: "Оригинал: {language}",
    versionColumn: "Версия: {language}",
    originalParagraph: "Оригинал, пункт {n}",
    originalBlock: "Оригинал",
    onlyInVersion: "Только в версии",
    backToOriginal: "Оригинальный документ",
    backToVersion: "Документ версии",
    outdated: "Перевод устарел",
    outdatedHeading: "Устаревшие переводы",
    outdatedIntro:
      "Оригинал этих абзацев изменился после последнего подтверждения их перевода. Обновите перевод или подтвердите, что он остаётся верным.",
    noneOutdated: "Все абзацы соответствуют оригиналу.",
    paragraph: "Пункт {n}",
    unnumbered: "Абзац без номера",
    originalNow: "Оригинал теперь гласит",
    confirm: "Подтвердить перевод",
    confirmLabel: "Подтвердить перевод пункта {n}",
    confirming: "Подтверждение…",
    confirmed: "Перевод подтверждён.",
    parallelIntroOriginal:
      "В каждой строке пункт оригинала стоит рядом с тем же пунктом версии на языке: {language}, с нумерацией оригинала. Здесь редактируется оригинал; версия рядом доступна только для чтения и в реальном времени показывает правки своих редакторов.",
    editOriginalHere: "Редактировать здесь оригинал ({language})",
    editVersionHere: "Редактировать здесь версию: {language}",
    versionParagraph: "Перевод, пункт {n}",
    versionBlock: "Перевод",
    onlyInOriginal: "Только в оригинале",
    frozenHeading: "Языки, зафиксированные вместе",
    frozenIntro:
      "В этой редакции оригинал и все языковые версии зафиксированы в один момент; её хеш охватывает их все.",
    frozenLanguage: "Язык",
    frozenState: "Перевод",
    frozenOriginal: "Оригинал",
    frozenUpToDate: "Актуален",
    frozenOutdated: "Пункты с устаревшим переводом: {count}",
    frozenOutdatedNumbers: "Пункты с устаревшим переводом: {count} (пункты {numbers})",
    frozenHashes: "Хеш текста на каждом языке",
    frozenText: "Читать текст на языке: {language}",
    versionApproval:
      "Государства высказывают позицию по оригиналу. Эта версия зафиксирована вместе с ним под тем же хешем редакции.",
    originalApproval: "Страница утверждения оригинала",
  },
};
