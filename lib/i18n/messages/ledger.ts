// Strings of the ledger of agreement (margin labels, the chair's control, the progress view), in
// both languages; spread into en.ts and fr.ts.
export const ledgerEn = {
  ledger: {
    status: { agreed: "Agreed", adRef: "Ad ref.", bracketed: "Bracketed", pending: "Pending" },
    adRefUntil: "Ad ref. until {date}",
    withPartners: "{label} ({partners})",
    marginLabel: "Negotiation status: {label}",
    control: {
      heading: "Ledger of agreement",
      paragraph: "Paragraph",
      paragraphOption: "¶ {number}: {text}",
      headingOption: "Heading: {text}",
      status: "Status",
      partners: "Delegations concerned",
      partnersHelp: "Holding the brackets, or to confirm the ad ref.",
      until: "Ad ref. until",
      apply: "Record the status",
      applied: "{paragraph} is now: {label}.",
      none: "No paragraph with text yet.",
    },
    progress: {
      title: "Progress of the text",
      link: "Progress of the text",
      intro: "Paragraphs and headings by negotiation status, for each revision and the live text.",
      chartLabel:
        "Bar chart: paragraphs by status for each revision and the live text. The same numbers are in the table below.",
      chartTitle: "Paragraphs by status",
      live: "Live text",
      revision: "Rev. {number}",
      tableCaption: "Paragraphs by status, per revision",
      text: "Text",
      total: "Total",
      current: "Current ledger",
      number: "No.",
      paragraphText: "Paragraph",
      partners: "Delegations",
      until: "Until",
      heading: "Heading",
      empty: "No paragraph with text yet.",
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const ledgerFr: Widen<typeof ledgerEn> = {
  ledger: {
    status: { agreed: "Convenu", adRef: "Ad ref.", bracketed: "Entre crochets", pending: "En suspens" },
    adRefUntil: "Ad ref. jusqu’au {date}",
    withPartners: "{label} ({partners})",
    marginLabel: "Statut de négociation\u202f: {label}",
    control: {
      heading: "Registre des accords",
      paragraph: "Paragraphe",
      paragraphOption: "§ {number}\u202f: {text}",
      headingOption: "Titre\u202f: {text}",
      status: "Statut",
      partners: "Délégations concernées",
      partnersHelp: "Qui maintiennent les crochets, ou doivent confirmer l’ad ref.",
      until: "Ad ref. jusqu’au",
      apply: "Enregistrer le statut",
      applied: "{paragraph} est désormais\u202f: {label}.",
      none: "Aucun paragraphe rédigé pour l’instant.",
    },
    progress: {
      title: "Avancement du texte",
      link: "Avancement du texte",
      intro: "Paragraphes et titres par statut de négociation, pour chaque révision et le texte en cours.",
      chartLabel:
        "Diagramme en barres\u202f: paragraphes par statut pour chaque révision et le texte en cours. Les mêmes chiffres figurent dans le tableau ci-dessous.",
      chartTitle: "Paragraphes par statut",
      live: "Texte en cours",
      revision: "Rév. {number}",
      tableCaption: "Paragraphes par statut, par révision",
      text: "Texte",
      total: "Total",
      current: "Registre actuel",
      number: "N°",
      paragraphText: "Paragraphe",
      partners: "Délégations",
      until: "Jusqu’au",
      heading: "Titre",
      empty: "Aucun paragraphe rédigé pour l’instant.",
    },
  },
};
