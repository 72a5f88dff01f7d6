// Markdown export (CommonMark + GFM tables and strikethrough + footnotes, as pandoc and GitHub
// read them), written from the export model: every character of text escaped, links only to
// safe targets (the model drops the rest), paragraph numbers kept as literal "1." text.
// With annotations, pending suggestions are written in CriticMarkup ({++inserted++}{>>author<<},
// {--deleted--}{>>author<<}), which other readers show as literal text, and comment threads as
// [C1] markers with a Comments section at the end.
import type { Cover, ExportSource } from "../types";
import { formatDate } from "./cover";
import type { Block, ExportModel, Inline, InlineMark, SuggestionRun } from "./model";

/** Escapes text so that no character of it is read as Markdown (CommonMark and pandoc's extensions). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~&$^@#+!]/g, (c) => `\\${c}`);
}

/** Escapes what would start a block if it came first on a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(\d+)([.)])/, "$1$2\\$3").replace(/^(\s*)([-=])/, "$1\\$2");
}

const delimiters: Partial<Record<InlineMark, [string, string]>> = {
  bold: ["**", "**"],
  italic: ["*", "*"],
  strike: ["~~", "~~"],
  underline: ["<u>", "</u>"],
};
const stackMarks: InlineMark[] = ["bold", "italic", "strike", "underline"];

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const sameSuggestion = (a: SuggestionRun | null, b: SuggestionRun | null) =>
  a === b || (!!a && !!b && a.number === b.number && a.kind === b.kind);

/**
 * Inline runs with marks opened and closed as a stack, so nesting across text nodes stays valid.
 * A suggestion closes every mark at its edges, so emphasis never straddles its delimiters.
 */
function runMarkdown(inlines: Inline[], cover: Cover): string {
  let out = "";
  const active: InlineMark[] = [];
  let pendingSpace = "";
  let suggestion: SuggestionRun | null = null;
  const closeFrom = (keep: number) => {
    while (active.length > keep) {
      const mark = active.pop() as InlineMark;
      out += delimiters[mark]?.[1] ?? "";
    }
  };
  const switchSuggestion = (next: SuggestionRun | null) => {
    if (sameSuggestion(suggestion, next)) return;
    closeFrom(0);
    out += pendingSpace;
    pendingSpace = "";
    if (suggestion) out += `${suggestion.kind === "insert" ? "++}" : "--}"}{>>${escapeMarkdown(suggestion.author)}<<}`;
    if (next) out += next.kind === "insert" ? "{++" : "{--";
    suggestion = next;
  };
  const commentMarkers = (inline: Inline) =>
    inline.kind === "text"
      ? (inline.commentEnds ?? [])
          .map((n) => `\\[${escapeMarkdown(cover.t("exports.annotations.marker", { n }))}\\]`)
          .join("")
      : "";
  for (const inline of inlines) {
    switchSuggestion(inline.kind === "text" ? (inline.suggestion ?? null) : null);
    if (inline.kind === "break") {
      closeFrom(0);
      out += `${pendingSpace}\\\n`;
      pendingSpace = "";
      continue;
    }
    if (inline.kind === "note") {
      out += `${pendingSpace}[^${inline.number}]`;
      pendingSpace = "";
      continue;
    }
    const wanted = stackMarks.filter((m) => inline.marks.includes(m));
    let keep = 0;
    while (keep < active.length && wanted.includes(active[keep] as InlineMark)) keep++;
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text);
    const [lead, core, trail] = [match?.[1] ?? "", match?.[2] ?? "", match?.[3] ?? ""];
    if (!core) {
      pendingSpace += inline.text;
      const markers = commentMarkers(inline);
      if (markers) {
        out += pendingSpace + markers;
        pendingSpace = "";
      }
      continue;
    }
    closeFrom(keep);
    out += pendingSpace + lead;
    pendingSpace = trail;
    for (const mark of wanted) {
      if (!active.includes(mark)) {
        active.push(mark);
        out += delimiters[mark]?.[0] ?? "";
      }
    }
    out += inline.marks.includes("code") ? codeSpan(core) : escapeMarkdown(core);
    out += commentMarkers(inline);
  }
  switchSuggestion(null);
  closeFrom(0);
  return out + pendingSpace;
}

function inlineMarkdown(inlines: Inline[], cover: Cover): string {
  // Consecutive text with the same safe href becomes one link.
  let out = "";
  let i = 0;
  while (i < inlines.length) {
    const first = inlines[i] as Inline;
    const href = first.kind === "text" ? first.href : null;
    let j = i + 1;
    while (j < inlines.length) {
      const next = inlines[j] as Inline;
      const nextHref = next.kind === "text" ? next.href : null;
      if (nextHref !== href) break;
      j++;
    }
    const segment = inlines.slice(i, j);
    out += href
      ? `[${runMarkdown(segment, cover)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`
      : runMarkdown(segment, cover);
    i = j;
  }
  return out;
}

function withAgreement(text: string, agreement: "bracketed" | "adRef" | null, cover: Cover): string {
  if (agreement === "bracketed") return `\\[${text}\\]`;
  if (agreement === "adRef") return `${text} ${escapeMarkdown(cover.adRef)}`;
  return text;
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? first + line : line ? prefix + line : line))
    .join("\n");
}

function cellMarkdown(blocks: Block[], cover: Cover): string {
  return blocks
    .map((b) => blockMarkdown(b, cover))
    .join(" ")
    .replace(/\\\n/g, " ")
    .replace(/\n+/g, " ")
    .replace(/(?<!\\)\|/g, "\\|");
}

