// Read-only rendering of a stored paper, with its paragraph numbers. Builds React elements
// from the JSON (never raw HTML) and lets through only safe link targets.
import type { ReactNode } from "react";
import { agreementOf, type DocMark, type DocNode } from "@/lib/document";
import { blockLedgerStatus, type LedgerLabelStrings, ledgerLabel } from "@/lib/ledger";
import { paragraphNumbers } from "@/lib/numbering";

/** What the margin's ledger labels need: their strings, the delegations' names, the locale. */
export type LedgerMargin = { labels: LedgerLabelStrings; partnerNames: Record<string, string>; locale: string };

export function safeHref(href: unknown): string | undefined {
  if (typeof href !== "string") return undefined;
  try {
    const url = new URL(href);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

function withMarks(text: ReactNode, marks: DocMark[] = [], key: string): ReactNode {
  return marks.reduce<ReactNode>((inner, mark, i) => {
    const k = `${key}-m${i}`;
    switch (mark.type) {
      case "bold":
        return <strong key={k}>{inner}</strong>;
      case "italic":
        return <em key={k}>{inner}</em>;
      case "underline":
        return <u key={k}>{inner}</u>;
      case "strike":
        return <s key={k}>{inner}</s>;
      case "link": {
        const href = safeHref(mark.attrs?.href);
        return href ? (
          <a key={k} href={href} rel="noopener noreferrer nofollow" className="underline">
            {inner}
          </a>
        ) : (
          inner
        );
      }
      default:
        return inner;
    }
  }, text);
}

/** Footnotes met so far, in document order: their number is their position here. */
type RenderState = { notes: string[]; adRefLabel: string; ledger?: LedgerMargin };

/** The block's ledger status in words, before its text (none while pending or without `ledger`). */
function ledgerMarginLabel(node: DocNode, view: RenderState): ReactNode {
  if (!view.ledger) return null;
  const status = blockLedgerStatus(node);
  if (status.status === "pending") return null;
  const { labels, partnerNames, locale } = view.ledger;
  return (
    // The label is in the reader's language: its inner `dir` isolates it from the text's own
    // direction (an Arabic label would otherwise turn an English text round through the text's
    // `dir="auto"`), while the outer span keeps its margin on the text's side.
    <span className="ledger-status me-2 rounded border px-1 text-xs font-semibold" data-ledger-status={status.status}>
      <span dir="auto">{ledgerLabel(status, labels, partnerNames, locale)}</span>
    </span>
  );
}

function renderChildren(node: DocNode, key: string, view: RenderState): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, `${key}-${i}`, view));
}

/** Class and data attribute of a block's negotiation mark, as in the editor. */
function agreementProps(node: DocNode) {
  const mark = agreementOf(node);
  if (!mark) return {};
  return { "data-agreement": mark, className: mark === "bracketed" ? "agreement-bracketed" : "agreement-adref" };
}

/** "[ … ]" around bracketed text, "(ad ref.)" after text agreed ad referendum. */
function withAgreement(node: DocNode, children: ReactNode, adRefLabel: string): ReactNode {
  const mark = agreementOf(node);
  if (mark === "bracketed") {
    return (
      <>
        <span className="agreement-bracket">[</span>
        {children}
        <span className="agreement-bracket">]</span>
      </>
    );
  }
  if (mark === "adRef") {
    return (
      <>
        {children}
        <span className="agreement-adref-label" dir="auto">
          {" "}
          {adRefLabel}
        </span>
      </>
    );
  }
  return children;
}

function renderNode(node: DocNode, key: string, view: RenderState): ReactNode {
  switch (node.type) {
    case "text":
      return withMarks(node.text ?? "", node.marks, key);
    case "hardBreak":
      return <br key={key} />;
    case "footnote": {
      const text = typeof node.attrs?.content === "string" ? node.attrs.content : "";
      view.notes.push(text);
      const n = view.notes.length;
      return (
        <sup key={key} className="footnote-ref" title={text}>
          <a href={`#note-${n}`}>{n}</a>
        </sup>
      );
    }
    case "paragraph":
      return (
        <p key={key} {...agreementProps(node)}>
          {ledgerMarginLabel(node, view)}
          {withAgreement(node, renderChildren(node, key, view), view.adRefLabel)}
        </p>
      );
    case "heading": {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 2), 2), 4);
      const Tag = `h${level}` as "h2" | "h3" | "h4";
      return (
        <Tag key={key} {...agreementProps(node)}>
          {ledgerMarginLabel(node, view)}
          {withAgreement(node, renderChildren(node, key, view), view.adRefLabel)}
        </Tag>
      );
    }
    case "bulletList":
      return <ul key={key}>{renderChildren(node, key, view)}</ul>;
    case "orderedList":
      return (
        <ol key={key} start={Number(node.attrs?.start ?? 1)}>
          {renderChildren(node, key, view)}
        </ol>
      );
    case "listItem":
      return <li key={key}>{renderChildren(node, key, view)}</li>;
    case "blockquote":
      return <blockquote key={key}>{renderChildren(node, key, view)}</blockquote>;
    case "table":
      return (
        <table key={key}>
          <tbody>{renderChildren(node, key, view)}</tbody>
        </table>
      );
    case "tableRow":
      return <tr key={key}>{renderChildren(node, key, view)}</tr>;
    case "tableHeader":
      return <th key={key}>{renderChildren(node, key, view)}</th>;
    case "tableCell":
      return <td key={key}>{renderChildren(node, key, view)}</td>;
    default:
      return <span key={key}>{renderChildren(node, key, view)}</span>;
  }
}

export function DocumentView({
  doc,
  label,
  notesLabel,
  adRefLabel,
  ledger,
}: {
  doc: DocNode;
  label: string;
  notesLabel?: string;
  /** The "ad ref." marker in the reader's language. */
  adRefLabel: string;
  /** When given, each block's ledger status in words beside it. */
  ledger?: LedgerMargin;
}) {
  const numbers = paragraphNumbers(doc);
  const view: RenderState = { notes: [], adRefLabel, ledger };
  return (
    // The text's direction is its own, not the interface's (see the editor).
    <article className="paper-text" aria-label={label} dir="auto">
      {(doc.content ?? []).map((block, i) => {
        const number = numbers[i];
        const rendered = renderNode(block, `b${i}`, view);
        return number === undefined ? (
          rendered
        ) : (
          // The id is the paragraph's address (search results link to #para-3).
          <div key={`b${i}`} id={`para-${number}`} className="numbered-paragraph" data-paragraph-number={number}>
            <span className="paragraph-number" aria-hidden="true">
              {number}.
            </span>
            {rendered}
          </div>
        );
      })}
      {view.notes.length > 0 && (
        <section className="footnotes" aria-label={notesLabel}>
          <ol className="footnote-list">
            {view.notes.map((note, i) => (
              <li key={i} id={`note-${i + 1}`}>
                {note}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
