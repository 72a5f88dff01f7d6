// The cover block of every export, as rows of label and value, with the fingerprint (marker)
// that every format embeds in its metadata so the verify page can find the text again; and the
// one way dates are written in every format.
import { countryName } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { type MessageKey, translator } from "@/lib/i18n/translate";
import { languageName } from "@/lib/language-versions";
import { type LedgerEntry, ledgerStatuses, ledgerSummary } from "@/lib/ledger";
import { exportMarker } from "../marker";
import type { Cover, CoverRow, ExportSource, FrozenLanguage, LedgerMargin } from "../types";

/** Dates are written the same way in every language and every run: no locale data involved. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const ledgerLabelKeys = {
  agreed: "exports.ledger.agreed",
  adRef: "exports.ledger.adRef",
  bracketed: "exports.ledger.bracketed",
  pending: "exports.ledger.pending",
} as const satisfies Record<LedgerMargin["status"], MessageKey>;

/**
 * The compact margin note of a paragraph's ledger entry, e.g. "Ad ref. · by MAR · until
 * 2026-12-31" or "Bracketed · by FRA, TUR · 2 alternatives"; partner ids become the codes of the
 * source's partners (an unknown id is shown as it is).
 */
export function ledgerMarginText(entry: LedgerMargin, t: Translate, partnerCodes: ExportSource["partnerCodes"]) {
  const parts = [t(ledgerLabelKeys[entry.status])];
  if (entry.partners.length > 0) {
    parts.push(t("exports.ledger.by", { partners: entry.partners.map((id) => partnerCodes[id] ?? id).join(", ") }));
  }
  if (entry.until) parts.push(t("exports.ledger.until", { date: entry.until }));
  if (entry.alternatives.length > 0) parts.push(t("exports.ledger.alternatives", { n: entry.alternatives.length }));
  return parts.join(" · ");
}

/** The status word alone, for the margin's accessible name and the cover's summary. */
export function ledgerStatusLabel(status: LedgerMargin["status"], t: Translate): string {
  return t(ledgerLabelKeys[status]);
}

/** "English (original); French (translation outdated: 2; paragraphs 3, 7); Spanish". */
export function frozenLanguagesLine(languages: readonly FrozenLanguage[], t: Translate, lang: Locale): string {
  return languages
    .map((l) => {
      const language = languageName(l.language, lang);
      if (l.isOriginal) return t("exports.cover.languageOriginal", { language });
      if (l.outdatedCount === 0) return language;
      return l.outdatedNumbers.length > 0
        ? t("exports.cover.languageOutdatedNumbers", {
            language,
            count: l.outdatedCount,
            numbers: l.outdatedNumbers.join(", "),
          })
        : t("exports.cover.languageOutdated", { language, count: l.outdatedCount });
    })
    .join("; ");
}

export function buildCover(
  source: ExportSource,
  lang: Locale,
  options: { annotated?: boolean; ledger?: readonly LedgerEntry[] } = {},
): Cover {
  const t = translator(lang);
  const revisionLabel =
    source.revision === null ? t("exports.cover.liveDraft") : t("exports.cover.revNumber", { n: source.revision });
  const multilingual = source.languages !== null || source.texts !== "";
  const ownText = source.languages?.find((l) => l.language === source.language);
  const rows: CoverRow[] = [
    ...(source.symbol ? [{ label: t("exports.cover.symbol"), value: source.symbol }] : []),
    { label: t("exports.cover.dialogue"), value: source.dialogue.name },
    { label: t("exports.cover.title"), value: source.title },
    { label: t("exports.cover.kind"), value: t(`kind.${source.kind}` as MessageKey) },
    ...(multilingual ? [{ label: t("exports.cover.language"), value: languageName(source.language, lang) }] : []),
    { label: t("exports.cover.revision"), value: revisionLabel },
    { label: t("exports.cover.status"), value: t(`status.${source.status}` as MessageKey) },
    { label: t("exports.cover.date"), value: formatDate(source.date) },
    {
      label: source.languages ? t("exports.cover.hashAllLanguages") : t("exports.cover.hash"),
      value: source.hash,
      mono: true,
    },
    ...(source.languages
      ? [{ label: t("exports.cover.languages"), value: frozenLanguagesLine(source.languages, t, lang) }]
      : []),
    ...(ownText
      ? [
          {
            label: t("exports.cover.languageHash", { language: languageName(ownText.language, lang) }),
            value: ownText.hash,
            mono: true,
          },
        ]
      : []),
  ];
  if (source.submission) {
    rows.push(
      { label: t("exports.cover.reference"), value: source.submission.reference },
      { label: t("exports.cover.submittedAt"), value: formatDate(source.submission.submittedAt) },
      { label: t("exports.cover.submittedBy"), value: source.submission.submittedBy },
    );
  }
  const counts = ledgerSummary(options.ledger ?? []);
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
    symbol: source.symbol,
    ledgerMargin: (entry, number) => {
      const text = ledgerMarginText(entry, t, source.partnerCodes);
      return { text, label: number === null ? text : t("exports.ledger.margin", { n: number, status: text }) };
    },
    runningHeader: source.symbol ?? source.title,
    ledger: {
      heading: t("exports.ledger.heading"),
      columns: [t("exports.ledger.status"), t("exports.ledger.count")],
      rows: ledgerStatuses.map((status) => ({ status, label: ledgerStatusLabel(status, t), count: counts[status] })),
    },
    revisionLabel,
    notesHeading: t("exports.cover.notes"),
    adRef: t("exports.cover.adRef"),
    marker: exportMarker(source, lang),
  };
}
