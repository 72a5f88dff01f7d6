// Strings of a partner's delegation (focal points confirming who speaks for their state), in both
// languages; spread into en.ts and fr.ts.
export const delegationEn = {
  delegation: {
    title: "Your delegation",
    intro:
      "Only a state decides who speaks for it. As focal point of {partners}, you confirm who may take positions in its name in each dialogue.",
    pendingTitle: "Awaiting your confirmation",
    nonePending: "Nobody awaits your confirmation.",
    membersTitle: "Who speaks for {partner}",
    noMembers: "Nobody speaks for {partner} yet.",
    person: "Person",
    dialogue: "Dialogue",
    role: "Role",
    partner: "For",
    requestedBy: "Invited by",
    requestedAt: "Invited on",
    actions: "Actions",
    confirm: "Confirm",
    confirmOne: "Confirm that {name} speaks for {partner} in {dialogue}",
    decline: "Decline",
    declineOne: "Decline {name} speaking for {partner} in {dialogue}",
    confirmed: "Confirmed: the membership is active.",
    declined: "Declined: the invitation is withdrawn.",
    pendingMember: "Awaiting confirmation by the focal point of {partner}",
    requested: "Invited. The focal point of the state this person would speak for must confirm it first.",
    requestMail: {
      subject: "{name} awaits your confirmation to speak for {partner}",
      text: "{name} was invited to the {dialogue} as {role} for {partner}. Only {partner}’s focal point can confirm it; until then the invitation grants nothing. Confirm or decline on your delegation page:",
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const delegationFr: Widen<typeof delegationEn> = {
  delegation: {
    title: "Votre délégation",
    intro:
      "Seul un État décide qui parle en son nom. En tant que point focal de {partners}, vous confirmez qui peut prendre position en son nom dans chaque dialogue.",
    pendingTitle: "En attente de votre confirmation",
    nonePending: "Personne n’attend votre confirmation.",
    membersTitle: "Qui parle pour {partner}",
    noMembers: "Personne ne parle encore pour {partner}.",
    person: "Personne",
    dialogue: "Dialogue",
    role: "Rôle",
    partner: "Pour",
    requestedBy: "Invité par",
    requestedAt: "Invité le",
    actions: "Actions",
    confirm: "Confirmer",
    confirmOne: "Confirmer que {name} parle pour {partner} dans {dialogue}",
    decline: "Refuser",
    declineOne: "Refuser que {name} parle pour {partner} dans {dialogue}",
    confirmed: "Confirmé : l’adhésion est active.",
    declined: "Refusé : l’invitation est retirée.",
    pendingMember: "En attente de confirmation par le point focal de {partner}",
    requested:
      "Invitation envoyée. Le point focal de l’État au nom duquel cette personne parlerait doit d’abord la confirmer.",
    requestMail: {
      subject: "{name} attend votre confirmation pour parler au nom de {partner}",
      text: "{name} a été invité au {dialogue} comme {role} pour {partner}. Seul le point focal de {partner} peut le confirmer ; d’ici là, l’invitation ne donne aucun droit. Confirmez ou refusez sur la page de votre délégation :",
    },
  },
};
