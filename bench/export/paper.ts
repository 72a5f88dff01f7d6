// The benchmark's paper: 200 numbered paragraphs in 10 sections, a table after every 20
// paragraphs, lists, notes, links, emphasis, negotiation marks, a ledger status on most
// paragraphs and French / Turkish / Arabic names, as an ExportSource of a submitted revision (cover with positions and HLD reference).
// Built in memory: renderExport needs no database, only the stored document and cover facts.
import type { DocMark, DocNode } from "@/lib/document";
import { contentHash } from "@/server/canonical";
import type { ExportSource } from "@/server/export/types";

export const PARAGRAPHS = 200;
export const SECTIONS = 10;
export const TABLE_ROWS = 8;
export const TABLE_COLUMNS = 4;

const text = (t: string, marks?: DocMark[]): DocNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });

const sentences = [
  "Partners recognise that migration and development are interlinked and call for a comprehensive approach.",
  "Délégations de la Côte d’Ivoire, du Sénégal et du Mali soulignent l’importance des partenariats pour la mobilité.",
  "The representatives of Türkiye (Ankara, İzmir) and of مصر والمغرب welcomed the regional consultations.",
  "Return and readmission should be carried out in dignity and in full respect of the rights of migrants.",
  "Labour migration schemes could be opened to young graduates and to seasonal workers in agriculture.",
  "The diaspora platform could be used to inform and organise diaspora organisations in view of the HLD.",
];

function paragraph(n: number): DocNode {
  const content: DocNode[] = [
    text(`${sentences[n % sentences.length]} `),
    text("Capacity building", [{ type: "bold" }]),
    text(" of national authorities, "),
    text("data collection", [{ type: "italic" }]),
    text(" and the "),
    text("protection of migrants in transit", [{ type: "underline" }]),
    text(` remain priorities for the period 2013–2015 (item ${n}). `),
    text(sentences[(n + 3) % sentences.length] as string),
  ];
  if (n % 7 === 0) {
    content.push(
      text(" See the "),
      text("ICMPD report", [{ type: "link", attrs: { href: `https://www.icmpd.org/report?p=${n}&lang=en` } }]),
      text("."),
    );
  }
  if (n % 10 === 0)
    content.push({ type: "footnote", attrs: { content: `Note on paragraph ${n}: as agreed in Dakar.` } });
  return { type: "paragraph", attrs: ledgerStatus(n), content };
}

/**
 * A text well into its negotiation, so the margin carries as many notes as it will in practice:
 * half agreed, an eighth ad referendum (with a partner and a date), an eighth bracketed by two
 * partners, a quarter pending (pending paragraphs get no note).
 */
/** Ledger partners are stored as uuids. */
const partnerId = (i: number) => `00000000-0000-4000-8000-00000000000${i}`;

function ledgerStatus(n: number): Record<string, unknown> {
  switch (n % 8) {
    case 0:
    case 1:
    case 2:
    case 3:
      return { agreement: "agreed" };
    case 4:
      return { agreement: "adRef", agreementPartners: [partnerId(n % 5)], agreementUntil: "2026-12-31" };
    case 5:
      return { agreement: "bracketed", agreementPartners: [partnerId(n % 5), partnerId((n + 1) % 5)] };
    default:
      return {};
  }
}

function table(section: number): DocNode {
  const cell = (type: "tableHeader" | "tableCell", t: string): DocNode => ({
    type,
    content: [{ type: "paragraph", content: [text(t)] }],
  });
  const countries = ["Senegal", "Maroc", "Türkiye", "مصر", "Mali", "España", "Deutschland", "Nigeria"];
  return {
    type: "table",
    content: [
      {
        type: "tableRow",
        content: ["Country", "Migrants (2012)", "Returns", "Remarks"].map((h) => cell("tableHeader", h)),
      },
      ...Array.from({ length: TABLE_ROWS - 1 }, (_, r) => ({
        type: "tableRow",
        content: [
          cell("tableCell", countries[(r + section) % countries.length] as string),
          cell("tableCell", String(12_400 + 317 * r * (section + 1))),
          cell("tableCell", String(800 + 41 * r)),
          cell("tableCell", r % 2 ? "Bilateral agreement in force" : "Under negotiation"),
        ],
      })),
    ],
  };
}

function list(ordered: boolean, section: number): DocNode {
  return {
    type: ordered ? "orderedList" : "bulletList",
    ...(ordered ? { attrs: { start: 1 } } : {}),
    content: ["Labour migration", "Return and readmission", "Diaspora engagement"].map((item) => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [text(`${item} (section ${section + 1})`)] }],
    })),
  };
}

export function benchDoc(): DocNode {
  const content: DocNode[] = [];
  const perSection = PARAGRAPHS / SECTIONS;
  let n = 0;
  for (let s = 0; s < SECTIONS; s++) {
    content.push({
      type: "heading",
      attrs: { level: 2 },
      content: [text(`Section ${s + 1}: priorities of the partners`)],
    });
    for (let i = 0; i < perSection; i++) {
      n += 1;
      content.push(paragraph(n));
      if (i === perSection / 2 - 1) content.push(list(s % 2 === 0, s));
    }
    content.push(table(s));
  }
  return { type: "doc", content };
}

export function benchSource(): ExportSource {
  const doc = benchDoc();
  const frozen = new Date("2013-09-12T10:00:00Z");
  const partners: [string, string, string][] = [
    ["Senegal", "SEN", "Aminata Diop"],
    ["Morocco", "MAR", "Youssef El Amrani"],
    ["France", "FRA", "Claire Dubois"],
    ["Türkiye", "TUR", "Elif Yılmaz"],
    ["Egypt", "EGY", "Nadia Farouk"],
  ];
  return {
    paperId: "00000000-0000-4000-8000-000000000200",
    dialogue: { name: "Rabat Process", code: "RABAT" },
    title: "Rabat Process recommendations to the 2013 High-Level Dialogue (benchmark, 200 paragraphs)",
    kind: "recommendations",
    status: "submitted",
    revision: 3,
    symbol: "RABAT/2013/WG.1/L.1/Rev.2",
    partnerCodes: Object.fromEntries(partners.map(([, iso3], i) => [partnerId(i), iso3])),
    date: frozen,
    hash: contentHash(doc).hash,
    language: "en",
    texts: "",
    languages: null,
    doc,
    positions: partners.map(([partner, iso3, recordedBy], i) => ({
      partner,
      iso3,
      value: "approve",
      reason: null,
      recordedBy,
      recordedAt: new Date(frozen.getTime() + (i + 1) * 3_600_000),
    })),
    submission: {
      reference: "HLD/2013/RABAT/001",
      submittedAt: new Date("2013-09-20T09:30:00Z"),
      submittedBy: "Aminata Diop",
    },
  };
}
