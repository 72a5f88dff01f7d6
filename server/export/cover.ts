// The cover block of every export, as rows of label and value, and the fingerprint (marker)
// that every format embeds in its metadata so the verify page can find the text again.
import { countryName } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { type MessageKey, type Translate, translator } from "@/lib/i18n/translate";
import type { ExportSource } from "./source";

export type CoverRow = { label: string; value: string; mono?: boolean };
export type CoverPosition = {
  partner: string;
  position: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
};

export type Cover = {
  lang: Locale;
  t: Translate;
  heading: string;
  /** Set for the live draft: shown prominently on every format. */
  draftNotice: string | null;
  /** Set when pending suggestions and comments are included: shown prominently on every format. */
  annotationsNotice: string | null;
  rows: CoverRow[];
  positionsHeading: string;
  positionsColumns: [string, string, string, string, string];
  positions: CoverPosition[] | null;
  /** "Title, Rev.N" or "Title, live draft". */
  documentName: string;
  revisionLabel: string;
  notesHeading: string;
  adRef: string;
  marker: string;
};

/** Dates are written the same way in every language and every run: no locale data involved. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The fingerprint every export carries in its metadata: hash and language of the cover. */
export function exportMarker(source: Pick<ExportSource, "hash">, lang: Locale): string {
  return `accord:sha256=${source.hash};lang=${lang}`;
}

export const markerPattern = /accord:sha256=([0-9a-f]{64});lang=(en|fr)/;

export function buildCover(source: ExportSource, lang: Locale, options: { annotated?: boolean } = {}): Cover {
  const t = translator(lang);
  const revisionLabel =
    source.revision === null ? t("exports.cover.liveDraft") : t("exports.cover.revNumber", { n: source.revision });
  const rows: CoverRow[] = [
    { label: t("exports.cover.dialogue"), value: source.dialogue.name },
    { label: t("exports.cover.title"), value: source.title },
    { label: t("exports.cover.kind"), value: t(`kind.${source.kind}` as MessageKey) },
    { label: t("exports.cover.revision"), value: revisionLabel },
    { label: t("exports.cover.status"), value: t(`status.${source.status}` as MessageKey) },
    { label: t("exports.cover.date"), value: formatDate(source.date) },
    { label: t("exports.cover.hash"), value: source.hash, mono: true },
  ];
  if (source.submission) {
    rows.push(
      { label: t("exports.cover.reference"), value: source.submission.reference },
      { label: t("exports.cover.submittedAt"), value: formatDate(source.submission.submittedAt) },
      { label: t("exports.cover.submittedBy"), value: source.submission.submittedBy },
    );
  }
  const none = t("exports.cover.none");
  const positions =
    source.positions?.map((p) => ({
      partner: p.iso3 ? `${countryName(p.iso3, lang) ?? p.partner} (${p.iso3})` : p.partner,
      position: t(`position.${p.value}` as MessageKey),
      reason: p.reason ?? none,
      recordedBy: p.recordedBy ?? none,
      recordedAt: p.recordedAt ? formatDate(p.recordedAt) : none,
    })) ?? null;
  return {
    lang,
    t,
    heading: t("exports.cover.heading"),
    draftNotice: source.revision === null ? t("exports.cover.draftNotice") : null,
    annotationsNotice: options.annotated ? t("exports.annotations.notice") : null,
    rows,
    positionsHeading: t("exports.cover.positions"),
    positionsColumns: [
      t("exports.cover.partner"),
      t("exports.cover.position"),
      t("exports.cover.reason"),
      t("exports.cover.recordedBy"),
      t("exports.cover.recordedAt"),
    ],
    positions,
    documentName: `${source.title}, ${revisionLabel}`,
    revisionLabel,
    notesHeading: t("exports.cover.notes"),
    adRef: t("exports.cover.adRef"),
    marker: exportMarker(source, lang),
  };
}
