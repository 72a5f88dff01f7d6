import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TableScroll } from "@/components/TableScroll";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { RevisionCompare } from "@/components/workflow/RevisionCompare";
import { compareDocuments } from "@/lib/compare";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { comparedTexts, compareSide } from "@/server/queries/compare";
import { paperForPage } from "@/server/queries/paper-page";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("revisions.compare") };
}

const query = z.object({ from: compareSide, to: compareSide, view: z.enum(["inline", "side"]).catch("inline") });

export default async function ComparePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, db, paper, content } = await paperForPage(id, `/papers/${id}/revisions`);
  const parsed = query.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { t } = await getTranslator();
  const texts = await comparedTexts(
    db,
    { id: paper.id, originalId: paper.originalId, liveContent: content },
    parsed.data,
    t,
  );
  if (!texts) notFound();
  const { from, to } = texts;
  const rows = compareDocuments(from.doc, to.doc, t("editor.adRefMarker"));
  const changes = rows.filter((r) => r.kind !== "same").length;
  return (
    <PaperSubpage paper={paper} heading={t("revisions.compareHeading", { from: from.label, to: to.label })} t={t}>
      <p className="muted" role="status">
        {t("revisions.changedBlocks", { count: changes })}
      </p>
      {can(actor, "paper.export", paper) && (
        <p>
          <a href={`/api/papers/${paper.id}/redline?from=${parsed.data.from}&to=${parsed.data.to}`} download>
            {t("revisions.redline")}
          </a>
        </p>
      )}
      <section className="card">
        {parsed.data.view === "side" ? (
          <TableScroll label={t("revisions.sideBySide")}>
            <RevisionCompare rows={rows} view="side" t={t} />
          </TableScroll>
        ) : (
          <RevisionCompare rows={rows} view="inline" t={t} />
        )}
      </section>
    </PaperSubpage>
  );
}
