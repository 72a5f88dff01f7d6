// HTML export: one self-contained, sanitized file (no script, no event handlers, no external
// resource, only http/https/mailto links), built from the export model by string escaping, never
// by passing stored markup through. The PDF is this same HTML printed by Chromium.
import { rtlLocales } from "@/lib/i18n/locales";
import type { Cover, ExportSource } from "../types";
import { formatDate, isoDate } from "./cover";
import type { Block, CommentNote, ExportModel, Inline, TextInline } from "./model";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const markTags: Record<string, string> = { bold: "strong", italic: "em", underline: "u", strike: "s", code: "code" };

/** A pending suggestion as <ins>/<del> naming its author, and the author once more, visibly, after its last run. */
function withSuggestion(html: string, inline: TextInline, cover: Cover): string {
  const s = inline.suggestion;
  if (!s) return html;
  const tag = s.kind === "insert" ? "ins" : "del";
  const title = cover.t(s.kind === "insert" ? "exports.annotations.insertedBy" : "exports.annotations.deletedBy", {
    author: s.author,
  });
  const label = cover.t(s.kind === "insert" ? "exports.annotations.insertLabel" : "exports.annotations.deleteLabel", {
    author: s.author,
  });
  const wrapped = `<${tag} class="suggestion" data-suggestion="${s.number}" data-author="${escapeHtml(s.author)}" title="${escapeHtml(title)}">${html}</${tag}>`;
  return s.last ? `${wrapped}<span class="suggestion-label">${escapeHtml(label)}</span>` : wrapped;
}

function commentRefs(inline: TextInline, cover: Cover): string {
  return (inline.commentEnds ?? [])
    .map(
      (n) =>
        `<sup class="comment-ref"><a href="#comment-${n}" id="comment-ref-${n}">${escapeHtml(cover.t("exports.annotations.marker", { n }))}</a></sup>`,
    )
    .join("");
}

function inlineHtml(inlines: Inline[], cover: Cover): string {
  return inlines
    .map((inline) => {
      if (inline.kind === "break") return "<br>";
      if (inline.kind === "note") {
        return `<sup class="note-ref"><a href="#note-${inline.number}" id="note-ref-${inline.number}">${inline.number}</a></sup>`;
      }
      let html = escapeHtml(inline.text);
      for (const mark of [...inline.marks].reverse()) html = `<${markTags[mark]}>${html}</${markTags[mark]}>`;
      if (inline.href) html = `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer nofollow">${html}</a>`;
      if (inline.comments?.length)
        html = `<span class="commented" data-comments="${inline.comments.join(" ")}">${html}</span>`;
      return withSuggestion(html, inline, cover) + commentRefs(inline, cover);
    })
    .join("");
}

/** Bracketed text in square brackets; ad ref text followed by its marker. */
function withAgreement(html: string, agreement: "bracketed" | "adRef" | null, cover: Cover): string {
  if (agreement === "bracketed") return `<span class="bracket">[</span>${html}<span class="bracket">]</span>`;
  if (agreement === "adRef") return `${html} <span class="ad-ref">${escapeHtml(cover.adRef)}</span>`;
  return html;
}

function agreementClass(agreement: "bracketed" | "adRef" | null): string {
  return agreement === "bracketed" ? " bracketed" : agreement === "adRef" ? " ad-ref-block" : "";
}

/** The paragraph's ledger status in the margin (print: the page's right margin), named for screen readers. */
function ledgerHtml(block: Extract<Block, { kind: "heading" | "paragraph" }>, cover: Cover): string {
  if (!block.ledger) return "";
  const { text, label } = cover.ledgerMargin(block.ledger, block.kind === "paragraph" ? block.number : null);
  return `<span class="ledger ledger-${block.ledger.status}" data-ledger="${block.ledger.status}" role="note" aria-label="${escapeHtml(label)}">${escapeHtml(text)}</span>`;
}

