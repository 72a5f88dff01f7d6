// Chinese strings of "Follow the chair": following the leader's place in the text, handing the lead.

import type { liveSessionEn } from "../live-session";

export const liveSessionZh: typeof liveSessionEn = {
  liveSession: {
    follow: "跟随{name}（{role}）",
    roleChair: "主席",
    roleLead: "主导",
    leaderAt: "{name}位于第{n}段",
    leaderAfter: "{name}位于第{n}段之后",
    leaderAtStart: "{name}位于文本开头",
    leaderAway: "{name}目前不在案文中",
    youLead: "您正在主导会议：跟随您的与会者会看到您所在的段落。",
    handTo: "将主导权移交给",
    hand: "移交主导权",
    takeBack: "收回主导权",
    handed: "主导权已移交。",
    takenBack: "您重新主导会议。",
    leadNotEligible: "主导权只能移交给参与案文工作的有效成员。",
  },
};
