// Search across papers: titles, the live text, every revision and comments, only within what the
// policy lets the actor read (`searchScope`: never another dialogue's content, never comments
// for whom the paper page shows none). The query is folded like the index (accents, case) and
// parsed by websearch_to_tsquery with each entry's own language configuration; the snippet is
// ts_headline's, placed back in the text as written (server/search/snippet.ts).
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { PaperStatus } from "@/db/schema";
import { type Actor, can, type SearchGrant, searchScope } from "../policy";
import { foldText, HIGHLIGHT_END, HIGHLIGHT_START } from "../search/fold";
import { searchConfigs } from "../search/languages";
import { SEARCH_LIMITS } from "../search/limits";
import { type SnippetPart, snippetFromHeadline } from "../search/snippet";

export type SearchSource = "live" | "revision" | "comment" | "title";

export type SearchHit = {
  id: number;
  source: SearchSource;
  paperId: string;
  paperTitle: string;
  dialogueName: string;
  revisionNumber: number | null;
  paragraphNumber: number | null;
  snippet: SnippetPart[];
  href: string;
};

export type SearchResults = { hits: SearchHit[]; hasMore: boolean };

/** One grant as a filter on the entry `e` of the paper `p`. */
function grantFilter(grant: SearchGrant): SQL {
  const sources: SQL[] = [sql`e.source = 'title'`];
  if (grant.liveText) sources.push(sql`e.source = 'live'`);
  if (grant.comments) sources.push(sql`e.source = 'comment'`);
  if (grant.revisions === "all") sources.push(sql`e.source = 'revision'`);
  if (grant.revisions === "submitted") {
    sources.push(
      sql`(e.source = 'revision' and e.revision_id = (select s.revision_id from submissions s where s.paper_id = p.id))`,
    );
  }
  const dialogues =
    grant.dialogues === "any"
      ? sql`true`
      : sql`p.dialogue_id in (${sql.join(
          grant.dialogues.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  return sql`(p.status = ${grant.status} and ${dialogues} and (${sql.join(sources, sql` or `)}))`;
}

// The configurations are our own constants (server/search/languages.ts), never input: inlined so
// that each is one probe of the GIN index and its tsquery is computed once, not once per row.
const configLiteral = (config: string) => sql.raw(`'${config}'::regconfig`);
const matchAnyConfig = (query: string) =>
  sql.join(
    searchConfigs.map(
      (config) =>
        sql`(e.config = ${configLiteral(config)} and e.tsv @@ websearch_to_tsquery(${configLiteral(config)}, ${query}))`,
    ),
    sql` or `,
  );
const queryForEntryConfig = (alias: "e" | "m", query: string) =>
  sql`case ${sql.raw(alias)}.config::text ${sql.join(
    searchConfigs.map((config) => sql`when ${config} then websearch_to_tsquery(${configLiteral(config)}, ${query})`),
    sql` `,
  )} end`;

/** Blocks up to this many characters are their own snippet. */
const SNIPPET_WHOLE_BELOW = 240;

type Row = {
  id: number | string;
  source: SearchSource;
  paper_id: string;
  revision_number: number | null;
  paragraph_number: number | null;
  body: string;
  headline: string;
  title: string;
  status: PaperStatus;
  dialogue_id: string;
  dialogue_name: string;
};

/**
 * The page `page` (from 1) of the actor's results for `query`, best first. The caller has
 * checked the query's length and the actor's allowance (server/search/limits.ts).
 */
export async function searchPapers(
  db: Db,
  actor: Actor,
  input: { query: string; page: number },
): Promise<SearchResults> {
  const query = foldText(input.query).trim();
  const grants = searchScope(actor);
  if (!query || grants.length === 0) return { hits: [], hasMore: false };
  const { pageSize } = SEARCH_LIMITS;
  const offset = (Math.min(Math.max(1, input.page), SEARCH_LIMITS.maxPage) - 1) * pageSize;
  const marks = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;
  // A short block is shown whole; a long one as the passage around the best match.
  const options = sql`case when char_length(m.folded) <= ${SNIPPET_WHOLE_BELOW} then ${`${marks}, HighlightAll=true`}
    else ${`${marks}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=1`} end`;
  const statement = sql`
    with matches as (
      select e.id, e.source, e.paper_id, e.revision_number, e.block_index, e.paragraph_number, e.body, e.folded,
             e.config, p.title, ts_rank(e.tsv, ${queryForEntryConfig("e", query)}) as rank
      from search_entries e
      join papers p on p.id = e.paper_id
      where (${matchAnyConfig(query)}) and (${sql.join(grants.map(grantFilter), sql` or `)})
      order by rank desc, p.title, e.paper_id, e.source, e.revision_number desc nulls first, e.block_index nulls first, e.id
      limit ${pageSize + 1} offset ${offset}
    )
    select m.id, m.source, m.paper_id, m.revision_number, m.paragraph_number, m.body,
           ts_headline(m.config, m.folded, ${queryForEntryConfig("m", query)}, ${options}) as headline,
           p.title, p.status, p.dialogue_id, d.name as dialogue_name
    from matches m
    join papers p on p.id = m.paper_id
    join dialogues d on d.id = p.dialogue_id
    order by m.rank desc, m.title, m.paper_id, m.source, m.revision_number desc nulls first, m.block_index nulls first, m.id`;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = ${SEARCH_LIMITS.statementTimeoutMs}`));
    const result = await tx.execute(statement);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
  });
  const hits = rows.slice(0, pageSize).map((row): SearchHit => {
    const paper = { dialogueId: row.dialogue_id, status: row.status };
    const paragraph = row.paragraph_number === null ? "" : `#para-${row.paragraph_number}`;
    const href =
      row.source === "revision" && can(actor, "paper.viewHistory", paper)
        ? `/papers/${row.paper_id}/revisions/${row.revision_number}${paragraph}`
        : row.source === "title"
          ? `/papers/${row.paper_id}`
          : `/papers/${row.paper_id}${paragraph}`;
    return {
      id: Number(row.id),
      source: row.source,
      paperId: row.paper_id,
      paperTitle: row.title,
      dialogueName: row.dialogue_name,
      revisionNumber: row.revision_number,
      paragraphNumber: row.paragraph_number,
      snippet: snippetFromHeadline(row.body, row.headline),
      href,
    };
  });
  return { hits, hasMore: rows.length > pageSize };
}
