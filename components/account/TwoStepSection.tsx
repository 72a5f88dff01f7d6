// Whether two-step sign-in is on, and the way to its own page (/account/two-factor).
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

export function TwoStepSection({ t, enabled }: { t: Translate; enabled: boolean }) {
  return (
    <section className="card" aria-labelledby="two-step-heading">
      <h2 id="two-step-heading" className="mb-3">
        {t("account.twoFactor.title")}
      </h2>
      <p data-testid="two-step-status">{enabled ? t("account.twoFactor.on") : t("account.twoFactor.off")}</p>
      <p className="mt-2">
        <Link href="/account/two-factor">{t("account.twoFactor.manage")}</Link>
      </p>
    </section>
  );
}
