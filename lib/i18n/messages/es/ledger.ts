// Cadenas del registro del acuerdo (etiquetas al margen, control de la Presidencia, vista de
// avance), en español.
import type { ledgerEn } from "../ledger";

export const ledgerEs: typeof ledgerEn = {
  ledger: {
    status: { agreed: "Acordado", adRef: "Ad ref.", bracketed: "Entre corchetes", pending: "Pendiente" },
    adRefUntil: "Ad ref. hasta el {date}",
    withPartners: "{label} ({partners})",
    marginLabel: "Estado de la negociación: {label}",
    control: {
      heading: "Registro del acuerdo",
      paragraph: "Párrafo",
      paragraphOption: "¶ {number}: {text}",
      headingOption: "Título: {text}",
      status: "Estado",
      partners: "Delegaciones interesadas",
      partnersHelp: "Las que mantienen los corchetes, o las que deben confirmar el ad referéndum.",
      until: "Ad ref. hasta el",
      apply: "Registrar el estado",
      applied: "{paragraph} queda ahora: {label}.",
      none: "Todavía no hay ningún párrafo con texto.",
    },
    progress: {
      title: "Avance del texto",
      link: "Avance del texto",
      alternatives: "Alternativas sobre la mesa",
      alternative: "{partner}: “{text}”",
      intro: "Párrafos y títulos según el estado de la negociación, para cada revisión y para el texto en vivo.",
      chartLabel:
        "Gráfico de barras: párrafos según su estado para cada revisión y para el texto en vivo. Las mismas cifras figuran en la tabla siguiente.",
      chartTitle: "Párrafos según su estado",
      live: "Texto en vivo",
      revision: "Rev. {number}",
      tableCaption: "Párrafos según su estado, por revisión",
      text: "Texto",
      total: "Total",
      current: "Registro actual",
      number: "N.º",
      paragraphText: "Párrafo",
      partners: "Delegaciones",
      until: "Hasta el",
      heading: "Título",
      empty: "Todavía no hay ningún párrafo con texto.",
    },
  },
};