function blockHtml(block: Block, cover: Cover): string {
  switch (block.kind) {
    case "heading": {
      // The margin note sits beside the heading, not in it: a heading's text is its bookmark's title.
      const heading = `<h${block.level} dir="auto" class="heading${agreementClass(block.agreement)}">${withAgreement(inlineHtml(block.inlines, cover), block.agreement, cover)}</h${block.level}>`;
      return block.ledger ? `<div class="heading-block">${ledgerHtml(block, cover)}${heading}</div>` : heading;
    }
    case "paragraph": {
      const body = withAgreement(inlineHtml(block.inlines, cover), block.agreement, cover);
      const cls = agreementClass(block.agreement);
      // The margin note last: positioned beside the first line, read after the paragraph's text.
      if (block.number === null) return `<p dir="auto" class="plain${cls}">${body}${ledgerHtml(block, cover)}</p>`;
      return `<p dir="auto" class="para${cls}" id="para-${block.number}" data-number="${block.number}"><span class="num">${block.number}.</span> ${body}${ledgerHtml(block, cover)}</p>`;
    }
    case "list": {
      const items = block.items.map((item) => `<li dir="auto">${blocksHtml(item, cover)}</li>`).join("");
      return block.ordered
        ? `<ol${block.start !== 1 ? ` start="${block.start}"` : ""}>${items}</ol>`
        : `<ul>${items}</ul>`;
    }
    case "quote":
      return `<blockquote>${blocksHtml(block.blocks, cover)}</blockquote>`;
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "rule":
      return "<hr>";
    case "table": {
      const rows = block.rows
        .map((row) => {
          const cells = row.cells
            .map((cell) => {
              const tag = cell.header ? "th" : "td";
              const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ""}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ""}`;
              return `<${tag}${span} dir="auto">${blocksHtml(cell.blocks, cover)}</${tag}>`;
            })
            .join("");
          return `<tr>${cells}</tr>`;
        })
        .join("");
      return `<table class="content-table"><tbody>${rows}</tbody></table>`;
    }
  }
}

function blocksHtml(blocks: Block[], cover: Cover): string {
  return blocks.map((b) => blockHtml(b, cover)).join("\n");
}

const style = `
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { font-family: "Noto Serif", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.45; color: #111; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
.cover { border: 1px solid #444; padding: 0.8rem 1rem; margin-bottom: 1.5rem; }
.cover h1 { font-size: 1.5rem; margin: 0 0 0.6rem; }
.cover .record { font-size: 0.95rem; font-weight: bold; margin: 0 0 0.4rem; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; font-size: 0.9rem; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover .mono { font-family: "Noto Sans Mono", monospace; font-size: 0.8rem; word-break: break-all; }
.cover table { margin-top: 0.6rem; font-size: 0.85rem; }
.cover h2 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
.draft-notice { border: 2px solid #a00; color: #a00; font-weight: bold; padding: 0.4rem 0.6rem; }
table { border-collapse: collapse; margin: 0.6rem 0; }
th, td { border: 1px solid #666; padding: 0.2rem 0.4rem; vertical-align: top; text-align: start; }
th p, td p, li p { margin: 0.1rem 0; }
main { padding-right: 6.8rem; }
.para, .plain, .heading-block { position: relative; }
.heading-block > .ledger { top: 1.2em; }
.para { padding-inline-start: 2.4em; text-indent: -2.4em; }
.para .num { font-weight: bold; margin-inline-end: 0.9em; }
.ledger { position: absolute; top: 0.15em; right: -6.8rem; width: 6.2rem; text-indent: 0; text-align: left; direction: ltr; font: normal 7.5pt/1.25 "Noto Sans", sans-serif; color: #444; border-left: 2px solid #999; padding-left: 0.3rem; }
.ledger-agreed { border-color: #15803d; }
.ledger-adRef { border-color: #1d4ed8; }
.ledger-bracketed { border-color: #b45309; }
.cover .ledger-summary td.count { text-align: end; }
.bracketed { background: #fff3cd; }
.bracket { font-weight: bold; }
.ad-ref { font-style: italic; font-size: 0.9em; }
.note-ref a { text-decoration: none; }
.notes { border-top: 1px solid #444; margin-top: 1.5rem; font-size: 0.9rem; }
.notes h2 { font-size: 1rem; }
blockquote { margin: 0.6rem 1.5rem; padding-left: 0.8rem; border-left: 3px solid #999; }
.annotations-notice { border: 2px solid #1d4ed8; color: #1d3a8a; font-weight: bold; padding: 0.4rem 0.6rem; }
ins.suggestion { color: #1d4ed8; text-decoration: underline; }
del.suggestion { color: #b91c1c; text-decoration: line-through; }
.suggestion-label { font-size: 0.75em; color: #444; margin-inline-start: 0.2em; }
.commented { background: #fef3c7; }
.comment-ref a { text-decoration: none; font-size: 0.8em; }
.comments { border-top: 1px solid #444; margin-top: 1.5rem; font-size: 0.9rem; }
.comments h2 { font-size: 1rem; }
.comments > ol { list-style: none; padding: 0; }
.comment-thread { margin: 0 0 0.8rem; }
.comment-thread .quote { font-style: italic; margin: 0.1rem 0; }
.comment-entry { margin: 0.1rem 0 0.1rem 1.2rem; }
a { color: #0645ad; }
`;

function coverHtml(source: ExportSource, cover: Cover): string {
  const rows = cover.rows
    .map((r) => `<dt>${escapeHtml(r.label)}</dt><dd${r.mono ? ' class="mono"' : ""}>${escapeHtml(r.value)}</dd>`)
    .join("");
  const positions = cover.positions
    ? `<h2>${escapeHtml(cover.positionsHeading)}</h2><table aria-label="${escapeHtml(cover.positionsHeading)}"><thead><tr>${cover.positionsColumns
        .map((c) => `<th scope="col">${escapeHtml(c)}</th>`)
        .join("")}</tr></thead><tbody>${cover.positions
        .map(
          (p) =>
            `<tr><td dir="auto">${escapeHtml(p.partner)}</td><td>${escapeHtml(p.position)}</td><td dir="auto">${escapeHtml(p.reason)}</td><td dir="auto">${escapeHtml(p.recordedBy)}</td><td>${escapeHtml(p.recordedAt)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  const notice =
    (cover.draftNotice ? `<p class="draft-notice" role="note">${escapeHtml(cover.draftNotice)}</p>` : "") +
    (cover.annotationsNotice
      ? `<p class="annotations-notice" role="note">${escapeHtml(cover.annotationsNotice)}</p>`
      : "");
  const ledger = `<h2>${escapeHtml(cover.ledger.heading)}</h2><table class="ledger-summary" aria-label="${escapeHtml(cover.ledger.heading)}"><thead><tr>${cover.ledger.columns
    .map((c) => `<th scope="col">${escapeHtml(c)}</th>`)
    .join("")}</tr></thead><tbody>${cover.ledger.rows
    .map(
      (r) =>
        `<tr data-ledger-status="${r.status}"><th scope="row">${escapeHtml(r.label)}</th><td class="count">${r.count}</td></tr>`,
    )
    .join("")}</tbody></table>`;
  return `<header class="cover" aria-label="${escapeHtml(cover.heading)}">${notice}<p class="record">${escapeHtml(cover.heading)}</p><h1 dir="auto">${escapeHtml(source.title)}</h1><dl>${rows}</dl>${ledger}${positions}</header>`;
}

const multiline = (text: string) => text.split("\n").map(escapeHtml).join("<br>");

function threadHtml(note: CommentNote, cover: Cover): string {
  const marker = escapeHtml(cover.t("exports.annotations.marker", { n: note.number }));
  const back = note.anchored ? ` <a href="#comment-ref-${note.number}" aria-label="↩ ${marker}">↩</a>` : "";
  const where = note.anchored
    ? ""
    : `<p class="not-anchored">${escapeHtml(cover.t("exports.annotations.notAnchored"))}</p>`;
  const entries = note.entries
    .map(
      (e) =>
        `<p class="comment-entry" dir="auto"><strong>${escapeHtml(e.author)}</strong>, ${escapeHtml(formatDate(e.date))}: ${
          e.withdrawn ? `<em>${escapeHtml(cover.t("exports.annotations.withdrawn"))}</em>` : multiline(e.body)
        }</p>`,
    )
    .join("");
  return `<li class="comment-thread" id="comment-${note.number}"><p class="quote" dir="auto"><strong>${marker}</strong> ${escapeHtml(
    cover.t("exports.annotations.on", { quote: note.quote }),
  )}${back}</p>${where}${entries}</li>`;
}

/** The open comment threads, numbered as their markers in the text; says what was left out. */
function commentsHtml(model: ExportModel, cover: Cover): string {
  const annotations = model.annotations;
  if (!annotations) return "";
  const heading = escapeHtml(cover.t("exports.annotations.commentsHeading"));
  const list = annotations.comments.length
    ? `<ol>${annotations.comments.map((note) => threadHtml(note, cover)).join("")}</ol>`
    : `<p>${escapeHtml(cover.t("exports.annotations.noComments"))}</p>`;
  const resolved = annotations.resolvedLeftOut
    ? `<p class="resolved">${escapeHtml(cover.t("exports.annotations.resolvedLeftOut", { n: annotations.resolvedLeftOut }))}</p>`
    : "";
  return `<section class="comments" aria-label="${heading}"><h2>${heading}</h2>${list}${resolved}</section>`;
}

/** The complete HTML document. `title` differs for the PDF only (it carries the marker there). */
export function renderHtml(source: ExportSource, model: ExportModel, cover: Cover, options: { title?: string } = {}) {
  const notes = model.notes.length
    ? `<section class="notes" aria-label="${escapeHtml(cover.notesHeading)}"><h2>${escapeHtml(cover.notesHeading)}</h2><ol>${model.notes
        .map(
          (n) =>
            `<li id="note-${n.number}" dir="auto">${escapeHtml(n.text)} <a href="#note-ref-${n.number}" aria-label="↩ ${n.number}">↩</a></li>`,
        )
        .join("")}</ol></section>`
    : "";
  return `<!DOCTYPE html>
<html lang="${cover.lang}"${rtlLocales.has(cover.lang) ? ' dir="rtl"' : ""}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Accord">
<meta name="accord-fingerprint" content="${escapeHtml(cover.marker)}">
<meta name="dcterms.date" content="${isoDate(source.date)}">
<title>${escapeHtml(options.title ?? cover.documentName)}</title>
<style>${style}</style>
</head>
<body>
${coverHtml(source, cover)}
<main aria-label="${escapeHtml(cover.t("exports.cover.text"))}"${source.language !== cover.lang ? ` lang="${escapeHtml(source.language)}"` : ""}>
${blocksHtml(model.blocks, cover)}
</main>
${notes}${commentsHtml(model, cover)}
</body>
</html>
`;
}
