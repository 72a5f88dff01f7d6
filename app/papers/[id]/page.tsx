import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DocumentView } from "@/components/DocumentView";
import { StatusBadge } from "@/components/PaperTable";
import { getDb } from "@/db/client";
import { currentActor } from "@/server/auth/current";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { findPaperForActor } from "@/server/queries/papers";

type Props = { params: Promise<{ id: string }> };
const paperId = z.uuid();

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor || !paperId.safeParse(id).success) return {};
  const found = await findPaperForActor(await getDb(), actor, id);
  return { title: found?.paper.title };
}

export default async function PaperPage({ params }: Props) {
  const { id } = await params;
  const actor = await actorOrSignIn(`/papers/${id}`);
  if (!paperId.safeParse(id).success) notFound();
  const found = await findPaperForActor(await getDb(), actor, id);
  if (!found) notFound();
  const { paper, dialogue, latestRevision, content } = found;
  const { t, locale } = await getTranslator();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const memberOfDialogue = actor.globalRole === "admin" || actor.memberships.has(dialogue.id);
  return (
    <div className="flex flex-col gap-6">
      <div>
        {memberOfDialogue ? (
          <Link href={`/dialogues/${dialogue.slug}`} className="text-sm">
            {dialogue.name}
          </Link>
        ) : (
          <p className="text-sm">{dialogue.name}</p>
        )}
        <h1 className="mt-1">{paper.title}</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t("papers.kind")}</dt>
          <dd>{t(`kind.${paper.kind}`)}</dd>
          <dt className="font-medium">{t("papers.status")}</dt>
          <dd>
            <StatusBadge status={paper.status} t={t} />
          </dd>
          <dt className="font-medium">{t("papers.revision")}</dt>
          <dd>{latestRevision ? t("papers.revNumber", { n: latestRevision.number }) : t("papers.noRevision")}</dd>
          {latestRevision && (
            <>
              <dt className="font-medium">{t("papers.hash")}</dt>
              <dd className="break-all font-mono text-xs">{latestRevision.contentHash}</dd>
            </>
          )}
          <dt className="font-medium">{t("papers.lastChange")}</dt>
          <dd>
            <time dateTime={paper.updatedAt.toISOString()}>{date.format(paper.updatedAt)} UTC</time>
          </dd>
        </dl>
      </div>
      <section className="card" aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-1">
          {t("papers.text")}
        </h2>
        <p className="muted mb-4">{t("papers.readOnlyNote")}</p>
        <DocumentView doc={content} label={t("papers.textOf", { title: paper.title })} />
      </section>
    </div>
  );
}
