// Akoma Ntoso 3.0 export (OASIS LegalDocML), validated in tests against ../shared/schemas/akn.
// A paper is a <doc name="recommendations|positionPaper">: the cover in <preface>, numbered
// paragraphs as <paragraph> with the app's numbers, notes as <authorialNote>, the approval
// positions and the HLD submission as <workflow> steps, and the fingerprint in <proprietary>.
// With annotations: pending suggestions as <ins>/<del> (title and refersTo name the author),
// open comment threads as editorial <note>s in <notes>, referred to by <noteRef> in the text.

import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Locale } from "@/lib/i18n/locales";
import type { Cover, ExportSource } from "../types";
import { formatDate, isoDate } from "./cover";
import type { Block, ExportModel, Inline } from "./model";

/** Akoma Ntoso names languages by their three-letter ISO 639-2 code. */
const iso639_2: Record<Locale, string> = { ar: "ara", zh: "zho", en: "eng", fr: "fra", ru: "rus", es: "spa" };

const AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
const ACCORD = "https://accord.example/ns/export/1.0";

const markElement: Record<string, string> = { bold: "b", italic: "i", underline: "u" };

function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^\w]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .toLowerCase() || "x"
  );
}

function xmlDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** What inline content needs beyond the text: the author references of suggestions, and the labels. */
type InlineContext = { cover: Cover; person: (name: string) => string };

function addInlines(parent: XMLBuilder, inlines: Inline[], ctx: InlineContext) {
  for (const inline of inlines) {
    if (inline.kind === "break") {
      parent.ele("eol");
      continue;
    }
    if (inline.kind === "note") {
      parent
        .ele("authorialNote", {
          marker: String(inline.number),
          placement: "bottom",
          eId: `authorialNote_${inline.number}`,
        })
        .ele("p")
        .txt(inline.text);
      continue;
    }
    let target = parent;
    const s = inline.suggestion;
    if (s) {
      target = target.ele(s.kind === "insert" ? "ins" : "del", {
        class: "suggestion",
        refersTo: `#${ctx.person(s.author)}`,
        title: ctx.cover.t(s.kind === "insert" ? "exports.annotations.insertedBy" : "exports.annotations.deletedBy", {
          author: s.author,
        }),
      });
    }
    if (inline.href) target = target.ele("a", { href: inline.href });
    for (const mark of inline.marks) {
      if (mark === "strike") target = target.ele("inline", { name: "strikethrough" });
      else if (mark === "code") target = target.ele("inline", { name: "code" });
      else target = target.ele(markElement[mark] as string);
    }
    target.txt(inline.text);
    for (const n of inline.commentEnds ?? []) {
      parent.ele("noteRef", {
        href: `#comment_${n}`,
        marker: ctx.cover.t("exports.annotations.marker", { n }),
        class: "comment",
      });
    }
  }
}

function addAgreementText(
  parent: XMLBuilder,
  block: { inlines: Inline[]; agreement: "bracketed" | "adRef" | null },
  cover: Cover,
  ids: Ids,
) {
  if (block.agreement === "bracketed") parent.txt("[");
  addInlines(parent, block.inlines, { cover, person: ids.person });
  if (block.agreement === "bracketed") parent.txt("]");
  if (block.agreement === "adRef") parent.txt(" ").ele("inline", { name: "adReferendum" }).txt(cover.adRef);
}

type Ids = { next: (prefix: string) => string; person: (name: string) => string };

/**
 * The block's ledger status, as the other formats put it in the margin: an editorial remark at
 * the end of its text, classed by status so a reader can pick it out.
 */
function addLedgerRemark(parent: XMLBuilder, block: Extract<Block, { kind: "heading" | "paragraph" }>, cover: Cover) {
  if (!block.ledger) return;
  const { label } = cover.ledgerMargin(block.ledger, block.kind === "paragraph" ? block.number : null);
  parent
    .txt(" ")
    .ele("remark", { class: `ledger ledger-${block.ledger.status}` })
    .txt(label);
}

function addBlocks(parent: XMLBuilder, blocks: Block[], cover: Cover, ids: Ids, top: boolean) {
  for (const block of blocks) addBlock(parent, block, cover, ids, top);
}

