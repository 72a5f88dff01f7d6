"use client";
// A textarea that offers the dialogue's members when the last word starts with @.
import { useRef } from "react";
import { fill } from "@/lib/i18n/fill";
import type { MemberView } from "@/server/queries/comments";
import type { CommentLabels } from "./types";

export function MentionTextarea({
  id,
  label,
  value,
  onChange,
  members,
  labels,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: MemberView[];
  labels: CommentLabels;
  describedBy?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const match = /(?:^|\s)@([^\s@]{0,40})$/u.exec(value);
  const query = match?.[1]?.toLowerCase() ?? null;
  const options = query === null ? [] : members.filter((m) => m.name.toLowerCase().includes(query)).slice(0, 6);
  const choose = (name: string) => {
    if (!match) return;
    const start = value.length - (match[1]?.length ?? 0);
    onChange(`${value.slice(0, start)}${name} `);
    ref.current?.focus();
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        className="input min-h-20"
        value={value}
        maxLength={10_000}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {options.length > 0 && (
        <ul className="mention-options" aria-label={labels.mentionList}>
          {options.map((m) => (
            <li key={m.id}>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => choose(m.name)}>
                {fill(labels.mention, { name: `${m.name} (${m.partner})` })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
