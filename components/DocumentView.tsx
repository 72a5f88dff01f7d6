// Read-only rendering of a stored paper, with its paragraph numbers. Builds React elements
// from the JSON (never raw HTML) and lets through only safe link targets.
import type { ReactNode } from "react";
import type { DocMark, DocNode } from "@/lib/document";
import { paragraphNumbers } from "@/lib/numbering";

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

function renderChildren(node: DocNode, key: string): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, `${key}-${i}`));
}

function renderNode(node: DocNode, key: string): ReactNode {
  switch (node.type) {
    case "text":
      return withMarks(node.text ?? "", node.marks, key);
    case "hardBreak":
      return <br key={key} />;
    case "paragraph":
      return <p key={key}>{renderChildren(node, key)}</p>;
    case "heading": {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 2), 2), 4);
      const Tag = `h${level}` as "h2" | "h3" | "h4";
      return <Tag key={key}>{renderChildren(node, key)}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{renderChildren(node, key)}</ul>;
    case "orderedList":
      return (
        <ol key={key} start={Number(node.attrs?.start ?? 1)}>
          {renderChildren(node, key)}
        </ol>
      );
    case "listItem":
      return <li key={key}>{renderChildren(node, key)}</li>;
    case "blockquote":
      return <blockquote key={key}>{renderChildren(node, key)}</blockquote>;
    case "table":
      return (
        <table key={key}>
          <tbody>{renderChildren(node, key)}</tbody>
        </table>
      );
    case "tableRow":
      return <tr key={key}>{renderChildren(node, key)}</tr>;
    case "tableHeader":
      return <th key={key}>{renderChildren(node, key)}</th>;
    case "tableCell":
      return <td key={key}>{renderChildren(node, key)}</td>;
    default:
      return <span key={key}>{renderChildren(node, key)}</span>;
  }
}

export function DocumentView({ doc, label }: { doc: DocNode; label: string }) {
  const numbers = paragraphNumbers(doc);
  return (
    <article className="paper-text" aria-label={label}>
      {(doc.content ?? []).map((block, i) => {
        const number = numbers[i];
        const rendered = renderNode(block, `b${i}`);
        return number === undefined ? (
          rendered
        ) : (
          <div key={`b${i}`} className="numbered-paragraph" data-paragraph-number={number}>
            <span className="paragraph-number" aria-hidden="true">
              {number}.
            </span>
            {rendered}
          </div>
        );
      })}
    </article>
  );
}
