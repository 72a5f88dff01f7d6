// Two texts compared as Word does: inserted words underlined, deleted words struck through,
// each side keeping its own paragraph numbers.
import type { Block, CompareRow, WordChange } from "@/lib/compare";
import type { Translate } from "@/lib/i18n/translate";

function Words({ words, side }: { words: WordChange[]; side: "left" | "right" | "both" }) {
  return (
    <>
      {words.map((w, i) => {
        if (w.added)
          return side === "left" ? null : (
            <ins key={i} className="bg-green-100 text-green-900">
              {w.value}
            </ins>
          );
        if (w.removed)
          return side === "right" ? null : (
            <del key={i} className="bg-red-100 text-red-900">
              {w.value}
            </del>
          );
        return <span key={i}>{w.value}</span>;
      })}
    </>
  );
}

function BlockLine({ block, children, className }: { block: Block; children: React.ReactNode; className?: string }) {
  return (
    <div className={`relative ps-10 ${className ?? ""}`}>
      {block.number !== undefined && <span className="paragraph-number">{block.number}.</span>}
      <p className={block.type === "heading" ? "font-semibold" : ""}>{children}</p>
    </div>
  );
}

export function RevisionCompare({ rows, view, t }: { rows: CompareRow[]; view: "inline" | "side"; t: Translate }) {
  if (view === "inline") {
    return (
      <div className="paper-text" data-testid="compare-inline">
        {rows.map((row, i) => {
          switch (row.kind) {
            case "same":
              return (
                <BlockLine key={i} block={row.right}>
                  {row.right.text}
                </BlockLine>
              );
            case "changed":
              return (
                <BlockLine key={i} block={row.right}>
                  <Words words={row.words} side="both" />
                </BlockLine>
              );
            case "added":
              return (
                <BlockLine key={i} block={row.right}>
                  <ins className="bg-green-100 text-green-900">{row.right.text}</ins>
                </BlockLine>
              );
            default:
              return (
                <BlockLine key={i} block={row.left}>
                  <del className="bg-red-100 text-red-900">{row.left.text}</del>
                </BlockLine>
              );
          }
        })}
      </div>
    );
  }
  return (
    <table data-testid="compare-side">
      <caption className="sr-only">{t("revisions.sideBySide")}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-1/2">
            {t("revisions.before")}
          </th>
          <th scope="col" className="w-1/2">
            {t("revisions.after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td>
              {"left" in row && (
                <BlockLine block={row.left}>
                  {row.kind === "changed" ? (
                    <Words words={row.words} side="left" />
                  ) : row.kind === "removed" ? (
                    <del className="bg-red-100 text-red-900">{row.left.text}</del>
                  ) : (
                    row.left.text
                  )}
                </BlockLine>
              )}
            </td>
            <td>
              {"right" in row && (
                <BlockLine block={row.right}>
                  {row.kind === "changed" ? (
                    <Words words={row.words} side="right" />
                  ) : row.kind === "added" ? (
                    <ins className="bg-green-100 text-green-900">{row.right.text}</ins>
                  ) : (
                    row.right.text
                  )}
                </BlockLine>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