function addBlock(parent: XMLBuilder, block: Block, cover: Cover, ids: Ids, top: boolean) {
  const agreementAttrs = (a: "bracketed" | "adRef" | null) =>
    a
      ? { class: a === "bracketed" ? "bracketed" : "adReferendum", status: a === "bracketed" ? "pending" : undefined }
      : {};
  switch (block.kind) {
    case "heading": {
      if (top) {
        const container = parent.ele("hcontainer", {
          name: `heading${block.level}`,
          eId: ids.next("hcontainer"),
          ...(block.agreement ? { class: agreementAttrs(block.agreement).class } : {}),
        });
        const heading = container.ele("heading");
        addAgreementText(heading, block, cover, ids);
        addLedgerRemark(heading, block, cover);
      } else {
        addAgreementText(parent.ele("p", { class: `heading${block.level}` }), block, cover, ids);
      }
      return;
    }
    case "paragraph": {
      if (top && block.number !== null) {
        const para = parent.ele("paragraph", {
          eId: `para_${block.number}`,
          ...(block.agreement ? { class: agreementAttrs(block.agreement).class } : {}),
        });
        para.ele("num").txt(`${block.number}.`);
        const text = para.ele("content").ele("p");
        addAgreementText(text, block, cover, ids);
        addLedgerRemark(text, block, cover);
      } else {
        addAgreementText(
          parent.ele("p", block.agreement ? { class: agreementAttrs(block.agreement).class } : {}),
          block,
          cover,
          ids,
        );
      }
      return;
    }
    case "list": {
      const list = parent.ele(
        block.ordered ? "ol" : "ul",
        block.ordered && block.start !== 1 ? { class: `start-${block.start}` } : {},
      );
      for (const item of block.items) {
        const li = list.ele("li");
        if (item.length === 0) li.txt("");
        addBlocks(li, item, cover, ids, false);
      }
      return;
    }
    case "quote": {
      const container = top
        ? parent.ele("container", { name: "quote", eId: ids.next("container") })
        : parent.ele("blockContainer", { class: "quote" });
      addBlocks(
        container,
        block.blocks.length ? block.blocks : [{ kind: "paragraph", number: null, inlines: [], agreement: null }],
        cover,
        ids,
        false,
      );
      return;
    }
    case "code":
      parent.ele("p", { class: "code" }).txt(block.text);
      return;
    case "rule":
      parent.ele("p", { class: "rule" });
      return;
    case "table": {
      const table = parent.ele("table", { eId: ids.next("table") });
      for (const row of block.rows) {
        const tr = table.ele("tr");
        for (const cell of row.cells) {
          const td = tr.ele(cell.header ? "th" : "td", {
            ...(cell.colspan > 1 ? { colspan: String(cell.colspan) } : {}),
            ...(cell.rowspan > 1 ? { rowspan: String(cell.rowspan) } : {}),
          });
          const inner = cell.blocks.length
            ? cell.blocks
            : [{ kind: "paragraph" as const, number: null, inlines: [], agreement: null }];
          addBlocks(td, inner, cover, ids, false);
        }
      }
      return;
    }
  }
}

