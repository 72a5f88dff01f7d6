// Search benchmark (issue 19): 10,000 paragraphs across 100 papers, 200 queries, p50 / p95
// latency of `searchPapers` (the page's one query: scope, match, rank, snippets), on the embedded
// database and, with DATABASE_URL, on PostgreSQL. Also the cost of reindexing one edited
// paragraph of a 100-paragraph paper (what compaction adds while people type).
// Run: npm run bench:search [-- --papers=100 --paragraphs=100 --queries=200 --db=pglite,postgres]
// See bench/search/README.md.
import { parseArgs } from "node:util";
import { type DatabaseHandle, type DatabaseTarget, installDatabase, openDatabase } from "@/db/client";
import type { DocNode } from "@/lib/document";
import { createPaper } from "@/server/domain/papers";
import { searchPapers } from "@/server/queries/search";
import { searchBlocks } from "@/server/search/blocks";
import { syncLiveEntries } from "@/server/search/index-entries";
import { createPostgresDatabase } from "@/tests/collab/process";
import { makeDialogueWithRoles } from "@/tests/helpers/factories";

const { values: args } = parseArgs({
  options: {
    papers: { type: "string", default: "100" },
    paragraphs: { type: "string", default: "100" },
    queries: { type: "string", default: "200" },
    db: { type: "string", default: process.env.DATABASE_URL ? "pglite,postgres" : "pglite" },
  },
});
const PAPERS = Number(args.papers);
const PARAGRAPHS = Number(args.paragraphs);
const QUERIES = Number(args.queries);

// A deterministic generator, so every run searches the same text with the same queries.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let random = mulberry32(2013);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

const english = `migration development migrant migrants workers remittances diaspora mobility labour
  partnership partnerships return reintegration border management asylum refugees protection rights
  integration employment skills recognition circular seasonal visa facilitation dialogue cooperation
  capacity building data statistics trafficking smuggling victims children women health education
  pension portability social security financial inclusion costs transfer corridor regional national
  policy policies framework governance coherence commitment commitments recommendation recommendations
  states delegation secretariat agreement consensus review implementation monitoring evaluation`.split(/\s+/);
const french = `mobilité développement travailleurs migrants transferts diaspora partenariat retour réintégration
  frontières gestion asile réfugiés protection droits intégration emploi compétences reconnaissance
  circulaire saisonnière visas facilitation coopération renforcement données statistiques traite
  victimes enfants femmes santé éducation pensions portabilité sécurité sociale inclusion financière
  coûts corridor régionale nationale politique politiques cadre gouvernance cohérence engagements
  recommandations États délégation secrétariat accord consensus examen mise œuvre suivi évaluation`.split(/\s+/);
const filler = ["the", "and", "of", "to", "in", "for", "with", "on", "les", "des", "et", "de", "la", "pour"];
// Rare words: each appears in a few paragraphs only.
const syllables = ["ka", "lo", "mi", "ra", "ze", "tu", "no", "vi", "sa", "pe", "do", "qui", "fa", "bel", "mon"];
const rare: string[] = Array.from({ length: 2_000 }, () => Array.from({ length: 3 }, () => pick(syllables)).join(""));

function paragraph(language: "en" | "fr"): string {
  const words = language === "en" ? english : french;
  const length = 20 + Math.floor(random() * 30);
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = random();
    out.push(r < 0.35 ? pick(filler) : r < 0.97 ? pick(words) : pick(rare));
  }
  const text = out.join(" ");
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

function paperDoc(language: "en" | "fr"): DocNode {
  return {
    type: "doc",
    content: Array.from({ length: PARAGRAPHS }, () => ({
      type: "paragraph",
      content: [{ type: "text", text: paragraph(language) }],
    })),
  };
}

