import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { searchScope } from "@/server/policy";
import { type SearchHit, type SearchResults, searchPapers } from "@/server/queries/search";
import { SEARCH_LIMITS, takeSearchAllowance } from "@/server/search/limits";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("search.title") };
}

const params = z.object({
  q: z.string().optional().catch(undefined),
  page: z.coerce.number().int().positive().max(SEARCH_LIMITS.maxPage).optional().catch(undefined),
});

type Outcome = { kind: "none" } | { kind: "tooLong" } | { kind: "rateLimited" } | ({ kind: "results" } & SearchResults);

/** Search across the papers the policy lets the user read (server/queries/search.ts). */
export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const input = params.parse({ q: raw.q, page: raw.page });
  const query = (input.q ?? "").trim();
  const page = input.page ?? 1;
  const actor = await actorOrSignIn(query ? `/search?q=${encodeURIComponent(query)}` : "/search");
  if (searchScope(actor).length === 0) notFound();
  const { t } = await getTranslator();
  // Limits before any work: the length, then the account's allowance.
  let outcome: Outcome = { kind: "none" };
  if (query.length > SEARCH_LIMITS.queryMaxLength) outcome = { kind: "tooLong" };
  else if (query && !(await takeSearchAllowance(actor.id))) outcome = { kind: "rateLimited" };
  else if (query) outcome = { kind: "results", ...(await searchPapers(await getDb(), actor, { query, page })) };
  const pageHref = (n: number) => `/search?q=${encodeURIComponent(query)}&page=${n}`;
  const sourceLabel = (hit: SearchHit) =>
    hit.source === "revision"
      ? t("search.source.revision", { n: hit.revisionNumber ?? 0 })
      : t(`search.source.${hit.source}`);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1>{t("search.title")}</h1>
        <p className="muted">{t("search.intro")}</p>
      </div>
      <search className="card">
        <form method="get" action="/search" className="flex flex-col gap-2">
          <label htmlFor="search-q" className="font-medium">
            {t("search.label")}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={query}
              maxLength={SEARCH_LIMITS.queryMaxLength}
              aria-describedby="search-hint"
              className="min-w-0 flex-1 basis-48"
            />
            <button type="submit" className="btn btn-primary">
              {t("search.submit")}
            </button>
          </div>
          <p id="search-hint" className="muted text-sm">
            {t("search.hint")}
          </p>
        </form>
      </search>
      {outcome.kind === "tooLong" && (
        <p role="alert" className="msg-error rounded p-2">
          {t("search.tooLong", { max: SEARCH_LIMITS.queryMaxLength })}
        </p>
      )}
      {outcome.kind === "rateLimited" && (
        <p role="alert" className="msg-error rounded p-2">
          {t("search.rateLimited")}
        </p>
      )}
      {outcome.kind === "results" && (
        <section aria-labelledby="results-heading" className="flex flex-col gap-3" data-testid="search-results">
          <h2 id="results-heading">{t("search.resultsFor", { query })}</h2>
          {outcome.hits.length === 0 ? (
            <p className="muted">{t("search.none", { query })}</p>
          ) : (
            <ol className="flex flex-col gap-3">
              {outcome.hits.map((hit) => (
                <li key={hit.id} className="card flex flex-col gap-1" data-testid="search-hit">
                  <Link href={hit.href} className="font-medium">
                    {hit.paperTitle}
                    {hit.paragraphNumber !== null && (
                      <span className="sr-only">, {t("search.paragraph", { n: hit.paragraphNumber })}</span>
                    )}
                  </Link>
                  <p className="muted text-sm">
                    {hit.dialogueName} · {sourceLabel(hit)}
                    {hit.paragraphNumber !== null && <> · {t("search.paragraph", { n: hit.paragraphNumber })}</>}
                  </p>
                  <blockquote className="text-sm" aria-label={t("search.snippet")}>
                    {hit.snippet.map((part, i) =>
                      part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                    )}
                  </blockquote>
                </li>
              ))}
            </ol>
          )}
          {(page > 1 || outcome.hasMore) && (
            <nav aria-label={t("search.pageLabel")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
              {page > 1 && <Link href={pageHref(page - 1)}>{t("search.previous")}</Link>}
              <span>{t("search.page", { page })}</span>
              {outcome.hasMore && page < SEARCH_LIMITS.maxPage && (
                <Link href={pageHref(page + 1)}>{t("search.next")}</Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