export function renderAkn(source: ExportSource, model: ExportModel, cover: Cover): string {
  const docName = source.kind === "recommendations" ? "recommendations" : "positionPaper";
  const workUri = `/akn/un/doc/${docName}/${isoDate(source.date)}/${source.paperId}`;
  const exprUri = `${workUri}/${iso639_2[cover.lang]}@${source.revision === null ? "draft" : `rev${source.revision}`}`;
  const root = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "" }).ele(AKN, "akomaNtoso");
  const doc = root.ele("doc", {
    name: docName,
    contains: source.revision === null ? "singleVersion" : "originalVersion",
  });
  const meta = doc.ele("meta");
  const identification = meta.ele("identification", { source: "#accord" });
  const frbr = (parentName: string, uri: string, extra: (el: XMLBuilder) => void) => {
    const el = identification.ele(parentName);
    el.ele("FRBRthis", { value: uri });
    el.ele("FRBRuri", { value: uri });
    el.ele("FRBRdate", { date: isoDate(source.date), name: source.revision === null ? "lastChange" : "frozen" });
    el.ele("FRBRauthor", { href: `#dialogue_${slug(source.dialogue.code)}` });
    extra(el);
  };
  frbr("FRBRWork", workUri, (el) => {
    el.ele("FRBRcountry", { value: "un" });
    el.ele("FRBRname", { value: source.title });
  });
  frbr(`FRBRExpression`, exprUri, (el) => {
    el.ele("FRBRlanguage", { language: iso639_2[cover.lang] });
  });
  frbr("FRBRManifestation", `${exprUri}/main.xml`, () => {});

  // References: the secretariat software, the dialogue, its state partners, people who recorded
  // positions, and the concepts used by workflow steps.
  const people = new Map<string, string>();
  const partners = new Map<string, string>();
  for (const p of cover.positions ?? []) {
    if (!partners.has(p.partner)) partners.set(p.partner, `partner_${partners.size + 1}`);
    if (p.recordedBy !== cover.t("exports.cover.none") && !people.has(p.recordedBy)) {
      people.set(p.recordedBy, `person_${people.size + 1}`);
    }
  }
  const submitter = source.submission?.submittedBy;
  if (submitter && !people.has(submitter)) people.set(submitter, `person_${people.size + 1}`);
  // Authors of suggestions and comments ("Name (Partner)"), referred to from <ins>, <del> and notes.
  const person = (name: string) => {
    let id = people.get(name);
    if (!id) {
      id = `person_${people.size + 1}`;
      people.set(name, id);
    }
    return id;
  };
  for (const author of model.annotations?.authors ?? []) person(author);
  for (const note of model.annotations?.comments ?? []) for (const entry of note.entries) person(entry.author);

  if (source.submission || cover.positions) {
    const lifecycle = meta.ele("lifecycle", { source: "#accord" });
    lifecycle.ele("eventRef", {
      eId: "event_frozen",
      date: isoDate(source.date),
      source: "#original",
      type: "generation",
      refersTo: "#frozen",
    });
    if (source.submission) {
      lifecycle.ele("eventRef", {
        eId: "event_submitted",
        date: isoDate(source.submission.submittedAt),
        source: "#original",
        type: "generation",
        refersTo: "#hldSubmission",
      });
    }
    const workflow = meta.ele("workflow", { source: "#accord" });
    source.positions?.forEach((p, i) => {
      const line = cover.positions?.[i];
      if (!line) return;
      const step = workflow.ele("step", {
        date: p.recordedAt ? xmlDateTime(p.recordedAt) : xmlDateTime(source.date),
        by: `#${partners.get(line.partner)}`,
        outcome: `#position_${p.value}`,
        refersTo: "#approvalRound",
      });
      step.ele(ACCORD, "accord:position", { partner: line.partner, value: p.value }).txt(line.position);
      if (p.reason) step.ele(ACCORD, "accord:reason").txt(p.reason);
      if (p.recordedBy) step.ele(ACCORD, "accord:recordedBy").txt(p.recordedBy);
    });
    if (source.submission) {
      workflow
        .ele("step", {
          date: xmlDateTime(source.submission.submittedAt),
          by: `#${people.get(source.submission.submittedBy)}`,
          outcome: "#submitted",
          refersTo: "#hldSubmission",
        })
        .ele(ACCORD, "accord:reference")
        .txt(source.submission.reference);
    }
  }

  const refs = meta.ele("references", { source: "#accord" });
  refs.ele("original", { eId: "original", href: exprUri, showAs: source.title });
  refs.ele("TLCOrganization", { eId: "accord", href: "/ontology/organization/accord", showAs: "Accord" });
  refs.ele("TLCOrganization", {
    eId: `dialogue_${slug(source.dialogue.code)}`,
    href: `/ontology/organization/dialogue/${slug(source.dialogue.code)}`,
    showAs: source.dialogue.name,
  });
  for (const [name, id] of partners) {
    refs.ele("TLCOrganization", { eId: id, href: `/ontology/organization/partner/${slug(name)}`, showAs: name });
  }
  for (const [name, id] of people) {
    refs.ele("TLCPerson", { eId: id, href: `/ontology/person/${slug(name)}`, showAs: name });
  }
  if (source.submission || cover.positions) {
    refs.ele("TLCEvent", {
      eId: "approvalRound",
      href: "/ontology/event/accord/approvalRound",
      showAs: cover.positionsHeading,
    });
    refs.ele("TLCEvent", { eId: "frozen", href: "/ontology/event/accord/frozen", showAs: cover.revisionLabel });
    refs.ele("TLCEvent", {
      eId: "hldSubmission",
      href: "/ontology/event/accord/hldSubmission",
      showAs: cover.t("exports.cover.reference"),
    });
    for (const value of ["approve", "object", "abstain", "approve_by_silence", "none"]) {
      refs.ele("TLCConcept", {
        eId: `position_${value}`,
        href: `/ontology/concept/accord/position/${value}`,
        showAs: cover.t(`position.${value}` as never),
      });
    }
    refs.ele("TLCConcept", {
      eId: "submitted",
      href: "/ontology/concept/accord/submitted",
      showAs: cover.t("status.submitted"),
    });
  }

  if (model.annotations?.comments.length) {
    const notes = meta.ele("notes", { source: "#accord" });
    for (const comment of model.annotations.comments) {
      const note = notes.ele("note", {
        eId: `comment_${comment.number}`,
        marker: cover.t("exports.annotations.marker", { n: comment.number }),
        class: "comment",
      });
      note.ele("p", { class: "quote" }).txt(cover.t("exports.annotations.on", { quote: comment.quote }));
      if (!comment.anchored) note.ele("p", { class: "notAnchored" }).txt(cover.t("exports.annotations.notAnchored"));
      for (const entry of comment.entries) {
        const p = note.ele("p", { class: "comment", refersTo: `#${person(entry.author)}` });
        p.txt(`${entry.author}, ${formatDate(entry.date)}: `);
        if (entry.withdrawn) {
          p.ele("i").txt(cover.t("exports.annotations.withdrawn"));
          continue;
        }
        entry.body.split("\n").forEach((line, i) => {
          if (i > 0) p.ele("eol");
          p.txt(line);
        });
      }
    }
  }

  const proprietary = meta.ele("proprietary", { source: "#accord" });
  proprietary.ele(ACCORD, "accord:fingerprint").txt(cover.marker);
  proprietary.ele(ACCORD, "accord:sha256").txt(source.hash);
  proprietary.ele(ACCORD, "accord:status").txt(source.status);
  proprietary.ele(ACCORD, "accord:revision").txt(source.revision === null ? "live" : String(source.revision));

  // Preface: the cover block, as people read it.
  const preface = doc.ele("preface");
  if (cover.draftNotice) preface.ele("p", { class: "draftNotice" }).txt(cover.draftNotice);
  if (cover.annotationsNotice) preface.ele("p", { class: "annotationsNotice" }).txt(cover.annotationsNotice);
  if (model.annotations?.resolvedLeftOut) {
    preface
      .ele("p", { class: "annotationsResolved" })
      .txt(cover.t("exports.annotations.resolvedLeftOut", { n: model.annotations.resolvedLeftOut }));
  }
  preface.ele("p", { class: "record" }).txt(cover.heading);
  preface.ele("p", { class: "title" }).ele("docTitle").txt(source.title);
  for (const row of cover.rows) {
    const p = preface.ele("p", { class: "coverRow" });
    p.txt(`${row.label}: `);
    if (row.label === cover.t("exports.cover.status")) p.ele("docStatus").txt(row.value);
    else if (row.label === cover.t("exports.cover.date"))
      p.ele("docDate", { date: isoDate(source.date) }).txt(row.value);
    else if (row.label === cover.t("exports.cover.reference")) p.ele("docNumber").txt(row.value);
    else p.txt(row.value);
  }
  if (cover.positions) {
    preface.ele("p", { class: "positionsHeading" }).txt(cover.positionsHeading);
    const table = preface.ele("container", { name: "positions" }).ele("table", { eId: "table_positions" });
    const head = table.ele("tr");
    for (const c of cover.positionsColumns) head.ele("th").ele("p").txt(c);
    for (const p of cover.positions) {
      const tr = table.ele("tr");
      for (const v of [p.partner, p.position, p.reason, p.recordedBy, p.recordedAt]) tr.ele("td").ele("p").txt(v);
    }
  }

  const counters = new Map<string, number>();
  const ids: Ids = {
    next: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
    person,
  };
  const body = doc.ele("mainBody");
  if (model.blocks.length === 0) body.ele("p");
  addBlocks(body, model.blocks, cover, ids, true);
  return root.end({ prettyPrint: true });
}
