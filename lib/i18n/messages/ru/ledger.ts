// Строки реестра согласования (пометки на полях, управление для Председателя, ход работы) на
// русском языке.
import type { ledgerEn } from "../ledger";

export const ledgerRu: typeof ledgerEn = {
  ledger: {
    status: { agreed: "Согласовано", adRef: "Ad ref.", bracketed: "В квадратных скобках", pending: "На рассмотрении" },
    adRefUntil: "Ad ref. до {date}",
    withPartners: "{label} ({partners})",
    marginLabel: "Статус переговоров: {label}",
    control: {
      heading: "Реестр согласования",
      paragraph: "Пункт",
      paragraphOption: "¶ {number}: {text}",
      headingOption: "Заголовок: {text}",
      status: "Статус",
      partners: "Соответствующие делегации",
      partnersHelp: "Делегации, сохраняющие квадратные скобки или должные подтвердить согласование ad referendum.",
      until: "Ad ref. до",
      apply: "Зарегистрировать статус",
      applied: "{paragraph}: теперь {label}.",
      none: "Пунктов с текстом пока нет.",
    },
    progress: {
      title: "Ход работы над текстом",
      link: "Ход работы над текстом",
      alternatives: "Альтернативные варианты на рассмотрении",
      alternative: "{partner}: «{text}»",
      intro: "Пункты и заголовки по статусу переговоров для каждой редакции и для текущего текста.",
      chartLabel:
        "Столбчатая диаграмма: пункты по статусу для каждой редакции и для текущего текста. Те же цифры приведены в таблице ниже.",
      chartTitle: "Пункты по статусу",
      live: "Текущий текст",
      revision: "Rev. {number}",
      tableCaption: "Пункты по статусу в каждой редакции",
      text: "Текст",
      total: "Всего",
      current: "Текущий реестр",
      number: "№",
      paragraphText: "Пункт",
      partners: "Делегации",
      until: "До",
      heading: "Заголовок",
      empty: "Пунктов с текстом пока нет.",
    },
  },
};
