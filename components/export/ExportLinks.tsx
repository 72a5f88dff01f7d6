"use client";
// The download links of the Export section and, for the live draft when the policy allows it,
// the "Include suggestions and comments" checkbox that switches every link to the annotated file.
// The server decides again on every download: the checkbox only changes the address.
import { useId, useState } from "react";
import type { ExportFormat } from "@/server/export/types";
import { type DownloadLabels, DownloadLink } from "./DownloadLink";

export type ExportLinkItem = {
  format: ExportFormat;
  labels: DownloadLabels;
  /** The link's label when suggestions and comments are included. */
  annotatedLabel: string;
};

export function ExportLinks({
  paperId,
  revision,
  items,
  listLabel,
  annotations,
}: {
  paperId: string;
  revision: number | "live";
  items: ExportLinkItem[];
  listLabel: string;
  /** Shown only for the live draft, to someone who may see its suggestions and comments. */
  annotations: { label: string; help: string } | null;
}) {
  const [include, setInclude] = useState(false);
  const id = useId();
  const annotated = include && annotations !== null;
  return (
    <>
      {annotations && (
        <div className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            id={`${id}-annotations`}
            className="mt-1"
            checked={include}
            onChange={(event) => setInclude(event.target.checked)}
            aria-describedby={`${id}-annotations-help`}
            data-testid="export-annotations"
          />
          <div>
            <label htmlFor={`${id}-annotations`} className="font-medium">
              {annotations.label}
            </label>
            <p id={`${id}-annotations-help`} className="muted text-xs">
              {annotations.help}
            </p>
          </div>
        </div>
      )}
      <ul className="flex flex-wrap gap-2" aria-label={listLabel}>
        {items.map((item) => (
          <li key={item.format}>
            <DownloadLink
              href={`/api/papers/${paperId}/export?format=${item.format}&revision=${revision}${annotated ? "&annotations=1" : ""}`}
              testId={`export-${item.format}`}
              labels={annotated ? { ...item.labels, label: item.annotatedLabel } : item.labels}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
