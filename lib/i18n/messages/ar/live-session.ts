// Arabic strings of "Follow the chair": following the leader's place in the text, handing the lead.

import type { liveSessionEn } from "../live-session";

export const liveSessionAr: typeof liveSessionEn = {
  liveSession: {
    follow: "متابعة {name} ({role})",
    roleChair: "الرئيس",
    roleLead: "يدير الجلسة",
    leaderAt: "{name} عند الفقرة {n}",
    leaderAfter: "{name} بعد الفقرة {n}",
    leaderAtStart: "{name} عند بداية النص",
    leaderAway: "{name} ليس في النص حالياً",
    youLead: "أنت تدير الجلسة: يرى المشاركون الذين يتابعونك الفقرة التي أنت فيها.",
    handTo: "تسليم إدارة الجلسة إلى",
    hand: "تسليم إدارة الجلسة",
    takeBack: "استعادة إدارة الجلسة",
    handed: "سُلِّمت إدارة الجلسة.",
    takenBack: "أنت تدير الجلسة مجدداً.",
    leadNotEligible: "لا يجوز تسليم إدارة الجلسة إلا إلى عضو نشط يشارك في النص.",
  },
};
