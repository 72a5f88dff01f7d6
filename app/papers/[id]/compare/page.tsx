import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { RevisionCompare } from "@/components/workflow/RevisionCompare";
import { compareDocuments } from "@/lib/compare";
import { getTranslator } from "@/server/locale";
import { paperForPage } from "@/server/queries/paper-page";
import { findRevision } from "@/server/queries/workflow";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("revisions.compare") };
}

const side = z.union([z.literal("live"), z.coerce.number().int().positive()]);
const query = z.object({ from: side, to: side, view: z.enum(["inline", "side"]).catch("inline") });

export default async function ComparePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { db, paper, content } = await paperForPage(id, `/papers/${id}/revisions`);
  const parsed = query.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const { t } = await getTranslator();
  const load = async (which: "live" | number) => {
    if (which === "live") return { label: t("revisions.liveText"), doc: content };
    const revision = await findRevision(db, paper.id, which);
    return revision ? { label: t("papers.revNumber", { n: which }), doc: revision.content } : null;
  };
  const [from, to] = await Promise.all([load(parsed.data.from), load(parsed.data.to)]);
  if (!from || !to) notFound();
  const rows = compareDocuments(from.doc, to.doc, t("editor.adRefMarker"));
  const changes = rows.filter((r) => r.kind !== "same").length;
  return (
    <PaperSubpage paper={paper} heading={t("revisions.compareHeading", { from: from.label, to: to.label })} t={t}>
      <p className="muted" role="status">
        {t("revisions.changedBlocks", { count: changes })}
      </p>
      <section className="card">
        <RevisionCompare rows={rows} view={parsed.data.view} t={t} />
      </section>
    </PaperSubpage>
  );
}
