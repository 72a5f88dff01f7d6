// Strings of "Follow the chair": following the leader's place in the text, handing the lead.
export const liveSessionEn = {
  liveSession: {
    follow: "Follow {name} ({role})",
    roleChair: "chair",
    roleLead: "leading",
    leaderAt: "{name} is at paragraph {n}",
    leaderAfter: "{name} is after paragraph {n}",
    leaderAtStart: "{name} is at the start of the text",
    leaderAway: "{name} is not in the text right now",
    youLead: "You lead the session: participants who follow see your paragraph.",
    handTo: "Hand the lead to",
    hand: "Hand the lead",
    takeBack: "Take back the lead",
    handed: "The lead is handed over.",
    takenBack: "You lead the session again.",
    leadNotEligible: "The lead can go only to an active member who takes part in the text.",
  },
};

export const liveSessionFr = {
  liveSession: {
    follow: "Suivre {name} ({role})",
    roleChair: "présidence",
    roleLead: "mène la séance",
    leaderAt: "{name} est au paragraphe {n}",
    leaderAfter: "{name} est après le paragraphe {n}",
    leaderAtStart: "{name} est au début du texte",
    leaderAway: "{name} n’est pas dans le texte pour le moment",
    youLead: "Vous menez la séance\u202f: les participants qui vous suivent voient votre paragraphe.",
    handTo: "Passer la main à",
    hand: "Passer la main",
    takeBack: "Reprendre la main",
    handed: "La main est passée.",
    takenBack: "Vous menez de nouveau la séance.",
    leadNotEligible: "La main ne peut passer qu’à un membre actif qui prend part au texte.",
  },
} satisfies typeof liveSessionEn;
