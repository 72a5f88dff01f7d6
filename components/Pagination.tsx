import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";

export function Pagination({
  page,
  pageCount,
  href,
  t,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  t: Translate;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>{t("pagination.previous")}</Link> : <span aria-hidden="true" />}
      <span>{t("pagination.pageOf", { page, count: pageCount })}</span>
      {page < pageCount && <Link href={href(page + 1)}>{t("pagination.next")}</Link>}
    </nav>
  );
}

export function pageParam(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}
