// Chinese strings of the ledger of agreement (margin labels, the chair's control, the progress view).

import type { ledgerEn } from "../ledger";

export const ledgerZh: typeof ledgerEn = {
  ledger: {
    status: { agreed: "已商定", adRef: "待核准", bracketed: "方括号内", pending: "待决" },
    adRefUntil: "待核准，至{date}",
    withPartners: "{label}（{partners}）",
    marginLabel: "谈判状态：{label}",
    control: {
      heading: "商定情况记录",
      paragraph: "段落",
      paragraphOption: "第{number}段：{text}",
      headingOption: "标题：{text}",
      status: "状态",
      partners: "相关代表团",
      partnersHelp: "坚持保留方括号的代表团，或须确认待核准商定的代表团。",
      until: "待核准期限",
      apply: "记录状态",
      applied: "{paragraph}现为：{label}。",
      none: "尚无含有文字的段落。",
    },
    progress: {
      title: "案文进展",
      link: "案文进展",
      alternatives: "提出的备选案文",
      alternative: "{partner}：“{text}”",
      intro: "按谈判状态分列的段落和标题，涵盖每个订正本和实时案文。",
      chartLabel: "条形图：每个订正本和实时案文中按状态分列的段落。下表载有相同数字。",
      chartTitle: "按状态分列的段落",
      live: "实时案文",
      revision: "Rev. {number}",
      tableCaption: "按状态分列的段落，按订正本",
      text: "案文",
      total: "共计",
      current: "当前商定情况记录",
      number: "编号",
      paragraphText: "段落",
      partners: "代表团",
      until: "期限",
      heading: "标题",
      empty: "尚无含有文字的段落。",
    },
  },
};
