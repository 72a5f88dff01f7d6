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
        {/* The badge sits beside the h1, not in it: the heading is announced once, as written. */}
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1>{heading}</h1>
          <StatusBadge status={paper.status} t={t} />
        </div>
      </div>
      <FlashArea t={t} />
      {children}
    </div>
  );
}
