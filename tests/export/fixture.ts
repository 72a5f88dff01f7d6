// A document that uses every element the editor supports, with the negotiation marks, links
// (safe and hostile), notes, French, Turkish and Arabic text: the fixture of the export tests.
import type { Db } from "@/db/client";
import type { Paper } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { exportPaper } from "@/server/export/service";
import type { ExportFormat, RevisionSelector } from "@/server/export/types";
import type { Actor } from "@/server/policy";
import { type DialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const text = (t: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (content: DocNode[], attrs?: Record<string, unknown>): DocNode => ({
  type: "paragraph",
  ...(attrs ? { attrs } : {}),
  content,
});
const cell = (type: "tableCell" | "tableHeader", t: string): DocNode => ({ type, content: [p([text(t)])] });

/** `bracketed: false` leaves the bracket mark out (a text with brackets cannot go to a round). */
export function fixtureDoc(options: { bracketed?: boolean } = {}): DocNode {
  const bracketed = options.bracketed ?? true;
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [text("Recommendations of the Rabat Process")] },
      p([
        text("Partners recognise that "),
        text("migration", [{ type: "bold" }]),
        text(" and "),
        text("development", [{ type: "italic" }]),
        text(" are "),
        text("interlinked", [{ type: "underline" }]),
        text(" and "),
        text("outdated", [{ type: "strike" }]),
        text("."),
        { type: "footnote", attrs: { content: "See the HLD 2006 report." } },
      ]),
      p([
        text("Read the "),
        text("ICMPD report", [{ type: "link", attrs: { href: "https://www.icmpd.org/report?a=1&b=2" } }]),
        text(" and "),
        text("click me", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
        text(" <script>alert('x')</script> & co."),
      ]),
      { type: "heading", attrs: { level: 3 }, content: [text("Partner states")] },
      p(
        [text("Délégations de la Côte d’Ivoire, Türkiye (Ankara, İzmir) et مصر والمغرب agree.")],
        bracketed ? { agreement: "bracketed" } : undefined,
      ),
      p([text("Mobility partnerships should be strengthened.")], { agreement: "adRef" }),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [p([text("Labour migration")])] },
          {
            type: "listItem",
            content: [
              p([text("Return and readmission")]),
              { type: "bulletList", content: [{ type: "listItem", content: [p([text("Voluntary return")])] }] },
            ],
          },
        ],
      },
      {
        type: "orderedList",
        attrs: { start: 1 },
        content: [
          { type: "listItem", content: [p([text("First step")])] },
          { type: "listItem", content: [p([text("Second step")])] },
        ],
      },
      { type: "heading", attrs: { level: 4 }, content: [text("Figures")] },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Country"), cell("tableHeader", "Migrants")] },
          { type: "tableRow", content: [cell("tableCell", "Senegal"), cell("tableCell", "12 400")] },
          { type: "tableRow", content: [cell("tableCell", "Mali | Niger"), cell("tableCell", "8 100")] },
        ],
      },
      { type: "blockquote", content: [p([text("Migration is a fact of life.")])] },
      p([
        text("Final paragraph with a second note"),
        { type: "footnote", attrs: { content: "Adopted in Dakar." } },
        { type: "hardBreak" },
        text("1. not a list after a break"),
      ]),
      p([]),
      p([text("# Not a heading * not emphasis _ [not a link](x) $x$ @cite")]),
    ],
  };
}

/** Every numbered paragraph's text as lib/numbering.ts numbers it, for read-back checks. */
export const fixtureParagraphs = [
  "Partners recognise that",
  "Read the",
  "Délégations de la Côte",
  "Mobility partnerships should be strengthened.",
  "Final paragraph with a second note",
  "# Not a heading",
];

/** The fixture as a paper submitted to the HLD (Rev.1, frozen at `now`): the export tests' subject. */
export async function submittedFixturePaper(db: Db, world: DialogueWithRoles, now: Date): Promise<Paper> {
  const { paper } = await makePaperInStatus(db, "submitted", world, {
    title: "Déclaration de Rabat sur la migration",
    content: fixtureDoc({ bracketed: false }),
    now,
  });
  return paper;
}

/** `actor`'s English export of a paper (Markdown unless told): the checks of who may export what. */
export function exportAs(
  db: Db,
  actor: Actor,
  paperId: string,
  revision: RevisionSelector,
  options: { format?: ExportFormat; includeAnnotations?: true } = {},
) {
  const { format = "md", ...annotations } = options;
  return exportPaper(db, actor, { paperId, revision, format, lang: "en", ...annotations });
}
