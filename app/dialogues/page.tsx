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
import { listMyDialogues } from "@/server/queries/dialogues";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("dialogues.mine") };
}

export default async function MyDialoguesPage() {
  const actor = await actorOrSignIn("/dialogues");
  if (!can(actor, "dialogue.list", null)) redirect("/hld");
  const [{ t, locale }, dialogues] = await Promise.all([getTranslator(), listMyDialogues(await getDb(), actor)]);
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("dialogues.mine")}</h1>
      {dialogues.length === 0 && <p className="muted">{t("dialogues.noneYet")}</p>}
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
