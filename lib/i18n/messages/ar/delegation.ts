// Arabic strings of a partner's delegation (focal points confirming who speaks for their state).

import type { delegationEn } from "../delegation";

export const delegationAr: typeof delegationEn = {
  delegation: {
    title: "وفدك",
    intro:
      "لا يقرر من يتكلم باسم دولة إلا تلك الدولة. وبصفتك جهة التنسيق لدى {partners}، تؤكد من يجوز له اتخاذ المواقف باسمها في كل حوار.",
    pendingTitle: "بانتظار تأكيدك",
    nonePending: "لا أحد ينتظر تأكيدك.",
    membersTitle: "من يتكلم باسم {partner}",
    noMembers: "لا أحد يتكلم باسم {partner} حتى الآن.",
    person: "الشخص",
    dialogue: "الحوار",
    role: "الدور",
    partner: "باسم",
    requestedBy: "الداعي",
    requestedAt: "تاريخ الدعوة",
    actions: "الإجراءات",
    confirm: "تأكيد",
    confirmOne: "تأكيد أن {name} يتكلم باسم {partner} في {dialogue}",
    decline: "رفض",
    declineOne: "رفض أن يتكلم {name} باسم {partner} في {dialogue}",
    confirmed: "أُكِّدت: العضوية سارية.",
    declined: "رُفضت: سُحبت الدعوة.",
    pendingMember: "بانتظار تأكيد جهة التنسيق لدى {partner}",
    requested: "وُجِّهت الدعوة. ويجب أولاً أن تؤكدها جهة التنسيق لدى الدولة التي سيتكلم هذا الشخص باسمها.",
    suspended: "عُلِّقت: لا تمنح العضوية أي صلاحية إلى أن تُستعاد.",
    restored: "استُعيدت: أصبحت العضوية سارية مجدداً.",
    suspend: "تعليق",
    suspendOne: "تعليق عضوية {name} في {dialogue}",
    restore: "استعادة",
    restoreOne: "استعادة عضوية {name} في {dialogue}",
    remove: "إزالة",
    removeOne: "إزالة {name} من {dialogue}",
    state: "الحالة",
    active: "سارية",
    suspendedState: "معلقة",
    invitedState: "مدعو، لم يقبل بعد",
    inviteTitle: "دعوة شخص إلى التكلم باسم {partner}",
    inviteHelp:
      "يتلقى من ليس لديه حساب دعوة بالبريد الإلكتروني ويختار كلمة المرور الخاصة به بنفسه. ويُؤكَّد كل من تدعوه فوراً: فأنت تتكلم باسم دولتك.",
    email: "البريد الإلكتروني",
    name: "الاسم (لمن ليس لديه حساب)",
    invite: "دعوة",
    noDialogues: "لا يشارك {partner} في أي حوار حتى الآن.",
    requestMail: {
      subject: "ينتظر {name} تأكيدك ليتكلم باسم {partner}",
      text: "دُعي {name} إلى {dialogue} بصفة {role} عن {partner}. ولا يمكن تأكيد ذلك إلا لجهة التنسيق لدى {partner}؛ وإلى حين ذلك لا تمنح الدعوة أي صلاحية. يرجى التأكيد أو الرفض في صفحة وفدك:",
    },
  },
};
