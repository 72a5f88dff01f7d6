// Строки, которые en.ts содержит непосредственно (вне модулей), на русском языке.

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

export const mainRu: Omit<Messages, ModuleKeys> = {
  app: {
    name: "Accord",
    tagline:
      "Обсуждение, согласование и представление текстов Диалогу на высоком уровне по вопросам международной миграции и развития Организации Объединенных Наций.",
  },
  languages: localeNames,
  nav: {
    label: "Главное меню",
    dialogues: "Мои диалоги",
    hldInbox: "Входящие Диалога на высоком уровне",
    admin: "Администрирование",
    accounts: "Учетные записи",
    audit: "Журнал аудита",
    delegation: "Делегация",
    language: "Язык интерфейса",
    signOut: "Выйти",
    skipToContent: "Перейти к содержанию",
  },
  common: { saving: "Сохранение…" },
  signIn: {
    title: "Вход",
    email: "Электронная почта",
    password: "Пароль",
    submit: "Войти",
    pending: "Выполняется вход…",
    invalid: "Неверный адрес электронной почты или пароль.",
    missingFields: "Введите адрес электронной почты и пароль.",
    throttled: "Слишком много неудачных попыток. Повторите попытку через {minutes} мин.",
    deactivated: "Эта учетная запись деактивирована. Обратитесь в секретариат.",
    failuresMail: {
      subject: "Неудачные попытки входа в вашу учетную запись Accord",
      text: "Зарегистрированы неудачные попытки входа в вашу учетную запись Accord с адреса {address}: {count} (последняя — {time}). Дальнейшие попытки с этого адреса замедляются; на вход с вашего собственного подключения это не влияет. Если это были не вы, сообщите в секретариат.",
    },
  },
  notFound: {
    title: "Страница не найдена",
    body: "Эта страница не существует, или у вас нет к ней доступа.",
    home: "Вернуться на начальную страницу",
  },
  role: { chair: "Председатель", penholder: "Составитель текста", delegate: "Делегат", observer: "Наблюдатель" },
  globalRole: { admin: "Администратор секретариата", hld_reviewer: "Рецензент Диалога на высоком уровне" },
  partnerKind: { state: "Государство", organisation: "Организация" },
  kind: { position_paper: "Документ с изложением позиции", recommendations: "Рекомендации" },
  status: {
    draft: "Проект",
    consultation: "Консультации",
    approval: "Утверждение",
    agreed: "Согласован",
    submitted: "Представлен",
  },
  dialogues: {
    inactiveTitle: "Неактивное участие",
    awaitingConfirmation:
      "{dialogue}: вы приглашены (роль: {role}; участник: {partner}). Прежде чем вы сможете принять участие, приглашение должен подтвердить координатор ({partner}).",
    membershipSuspended: "{dialogue}: ваше участие ({partner}) приостановлено координатором или секретариатом.",
    mine: "Мои диалоги",
    noneYet: "Вы пока не участвуете ни в одном диалоге.",
    yourRole: "Вы: {role}, {partner}",
    secretariatView: "Представление секретариата",
    partners: "Участники",
    papers: "Документы ({count})",
    papersOf: "Документы: {name}",
    allPapers: "Все документы ({count})",
  },
  papers: {
    title: "Название",
    kind: "Вид",
    status: "Статус",
    statusPrefix: "Статус:",
    revision: "Редакция",
    noRevision: "Еще не зафиксирован",
    revNumber: "Rev.{n}",
    lastChange: "Последнее изменение",
    hash: "SHA-256",
    none: "Документов пока нет.",
    new: "Новый документ",
    create: "Создать документ",
    created: "Документ создан.",
    text: "Текст",
    textOf: "Текст документа «{title}»",
    readOnlyNote: "Сохраненный текст в режиме только для чтения.",
  },
  editor: {
    adRefMarker: "(ad ref.)",
    live: "Текущий текст",
    loading: "Подключение к текущему тексту… Пока отображается сохраненный текст.",
    textArea: "Текст документа «{title}»",
    toolbar: "Форматирование",
    heading2: "Заголовок",
    heading3: "Подзаголовок",
    paragraph: "Обычный абзац",
    bold: "Полужирный",
    italic: "Курсив",
    underline: "Подчеркнутый",
    bulletList: "Маркированный список",
    orderedList: "Нумерованный список",
    blockquote: "Цитата",
    insertTable: "Вставить таблицу",
    addRow: "Добавить строку ниже",
    addColumn: "Добавить столбец справа",
    deleteRow: "Удалить строку",
    deleteColumn: "Удалить столбец",
    deleteTable: "Удалить таблицу",
    link: "Ссылка",
    linkAddress: "Адрес ссылки (http, https или mailto)",
    linkInvalid: "Допускаются только ссылки http://, https:// и mailto:.",
    removeLink: "Удалить ссылку",
    footnote: "Сноска",
    bracket: "Заключить пункт в квадратные скобки (не согласован)",
    adRef: "Отметить пункт как согласованный ad referendum",
    footnoteText: "Текст сноски",
    footnoteEmpty: "Введите текст сноски.",
    footnotes: "Примечания",
    apply: "Применить",
    cancel: "Отмена",
    undo: "Отменить",
    redo: "Повторить",
    shortcut: "{label} ({keys})",
    status: {
      connecting: "Подключение…",
      offline:
        "Нет соединения: ваши правки сохраняются на этой странице и будут отправлены, когда соединение восстановится.",
      syncing: "Сохранение…",
      saved: "Все изменения сохранены",
      readOnly: "Текст актуален",
    },
    presence: "Сейчас в этом документе:",
    you: "вы",
    presenceEntry: "{name}, {partner}",
    readOnly: {
      title: "Только для чтения",
      observer: "Наблюдатели могут читать и комментировать текст, но не редактировать его.",
      suggestOnly:
        "На этапе консультаций делегаты предлагают изменения в виде предложений, которые Председатель или составитель текста принимает или отклоняет.",
      frozen: "На этом этапе ({status}) текст зафиксирован.",
      notAllowed: "Ваша роль не позволяет редактировать этот документ на его текущем этапе.",
      server: "Сервер перевел это подключение в режим только для чтения: изменились ваши права или статус документа.",
    },
    refused: "В доступе к текущему тексту отказано. Возможно, изменились ваши права или истек срок вашего сеанса.",
    reload: "Перезагрузить страницу",
    tooLarge:
      "Ваше последнее изменение слишком велико для отправки (более 1 МБ) и не было сохранено; текст заново загружен с сервера. Вставляйте длинные тексты по частям.",
    tooFast:
      "Эта страница отправляла изменения быстрее, чем сервер может принять за один раз; она переподключилась и отправила их повторно.",
    kept: {
      title: "Не сохранено: введенный вами текст сохранен здесь",
      refused:
        "Сервер отклонил ваше последнее изменение, поэтому текст заново загружен с сервера без него. Скопируйте введенный текст и введите его снова.",
      suggestOnly:
        "Сейчас вы можете вносить изменения только в виде предложений (документ находится на этапе консультаций), поэтому ваши прямые правки не сохранены. Скопируйте введенный текст и предложите его снова.",
      tooLarge:
        "Ваше изменение слишком велико для отправки (более 1 МБ), поэтому оно не сохранено. Скопируйте его и вставьте по частям.",
      readOnly:
        "Текст был зафиксирован или ваши права изменились до того, как эти слова были сохранены. Скопируйте их, чтобы не потерять, — для комментария или следующего проекта.",
      blocked:
        "В режиме предложений это изменение записать невозможно (сноски, ссылки, разрывы строк и предложения других лиц изменять нельзя). Скопируйте слова и предложите их как обычный текст.",
      label: "Введенный вами текст",
      copy: "Копировать",
      copied: "Скопировано.",
      dismiss: "Закрыть",
    },
  },
  members: {
    title: "Члены",
    none: "Членов пока нет.",
    name: "Имя",
    email: "Электронная почта",
    role: "Роль",
    partner: "От имени",
    add: "Добавить члена",
    addTitle: "Добавление члена",
    newAccount: "Новая учетная запись",
    newAccountHelp:
      "Только для лица, у которого еще нет учетной записи: его имя. Оно получит приглашение по электронной почте и само выберет пароль.",
    change: "Сохранить роль",
    changeFor: "Изменить роль: {name}",
    remove: "Исключить",
    removeFor: "Исключить из диалога: {name}",
  },
  admin: {
    title: "Администрирование",
    dialogues: "Диалоги",
    dialogueName: "Название",
    code: "Код",
    codeHelp: "От 2 до 12 букв или цифр; используется в номерах Диалога на высоком уровне (например, RABAT).",
    slug: "Адрес",
    slugHelp: "Строчные латинские буквы, цифры и дефисы (например, rabat).",
    description: "Описание",
    newDialogue: "Новый диалог",
    createDialogue: "Создать диалог",
    dialogueCreated: "Диалог создан.",
    manageDialogue: "Управление диалогом",
    manageNamed: "Управление: {name}",
    openDialogue: "Открыть диалог",
    addState: "Добавить государство",
    addOrganisation: "Добавить организацию",
    country: "Страна",
    organisationName: "Организация",
    partnerAdded: "Участник добавлен.",
    memberAdded: "Член добавлен.",
    memberChanged: "Роль сохранена.",
    memberRemoved: "Член исключен.",
    accountUpdated: "Учетная запись обновлена.",
    accountCreated:
      "Учетная запись создана: приглашение отправлено по электронной почте, и ее владелец сам выберет пароль.",
    deactivated: "Деактивирована",
  },
  accounts: {
    title: "Учетные записи",
    list: "Все учетные записи",
    search: "Поиск по имени или адресу электронной почты",
    searchButton: "Найти",
    globalRole: "Общая роль",
    noGlobalRole: "Нет",
    state: "Состояние",
    active: "Активна",
    actions: "Действия",
    deactivate: "Деактивировать",
    reactivate: "Активировать снова",
    changeStateFor: "Активация: {email}",
    new: "Новая учетная запись",
    create: "Создать учетную запись",
  },
  audit: {
    title: "Журнал аудита",
    time: "Время",
    actor: "Исполнитель",
    action: "Действие",
    target: "Объект",
    details: "Подробности",
    system: "Система",
    newest: "Самые новые",
    older: "Более ранние события",
  },
  hld: {
    title: "Документы, представленные Диалогу на высоком уровне",
    allKinds: "Все виды",
    allDialogues: "Все диалоги",
    filters: "Фильтр представленных документов",
    filter: "Применить фильтр",
    empty: "Ни один документ еще не представлен.",
    noMatch: "Ни один представленный документ не соответствует этим фильтрам.",
    reference: "Номер",
    dialogue: "Диалог",
    submittedAt: "Представлен",
  },
  pagination: { label: "Страницы", previous: "Предыдущая", next: "Следующая", pageOf: "Страница {page} из {count}" },
  errors: {
    administratorExists: "Администратор уже существует: всех остальных приглашает он.",
    not_found: "Не найдено.",
    forbidden: "У вас нет права выполнять это действие.",
    invalid_input: "Некоторые введенные данные недействительны.",
    conflict: "Это противоречит текущему состоянию.",
    invalid_transition: "Этот шаг невозможен при текущем статусе документа.",
    unauthenticated: "Пожалуйста, войдите снова.",
    rate_limited: "Слишком много запросов за короткое время. Подождите немного и повторите попытку.",
    unexpected: "Произошла ошибка; ничего не изменено. Пожалуйста, повторите попытку.",
    invalidFields: "Пожалуйста, проверьте: {fields}.",
    accountDeactivated: "Эта учетная запись деактивирована.",
    accountDetailsRequired:
      "Учетной записи с этим адресом электронной почты нет: чтобы пригласить этого человека, укажите его имя.",
    alreadyMember: "Этот человек уже является членом диалога.",
    alreadyRequested: "Этот человек уже приглашен в диалог и ожидает подтверждения.",
    alreadySubmitted: "Этот документ уже представлен.",
    cannotDeactivateSelf: "Вы не можете деактивировать собственную учетную запись.",
    chairMustBeState: "Председатель представляет государство-участника.",
    deadlineInPast: "Срок должен истекать в будущем.",
    dialogueTaken: "Этот адрес или код уже используется другим диалогом.",
    emailTaken: "Учетная запись с этим адресом электронной почты уже существует.",
    globalRoleMember: "Учетные записи секретариата и Диалога на высоком уровне не могут иметь роль в диалоге.",
    invalidTransition: "Этот шаг невозможен при текущем статусе документа.",
    objectionReasonRequired: "Возражение должно сопровождаться обоснованием.",
    organisationNameRequired: "Укажите название организации.",
    partnerAlreadyInDialogue: "Этот участник уже участвует в диалоге.",
    partnerNotInDialogue: "Этот участник не участвует в диалоге.",
    passwordTooShort: "Пароль должен содержать не менее 12 символов.",
    passwordTooLong: "Пароль может содержать не более 1024 символов.",
    passwordCommon:
      "Этот пароль слишком распространен (он встречается в списках утекших или часто используемых паролей). Выберите более длинную собственную фразу.",
    passwordPersonal: "Пароль не может содержать ваш адрес электронной почты. Выберите собственную фразу.",
    roleNotInvitable: "Председатель может приглашать только составителей текста, делегатов и наблюдателей.",
    roundClosed: "Раунд утверждения закрыт.",
    titleLength: "Название должно содержать от 1 до 300 символов.",
    unknownCountry: "Неизвестный код страны.",
    bracketedText:
      "В тексте еще есть пункты [в квадратных скобках]: согласуйте их, прежде чем выносить текст на раунд.",
    pendingSuggestions:
      "Еще есть нерассмотренные предложения. Сначала примите по ним решение или отметьте «Перенести их в следующий проект», чтобы зафиксировать текст без них.",
  },
};