const unaccent = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
function query(): string {
  const r = random();
  const words = random() < 0.3 ? french : english;
  if (r < 0.35) return pick(words);
  if (r < 0.55) return unaccent(pick(french)).toUpperCase();
  if (r < 0.75) return pick(rare);
  if (r < 0.9) return `${pick(words)} ${pick(words)}`;
  return `"${pick(words)} ${pick(words)}"`;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function run(label: string, target: DatabaseTarget) {
  random = mulberry32(2013 + 1); // the same corpus and queries on every database
  const handle: DatabaseHandle = await openDatabase(target);
  installDatabase(handle);
  try {
    await handle.migrate();
    const db = handle.db;
    const world = await makeDialogueWithRoles(db);
    let started = performance.now();
    const paperIds: string[] = [];
    for (let i = 0; i < PAPERS; i++) {
      // A third of the papers in French: stemmed with the French configuration.
      const language = i % 3 === 2 ? "fr" : "en";
      const paper = await createPaper(db, world.actors.chair, {
        dialogueId: world.dialogue.id,
        title: `Bench paper ${i + 1}: ${pick(english)} and ${pick(english)}`,
        kind: "recommendations",
        language,
        content: paperDoc(language),
      });
      paperIds.push(paper.id);
    }
    const seedMs = performance.now() - started;
    const actor = world.actors.delegate;
    const queries = Array.from({ length: QUERIES }, query);
    for (const q of queries.slice(0, 10)) await searchPapers(db, actor, { query: q, page: 1 }); // warm-up
    const times: number[] = [];
    const signature: string[] = [];
    let hits = 0;
    let empty = 0;
    for (const q of queries) {
      started = performance.now();
      const result = await searchPapers(db, actor, { query: q, page: 1 });
      times.push(performance.now() - started);
      hits += result.hits.length;
      signature.push(result.hits.map((h) => `${h.paperTitle}/${h.source}/${h.paragraphNumber}`).join(","));
      if (result.hits.length === 0) empty++;
    }
    times.sort((a, b) => a - b);

    // One edited paragraph of a paper: what compaction's reindex costs (one block, 99 kept).
    const reindex: number[] = [];
    const doc = paperDoc("en");
    await db.transaction((tx) => syncLiveEntries(tx, paperIds[0] as string, searchBlocks(doc)));
    for (let i = 0; i < 20; i++) {
      const edited = structuredClone(doc);
      const block = edited.content?.[i] as DocNode;
      block.content = [{ type: "text", text: `${paragraph("en")} edit ${i}` }];
      started = performance.now();
      await db.transaction((tx) => syncLiveEntries(tx, paperIds[0] as string, searchBlocks(edited)));
      reindex.push(performance.now() - started);
    }
    reindex.sort((a, b) => a - b);

    console.log(`\n${label} (${handle.describe})`);
    console.log(`  corpus: ${PAPERS} papers × ${PARAGRAPHS} paragraphs, indexed in ${(seedMs / 1000).toFixed(1)} s`);
    console.log(
      `  ${QUERIES} queries: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times.at(-1) ?? 0)}` +
        ` (${(hits / QUERIES).toFixed(1)} results per page on average, ${empty} with none)`,
    );
    console.log(
      `  reindex after a one-paragraph edit: p50 ${ms(percentile(reindex, 50))}, p95 ${ms(percentile(reindex, 95))}`,
    );
    return signature.join("\n");
  } finally {
    await handle.close();
  }
}

const pages: string[] = [];

for (const db of (args.db ?? "").split(",")) {
  if (db === "pglite") pages.push(await run("Embedded PGlite", { memory: true }));
  else if (db === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("bench:search: --db=postgres needs DATABASE_URL");
    const fresh = await createPostgresDatabase(url);
    try {
      pages.push(await run("PostgreSQL", { url: fresh.url }));
    } finally {
      await fresh.drop();
    }
  } else if (db) throw new Error(`bench:search: unknown database ${db}`);
}
if (pages.length === 2) {
  const [a, b] = pages.map((p) => p.split("\n"));
  const differing = a?.filter((line, i) => line !== b?.[i]).length ?? 0;
  console.log(`\nqueries whose first page differs between the databases: ${differing} of ${a?.length ?? 0}`);
  if (process.env.BENCH_SEARCH_DIFF) {
    const i = a?.findIndex((line, j) => line !== b?.[j]) ?? -1;
    if (i >= 0) console.log(`first difference (query ${i}):\n${a?.[i]}\n${b?.[i]}`);
  }
}
