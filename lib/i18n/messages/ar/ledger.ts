// Arabic strings of the ledger of agreement (margin labels, the chair's control, the progress view).

import type { ledgerEn } from "../ledger";

export const ledgerAr: typeof ledgerEn = {
  ledger: {
    status: { agreed: "متفق عليه", adRef: "بشرط الرجوع", bracketed: "بين قوسين معقوفين", pending: "معلق" },
    adRefUntil: "بشرط الرجوع حتى {date}",
    withPartners: "{label} ({partners})",
    marginLabel: "حالة التفاوض: {label}",
    control: {
      heading: "سجل الاتفاق",
      paragraph: "الفقرة",
      paragraphOption: "الفقرة {number}: {text}",
      headingOption: "عنوان: {text}",
      status: "الحالة",
      partners: "الوفود المعنية",
      partnersHelp: "الوفود المتمسكة بالأقواس المعقوفة، أو التي يُنتظر أن تؤكد الموافقة المشروطة بالرجوع.",
      until: "بشرط الرجوع حتى",
      apply: "تسجيل الحالة",
      applied: "{paragraph} الآن: {label}.",
      none: "لا توجد فقرة تتضمن نصاً حتى الآن.",
    },
    progress: {
      title: "تقدم العمل في النص",
      link: "تقدم العمل في النص",
      alternatives: "الصيغ البديلة المطروحة",
      alternative: "{partner}: «{text}»",
      intro: "الفقرات والعناوين بحسب حالة التفاوض، لكل تنقيح وللنص المباشر.",
      chartLabel:
        "رسم بياني بالأعمدة: الفقرات بحسب الحالة لكل تنقيح وللنص المباشر. وترد الأرقام نفسها في الجدول أدناه.",
      chartTitle: "الفقرات بحسب الحالة",
      live: "النص المباشر",
      revision: "Rev. {number}",
      tableCaption: "الفقرات بحسب الحالة، لكل تنقيح",
      text: "النص",
      total: "المجموع",
      current: "سجل الاتفاق الحالي",
      number: "الرقم",
      paragraphText: "الفقرة",
      partners: "الوفود",
      until: "حتى",
      heading: "عنوان",
      empty: "لا توجد فقرة تتضمن نصاً حتى الآن.",
    },
  },
};
