// Shared frame of the pages under a paper (approval, revisions, compare, history).
import Link from "next/link";
import type { ReactNode } from "react";
import { FlashArea } from "@/components/FlashArea";
import { StatusBadge } from "@/components/PaperTable";
import type { PaperStatus } from "@/db/schema";
import type { Translate } from "@/lib/i18n/translate";

export function PaperSubpage({
  paper,
  heading,
  t,
  children,
}: {
  paper: { id: string; title: string; status: PaperStatus };
  heading: string;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/papers/${paper.id}`} className="text-sm">
          {paper.title}
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3">
          {heading} <StatusBadge status={paper.status} t={t} />
        </h1>
      </div>
      <FlashArea t={t} />
      {children}
    </div>
  );
}