/**
 * The block's ledger status, as the other formats put it in the margin: a line of its own in
 * italics after the block ("Status of paragraph 3: Ad ref. · by MAR · until 2026-12-12").
 */
function ledgerMarkdown(block: Extract<Block, { kind: "heading" | "paragraph" }>, cover: Cover): string {
  if (!block.ledger) return "";
  const { label } = cover.ledgerMargin(block.ledger, block.kind === "paragraph" ? block.number : null);
  return `\n\n*${escapeMarkdown(label)}*`;
}

function blockMarkdown(block: Block, cover: Cover): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${withAgreement(inlineMarkdown(block.inlines, cover), block.agreement, cover)}${ledgerMarkdown(block, cover)}`;
    case "paragraph": {
      const body = withAgreement(inlineMarkdown(block.inlines, cover), block.agreement, cover);
      const lines = body.split("\n").map(escapeLineStart).join("\n");
      return `${block.number === null ? lines : `${block.number}\\. ${lines}`}${ledgerMarkdown(block, cover)}`;
    }
    case "list":
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : "- ";
          const body = item.map((b) => blockMarkdown(b, cover)).join("\n\n") || " ";
          return indent(body, " ".repeat(marker.length), marker);
        })
        .join("\n");
    case "quote":
      return indent(block.blocks.map((b) => blockMarkdown(b, cover)).join("\n\n"), "> ").replace(/^$/gm, ">");
    case "code": {
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((r) => r.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}\n${block.text}\n${fence}`;
    }
    case "rule":
      return "---";
    case "table": {
      const width = Math.max(1, ...block.rows.map((r) => r.cells.reduce((n, c) => n + c.colspan, 0)));
      const line = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill("")].join(" | ")} |`;
      const rowCells = (row: (typeof block.rows)[number]) =>
        row.cells.flatMap((c) => [cellMarkdown(c.blocks, cover), ...Array(c.colspan - 1).fill("")]);
      const [first, ...rest] = block.rows;
      const headed = first?.cells.every((c) => c.header) ?? false;
      const header = headed && first ? line(rowCells(first)) : line([]);
      const body = (headed ? rest : block.rows).map((r) => line(rowCells(r)));
      return [header, `|${" --- |".repeat(width)}`, ...body].join("\n");
    }
  }
}

/** The open comment threads after the text, each under its marker; replies as list items. */
function commentsMarkdown(annotations: NonNullable<ExportModel["annotations"]>, cover: Cover): string[] {
  const t = cover.t;
  const parts = ["---", `**${escapeMarkdown(t("exports.annotations.commentsHeading"))}**`];
  if (annotations.comments.length === 0) parts.push(escapeMarkdown(t("exports.annotations.noComments")));
  for (const note of annotations.comments) {
    const head = `**${escapeMarkdown(t("exports.annotations.marker", { n: note.number }))}** ${escapeMarkdown(
      t("exports.annotations.on", { quote: note.quote }),
    )}`;
    parts.push(note.anchored ? head : `${head}\\\n*${escapeMarkdown(t("exports.annotations.notAnchored"))}*`);
    parts.push(
      note.entries
        .map((e) => {
          const body = e.withdrawn
            ? `*${escapeMarkdown(t("exports.annotations.withdrawn"))}*`
            : e.body
                .split("\n")
                .map((line) => escapeLineStart(escapeMarkdown(line)))
                .join("\\\n  ");
          return `- **${escapeMarkdown(e.author)}**, ${escapeMarkdown(formatDate(e.date))}: ${body}`;
        })
        .join("\n"),
    );
  }
  if (annotations.resolvedLeftOut) {
    parts.push(escapeMarkdown(t("exports.annotations.resolvedLeftOut", { n: annotations.resolvedLeftOut })));
  }
  return parts;
}

export function renderMarkdown(source: ExportSource, model: ExportModel, cover: Cover): string {
  const parts: string[] = [];
  parts.push(`<!-- ${cover.marker} -->`);
  if (cover.draftNotice) parts.push(`**${escapeMarkdown(cover.draftNotice)}**`);
  if (cover.annotationsNotice) parts.push(`**${escapeMarkdown(cover.annotationsNotice)}**`);
  parts.push(`**${escapeMarkdown(cover.heading)}**`);
  parts.push(`# ${escapeMarkdown(source.title)}`);
  parts.push(
    cover.rows
      .map((r) => `- **${escapeMarkdown(r.label)}:** ${r.mono ? codeSpan(r.value) : escapeMarkdown(r.value)}`)
      .join("\n"),
  );
  if (cover.positions) {
    parts.push(`**${escapeMarkdown(cover.positionsHeading)}**`);
    const esc = (s: string) => escapeMarkdown(s);
    parts.push(
      [
        `| ${cover.positionsColumns.map(esc).join(" | ")} |`,
        `|${" --- |".repeat(cover.positionsColumns.length)}`,
        ...cover.positions.map(
          (p) => `| ${[p.partner, p.position, p.reason, p.recordedBy, p.recordedAt].map(esc).join(" | ")} |`,
        ),
      ].join("\n"),
    );
  }
  parts.push("---");
  for (const block of model.blocks) {
    const md = blockMarkdown(block, cover);
    if (md.trim()) parts.push(md);
  }
  if (model.annotations) parts.push(...commentsMarkdown(model.annotations, cover));
  if (model.notes.length) {
    parts.push(model.notes.map((n) => `[^${n.number}]: ${escapeMarkdown(n.text) || " "}`).join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
