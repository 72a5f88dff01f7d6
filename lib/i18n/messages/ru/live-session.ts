// Строки режима «Следовать за Председателем»: следить за местом ведущего в тексте, передавать ведение.
import type { liveSessionEn } from "../live-session";

export const liveSessionRu: typeof liveSessionEn = {
  liveSession: {
    follow: "Следовать: {name} ({role})",
    roleChair: "Председатель",
    roleLead: "ведущий",
    leaderAt: "{name}: пункт {n}",
    leaderAfter: "{name}: после пункта {n}",
    leaderAtStart: "{name}: начало текста",
    leaderAway: "{name}: сейчас вне текста",
    youLead: "Вы ведете заседание: участники, которые следуют за вами, видят ваш пункт.",
    handTo: "Кому передать ведение",
    hand: "Передать ведение",
    takeBack: "Вернуть себе ведение",
    handed: "Ведение передано.",
    takenBack: "Вы снова ведете заседание.",
    leadNotEligible: "Ведение можно передать только активному члену, участвующему в работе над текстом.",
  },
};
