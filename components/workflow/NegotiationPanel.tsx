"use client";
// The paper page's negotiation panel (round, workflow, files). Where the screen has room for the
// text, its comments and the panel (from 1536 px) it sits beside the text, kept in view; on a phone
// it follows the text. In between (1024–1535 px, a laptop) there is no room beside the text
// without squeezing it, so the panel folds away behind a button and opens as a sheet over the
// comments' column, the text staying where it is. Until the page is interactive (and without
// JavaScript) it stays in the page's flow after the text, so nothing is ever out of reach.
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

type Labels = { panel: string; open: string; close: string };

export function NegotiationPanel({ labels, children }: { labels: Labels; children: ReactNode }) {
  const id = useId();
  const [folding, setFolding] = useState(false);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setFolding(true), []);

  // Focus follows the sheet: into it when it opens, back to the button that opened it on closing.
  const opened = useRef(false);
  useEffect(() => {
    if (open) closeButton.current?.focus();
    else if (opened.current) toggle.current?.focus();
    opened.current = open;
  }, [open]);
  const close = () => setOpen(false);

  // Between the breakpoints only (`lg:max-2xl:`): folded away unless opened.
  const sheet = folding
    ? open
      ? "lg:max-2xl:fixed lg:max-2xl:inset-y-0 lg:max-2xl:end-0 lg:max-2xl:z-40 lg:max-2xl:w-[26rem] lg:max-2xl:overflow-y-auto lg:max-2xl:border-s lg:max-2xl:border-slate-300 lg:max-2xl:bg-white lg:max-2xl:p-4 lg:max-2xl:shadow-xl"
      : "lg:max-2xl:hidden"
    : "";
  return (
    <>
      {folding && (
        <button
          ref={toggle}
          type="button"
          className={`btn btn-primary fixed end-4 bottom-4 z-30 hidden shadow-lg ${open ? "" : "lg:max-2xl:inline-flex"}`}
          aria-controls={id}
          aria-expanded={open}
          onClick={() => setOpen(true)}
        >
          {labels.open}
        </button>
      )}
      <aside
        id={id}
        aria-label={labels.panel}
        className={`flex min-w-0 flex-col gap-4 2xl:sticky 2xl:top-4 2xl:max-h-[calc(100vh-2rem)] 2xl:overflow-y-auto ${sheet}`}
        onKeyDown={(event) => {
          if (open && event.key === "Escape") close();
        }}
      >
        {folding && open && (
          <div className="hidden items-center justify-between gap-2 lg:max-2xl:flex">
            <h2 className="text-base">{labels.panel}</h2>
            <button ref={closeButton} type="button" className="btn btn-secondary btn-small" onClick={close}>
              {labels.close}
            </button>
          </div>
        )}
        {children}
      </aside>
    </>
  );
}
