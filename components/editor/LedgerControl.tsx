"use client";
// The chair's control of the ledger of agreement: pick a paragraph or heading (the one the caret
// is in, or from the list), its status, the delegations concerned and, for ad ref., the date;
// recorded as the block's attributes through the live document, so the collaboration socket's
// write guard judges it like any edit.
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import * as Y from "yjs";
import { AGREEMENT_PARTNERS_MAX, type DocNode } from "@/lib/document";
import { placeOf } from "@/lib/editor/follow-lead";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages/en";
import { type LedgerEntry, type LedgerStatus, ledgerLabel, ledgerStatuses, paragraphLedger } from "@/lib/ledger";
import { watchEditor } from "./mounted-editor";

type Props = {
  doc: Y.Doc;
  partners: { id: string; name: string }[];
  labels: Messages["ledger"];
  locale: string;
};

/** The top-level blocks of the live text, as much as the ledger reads of them. */
function outlineOf(fragment: Y.XmlFragment): DocNode {
  const content: DocNode[] = fragment.toArray().map((child) => {
    if (!(child instanceof Y.XmlElement)) return { type: "unknown" };
    const text = child
      .toArray()
      .map((part) =>
        part instanceof Y.XmlText
          ? part
              .toDelta()
              .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
              .join("")
          : "",
      )
      .join("");
    return {
      type: child.nodeName,
      attrs: child.getAttributes() as Record<string, unknown>,
      content: text ? [{ type: "text", text }] : [],
    };
  });
  return { type: "doc", content };
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function LedgerControl({ doc, partners, labels, locale }: Props) {
  const id = useId();
  const fragment = doc.getXmlFragment("default");
  const [entries, setEntries] = useState<LedgerEntry[]>(() => paragraphLedger(outlineOf(fragment)));
  const [index, setIndex] = useState<number | null>(null);
  const [status, setStatus] = useState<LedgerStatus>("agreed");
  const [chosen, setChosen] = useState<string[]>([]);
  const [until, setUntil] = useState("");
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const refresh = () => setEntries(paragraphLedger(outlineOf(fragment)));
    refresh();
    doc.on("update", refresh);
    return () => doc.off("update", refresh);
  }, [doc, fragment]);

  // The paragraph the caret is in is the one the chair is about: the control follows it, unless
  // the chair is busy in the control itself.
  const section = useRef<HTMLElement>(null);
  const follow = useRef<(index: number) => void>(() => {});
  useEffect(
    () =>
      watchEditor(
        () => section.current,
        (editor) => {
          const onSelection = () => {
            if (!section.current?.contains(document.activeElement)) follow.current(placeOf(editor.state));
          };
          editor.on("selectionUpdate", onSelection);
          return () => editor.off("selectionUpdate", onSelection);
        },
      ),
    [],
  );

  const names = Object.fromEntries(partners.map((p) => [p.id, p.name]));
  const optionLabel = (entry: LedgerEntry) =>
    entry.number === undefined
      ? fill(labels.control.headingOption, { text: excerpt(entry.text) })
      : fill(labels.control.paragraphOption, { number: entry.number, text: excerpt(entry.text) });
  const selected = entries.find((e) => e.index === index) ?? entries[0];

  if (!selected) return <p className="muted text-sm">{labels.control.none}</p>;

  const choose = (entryIndex: number) => {
    const entry = entries.find((e) => e.index === entryIndex);
    if (!entry) return;
    setIndex(entryIndex);
    setStatus(entry.status);
    setChosen(entry.partners);
    setUntil(entry.until ?? "");
  };
  follow.current = (entryIndex) => {
    if (entryIndex !== selected.index) choose(entryIndex);
  };

  const record = (event: FormEvent) => {
    event.preventDefault();
    const block = fragment.get(selected.index);
    if (!(block instanceof Y.XmlElement)) return;
    const named = status === "adRef" || status === "bracketed" ? chosen.slice(0, AGREEMENT_PARTNERS_MAX) : [];
    const day = status === "adRef" && until ? until : null;
    doc.transact(() => {
      if (status === "pending") block.removeAttribute("agreement");
      else block.setAttribute("agreement", status);
      // Arrays are stored as they are (y-prosemirror hands them to the editor unchanged).
      if (named.length > 0) block.setAttribute("agreementPartners", named as unknown as string);
      else block.removeAttribute("agreementPartners");
      if (day) block.setAttribute("agreementUntil", day);
      else block.removeAttribute("agreementUntil");
    });
    setAnnouncement(
      fill(labels.control.applied, {
        paragraph: optionLabel(selected),
        label: ledgerLabel({ status, partners: named, until: day }, labels, names, locale),
      }),
    );
  };

  return (
    <section
      ref={section}
      aria-labelledby={`${id}-heading`}
      className="card flex flex-col gap-3 p-4"
      data-testid="ledger-control"
    >
      <h2 id={`${id}-heading`} className="text-lg">
        {labels.control.heading}
      </h2>
      <form onSubmit={record} className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-paragraph`}>{labels.control.paragraph}</label>
          <select id={`${id}-paragraph`} value={selected.index} onChange={(e) => choose(Number(e.target.value))}>
            {entries.map((entry) => (
              <option key={entry.index} value={entry.index}>
                {optionLabel(entry)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-status`}>{labels.control.status}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as LedgerStatus)}>
            {ledgerStatuses.map((value) => (
              <option key={value} value={value}>
                {labels.status[value]}
              </option>
            ))}
          </select>
        </div>
        {(status === "adRef" || status === "bracketed") && partners.length > 0 && (
          <fieldset className="flex flex-col gap-1" aria-describedby={`${id}-partners-help`}>
            <legend>{labels.control.partners}</legend>
            <p id={`${id}-partners-help`} className="muted text-sm">
              {labels.control.partnersHelp}
            </p>
            {partners.map((partner) => (
              <label key={partner.id} className="flex items-center gap-2 font-normal">
                <input
                  type="checkbox"
                  checked={chosen.includes(partner.id)}
                  onChange={(e) =>
                    setChosen((now) =>
                      e.target.checked ? [...now, partner.id] : now.filter((partnerId) => partnerId !== partner.id),
                    )
                  }
                />
                {partner.name}
              </label>
            ))}
          </fieldset>
        )}
        {status === "adRef" && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-until`}>{labels.control.until}</label>
            <input id={`${id}-until`} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </div>
        )}
        <div>
          <button type="submit" className="btn btn-primary">
            {labels.control.apply}
          </button>
        </div>
      </form>
      <p role="status" className="text-sm" data-testid="ledger-announcement">
        {announcement}
      </p>
    </section>
  );
}
