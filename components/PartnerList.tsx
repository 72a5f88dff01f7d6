import { partnerLabel } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

type PartnerItem = { id: string; name: string; kind: "state" | "organisation"; iso3: string | null };

export function PartnerList({ partners, t, locale }: { partners: PartnerItem[]; t: Translate; locale: Locale }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("dialogues.partners")}>
      {partners.map((p) => (
        <li key={p.id} className="rounded border border-slate-300 bg-slate-50 px-2 py-0.5 text-sm">
          {partnerLabel(p, locale)}
          {p.iso3 ? (
            <span className="muted"> ({p.iso3})</span>
          ) : (
            <span className="muted"> · {t("partnerKind.organisation")}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
