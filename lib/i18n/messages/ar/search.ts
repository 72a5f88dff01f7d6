import type { searchEn } from "../search";

export const searchAr: typeof searchEn = {
  search: {
    title: "البحث",
    nav: "البحث",
    intro: "الوثائق التي يحق لك قراءتها: عناوينها، والنص الجاري، وكل تنقيح، والتعليقات.",
    label: "الكلمات المراد البحث عنها",
    hint: "لا أهمية للتشكيل ولا لحالة الأحرف، وتُحتسب الصيغ الأخرى للكلمة. ضع العبارة بين علامتي تنصيص؛ و‎-كلمة تستبعدها.",
    submit: "بحث",
    results: "النتائج",
    resultsFor: "نتائج البحث عن «{query}»",
    none: "لم يُعثر على شيء لـ«{query}».",
    tooLong: "لا يتجاوز البحث {max} حرفاً.",
    rateLimited: "عدد كبير جداً من عمليات البحث حالياً: أعد المحاولة بعد دقيقة.",
    source: { live: "النص الجاري", revision: "Rev.{n}", comment: "تعليق", title: "العنوان" },
    paragraph: "الفقرة {n}",
    snippet: "المقطع الذي عُثر عليه",
    previous: "النتائج السابقة",
    next: "مزيد من النتائج",
    pageLabel: "صفحات النتائج",
    page: "الصفحة {page}",
  },
};
