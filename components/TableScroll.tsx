// A wide table on a narrow screen scrolls inside its own box, never the page. The box is a named,
// focusable region so that keyboard users can scroll it too (WCAG 2.1.1; axe's
// scrollable-region-focusable).
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard.
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
