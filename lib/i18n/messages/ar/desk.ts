// Arabic strings of the negotiation desk: the paper page's panels, the personal desk, confirmations.

import type { deskEn } from "../desk";

export const deskAr: typeof deskEn = {
  desk: {
    title: "مكتبي",
    nav: "مكتبي",
    intro: "ما يتطلب إجراءً منك الآن في حواراتك.",
    positionsDue: "المواقف التي لم تتخذها دولتك بعد",
    positionsDueNone: "أجابت دولتك في جميع الجولات المفتوحة.",
    positionDue: "لم يتخذ {partner} موقفاً بعد بشأن {title}، Rev.{n}",
    closes: "تُغلق {when} ({date} بتوقيت UTC)",
    takePosition: "اتخاذ الموقف",
    openRounds: "الجولات المفتوحة والمواعيد النهائية",
    openRoundsNone: "لا توجد جولة مفتوحة في حواراتك.",
    roundLine: "{title}، Rev.{n}: أجابت {answered} من أصل {total} من الدول",
    mentions: "الإشارات إليك",
    mentionsNone: "لم يُشر إليك أحد حتى الآن.",
    mentionLine: "أشار إليك {author} في {title}",
    suggestions: "الاقتراحات المعلقة لوفدك",
    suggestionsNone: "ليس لدى وفدك أي اقتراح معلق.",
    suggestionLine: "{title}: {count} معلقة",
    papers: "وثائقي",
    papersNone: "لا توجد وثيقة في حواراتك حتى الآن.",
    allDialogues: "جميع حواراتي",
  },
  paperPage: {
    panel: "لوحة التفاوض",
    symbol: "الرمز",
    positionDueTitle: "لم يتخذ {partner} موقفاً بعد بشأن Rev.{n}",
    positionDueWhen: "تُغلق الجولة {when}، في {date} بتوقيت UTC.",
    positionDueSilence: "بموجب إجراء الموافقة الصامتة، يُعدّ عدم الإجابة حتى ذلك الحين موافقةً.",
    roundSummary: "الجولة المتعلقة بـ Rev.{n}: أجابت {answered} من أصل {total} من الدول.",
    roundClosesOn: "تُغلق في {date} بتوقيت UTC ({when}).",
    roundDetails: "عرض جميع المواقف",
    submittedTitle: "مقدَّمة إلى الحوار الرفيع المستوى",
    officialFiles: "الملفات الرسمية لـ Rev.{n}",
    officialFilesHelp: "هذه هي الملفات التي تلقاها الحوار الرفيع المستوى: وتتعرف صفحة التحقق العامة على كل منها.",
    verifyLink: "التحقق من ملف في صفحة التحقق العامة",
    revisionFiles: "ملفات Rev.{n}",
    revisionFilesHelp: "النص مجمَّد: تتضمن هذه الملفات Rev.{n} تماماً كما تراه الدول في الجولة.",
  },
  roundClose: {
    title: "إغلاق الجولة قبل موعدها",
    help: "ينهي الجولة الآن دون اتفاق، مثلاً عندما يحتاج النص إلى مزيد من العمل. ولا يُعدّ صمت الدول موافقةً في هذه الحالة أبداً.",
    button: "إغلاق الجولة دون اتفاق",
    done: "أُغلقت الجولة دون اتفاق؛ وأصبح النص مفتوحاً للمشاورات مجدداً.",
  },
  confirm: {
    cancel: "إلغاء",
    freezeTitle: "هل تريد تجميد Rev.{n} وفتح الجولة؟",
    freezeBody:
      "يصبح النص الحالي Rev.{n}، مع بصمته، ولا يمكن لأحد تغييره ريثما تتخذ الدول مواقفها. ولا يمكن إلغاء تجميد تنقيح مجمَّد.",
    freezeConfirm: "التجميد وفتح الجولة",
    submitTitle: "هل تريد تقديم Rev.{n} إلى الحوار الرفيع المستوى؟",
    submitBody: "يُرسل Rev.{n} وبصمته وموقف كل دولة إلى الحوار الرفيع المستوى. والتقديم نهائي: فلا يمكن سحبه أو تغييره.",
    submitConfirm: "التقديم إلى الحوار الرفيع المستوى",
    closeRoundTitle: "هل تريد إغلاق الجولة المتعلقة بـ Rev.{n} دون اتفاق؟",
    closeRoundBody:
      "تنتهي الجولة الآن دون اتفاق، أياً كانت الإجابات، ويعود النص إلى مرحلة المشاورات. وتبقى المواقف المسجلة في السجل.",
    closeRoundConfirm: "إغلاق الجولة",
  },
};
