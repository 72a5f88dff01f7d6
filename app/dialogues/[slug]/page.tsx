import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createPaperAction } from "@/app/actions/papers";
import { ActionForm } from "@/components/ActionForm";
import { AddMemberForm } from "@/components/AddMemberForm";
import { DialogueExports } from "@/components/export/DialogueExports";
import { Pagination, pageParam } from "@/components/Pagination";
import { PaperTable } from "@/components/PaperTable";
import { PartnerList } from "@/components/PartnerList";
import { TableScroll } from "@/components/TableScroll";
import { getDb } from "@/db/client";
import { partnerLabel } from "@/lib/countries";
import { languageListText, versionLanguagesOf } from "@/lib/language-versions";
import { currentActor } from "@/server/auth/current";
import { actorOrSignIn } from "@/server/auth/guard";
import { MAX_TITLE_LENGTH } from "@/server/domain/papers";
import { getTranslator } from "@/server/locale";
import { appointableRoles, can } from "@/server/policy";
import { dialogueDetails, dialogueForRequest } from "@/server/queries/dialogues";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await currentActor();
  const dialogue = actor ? await dialogueForRequest(actor, (await params).slug) : null;
  return { title: dialogue?.name };
}

export default async function DialoguePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await actorOrSignIn(`/dialogues/${slug}`);
  const dialogue = await dialogueForRequest(actor, slug);
  if (!dialogue) notFound();
  const db = await getDb();
  const page = pageParam((await searchParams).page);
  const [{ t, locale }, details] = await Promise.all([getTranslator(), dialogueDetails(db, dialogue.id, page)]);
  const ref = { dialogueId: dialogue.id };
  const isAdmin = can(actor, "system.administer", null);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1>{dialogue.name}</h1>
          {dialogue.description && <p className="muted">{dialogue.description}</p>}
          <p className="muted text-sm" data-testid="working-languages">
            {t("dialogues.workingLanguages", {
              languages: languageListText(versionLanguagesOf(dialogue.otherLanguages), locale),
            })}
          </p>
        </div>
        {isAdmin && <Link href={`/admin/dialogues/${dialogue.slug}`}>{t("admin.manageDialogue")}</Link>}
      </div>

      <section className="card flex flex-col gap-3" aria-labelledby="papers-heading">
        <h2 id="papers-heading">{t("dialogues.papers", { count: details.paperTotal })}</h2>
        <PaperTable
          papers={details.papers}
          t={t}
          locale={locale}
          caption={t("dialogues.papersOf", { name: dialogue.name })}
        />
        <Pagination
          page={page}
          pageCount={details.pageCount}
          href={(p) => `/dialogues/${dialogue.slug}?page=${p}`}
          t={t}
        />
      </section>

      {can(actor, "paper.create", ref) && (
        <section className="card" aria-labelledby="new-paper-heading">
          <h2 id="new-paper-heading" className="mb-3">
            {t("papers.new")}
          </h2>
          <ActionForm
            action={createPaperAction}
            submitLabel={t("papers.create")}
            pendingLabel={t("common.saving")}
            className="form-inline"
          >
            <input type="hidden" name="dialogueId" value={dialogue.id} />
            <div className="min-w-72 flex-1">
              <label htmlFor="paper-title">{t("papers.title")}</label>
              <input id="paper-title" name="title" required maxLength={MAX_TITLE_LENGTH} />
            </div>
            <div>
              <label htmlFor="paper-kind">{t("papers.kind")}</label>
              <select id="paper-kind" name="kind" defaultValue="recommendations">
                <option value="recommendations">{t("kind.recommendations")}</option>
                <option value="position_paper">{t("kind.position_paper")}</option>
              </select>
            </div>
          </ActionForm>
        </section>
      )}

      <DialogueExports actor={actor} dialogue={dialogue} t={t} />

      <section className="card flex flex-col gap-3" aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t("dialogues.partners")}</h2>
        <PartnerList partners={details.partners} t={t} locale={locale} />
      </section>

      <section className="card flex flex-col gap-3" aria-labelledby="members-heading">
        <h2 id="members-heading">{t("members.title")}</h2>
        <TableScroll label={t("members.title")}>
          <table>
            <caption className="sr-only">{t("members.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.partner")}</th>
                <th scope="col">{t("members.role")}</th>
              </tr>
            </thead>
            <tbody>
              {details.members.map((m) => (
                <tr key={m.id} data-testid="dialogue-member">
                  <td>
                    {m.name}
                    {m.invited && <span className="muted"> · {t("accountLink.invited")}</span>}
                    {m.suspended && <span className="muted"> · {t("delegation.suspendedState")}</span>}
                  </td>
                  <td>
                    {partnerLabel(
                      { name: m.partner, iso3: details.partners.find((p) => p.id === m.partnerId)?.iso3 ?? null },
                      locale,
                    )}
                  </td>
                  <td>{t(`role.${m.role}`)}</td>
                </tr>
              ))}
              {can(actor, "dialogue.inviteMember", ref) &&
                details.pendingMembers.map((m) => {
                  const partner = partnerLabel(
                    { name: m.partner, iso3: details.partners.find((p) => p.id === m.partnerId)?.iso3 ?? null },
                    locale,
                  );
                  return (
                    <tr key={m.id} data-testid="pending-member">
                      <td>{m.name}</td>
                      <td>{partner}</td>
                      <td>
                        {t(`role.${m.role}`)} — {t("delegation.pendingMember", { partner })}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </TableScroll>
        {can(actor, "dialogue.inviteMember", ref) && (
          <div className="mt-2 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-semibold">{t("members.addTitle")}</h3>
            <AddMemberForm
              dialogueId={dialogue.id}
              partners={details.partners}
              roles={appointableRoles(actor, ref)}
              t={t}
              locale={locale}
            />
          </div>
        )}
      </section>
    </div>
  );
}
