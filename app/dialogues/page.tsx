import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PaperTable } from "@/components/PaperTable";
import { PartnerList } from "@/components/PartnerList";
import { getDb } from "@/db/client";
import { partnerLabel } from "@/lib/countries";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { listMyDialogues, myInactiveMemberships } from "@/server/queries/dialogues";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("dialogues.mine") };
}

export default async function MyDialoguesPage() {
  const actor = await actorOrSignIn("/dialogues");
  if (!can(actor, "dialogue.list", null)) redirect("/hld");
  const db = await getDb();
  const [{ t, locale }, dialogues, inactive] = await Promise.all([
    getTranslator(),
    listMyDialogues(db, actor),
    myInactiveMemberships(db, actor),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("dialogues.mine")}</h1>
      {dialogues.length === 0 && <p className="muted">{t("dialogues.noneYet")}</p>}
      {(inactive.requested.length > 0 || inactive.suspended.length > 0) && (
        <ul className="card flex flex-col gap-1" aria-label={t("dialogues.inactiveTitle")}>
          {inactive.requested.map((m) => {
            const partner = partnerLabel({ name: m.partner, iso3: m.iso3 }, locale);
            return (
              <li key={`r ${m.dialogue}`} data-testid="my-pending-membership">
                {t("dialogues.awaitingConfirmation", { dialogue: m.dialogue, role: t(`role.${m.role}`), partner })}
              </li>
            );
          })}
          {inactive.suspended.map((m) => (
            <li key={`s ${m.dialogue}`} data-testid="my-suspended-membership">
              {t("dialogues.membershipSuspended", {
                dialogue: m.dialogue,
                partner: partnerLabel({ name: m.partner, iso3: m.iso3 }, locale),
              })}
            </li>
          ))}
        </ul>
      )}
      {dialogues.map((dialogue) => {
        const partner = dialogue.membership
          ? dialogue.partners.find((p) => p.id === dialogue.membership?.partnerId)
          : undefined;
        return (
          <section key={dialogue.id} className="card flex flex-col gap-3" aria-labelledby={`d-${dialogue.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`d-${dialogue.id}`}>
                <Link href={`/dialogues/${dialogue.slug}`}>{dialogue.name}</Link>
              </h2>
              <p className="text-sm" data-testid="my-role">
                {dialogue.membership && partner
                  ? t("dialogues.yourRole", {
                      role: t(`role.${dialogue.membership.role}`),
                      partner: partnerLabel(partner, locale),
                    })
                  : t("dialogues.secretariatView")}
              </p>
            </div>
            {dialogue.description && <p className="muted">{dialogue.description}</p>}
            <PartnerList partners={dialogue.partners} t={t} locale={locale} />
            <PaperTable
              papers={dialogue.papers}
              t={t}
              locale={locale}
              caption={t("dialogues.papersOf", { name: dialogue.name })}
            />
            {dialogue.paperCount > dialogue.papers.length && (
              <Link href={`/dialogues/${dialogue.slug}`} className="text-sm">
                {t("dialogues.allPapers", { count: dialogue.paperCount })}
              </Link>
            )}
          </section>
        );
      })}
    </div>
  );
}
