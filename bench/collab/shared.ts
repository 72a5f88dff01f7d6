// Shared by the benchmark's three kinds of process: the orchestrator (run.ts), the server child
// (server-child.ts) and the client workers (clients.ts). No database or server imports here.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import type { DocNode } from "@/lib/document";

/** The Tiptap Collaboration extension's default field (as server/collab/paper-state.ts). */
export const FIELD = "default";

/** A wall-clock time in ms with sub-ms resolution, comparable across processes of one machine. */
export const now = () => performance.timeOrigin + performance.now();

/** Every edit inserts one token `{<author>.<seq>} ` (base 36): no spaces inside, so never split by a later insert at a word boundary. */
export const tokenFor = (author: number, seq: number) => `{${author.toString(36)}.${seq.toString(36)}} `;
export const TOKEN = /\{[0-9a-z]+\.[0-9a-z]+\} /g;

/**
 * The paper a run starts from: a heading and `paragraphs` plain paragraphs, the twelve sentences
 * below over and over (no marks, so XmlText offsets are text offsets).
 */
export function benchDoc(paragraphs = 12): DocNode {
  const sentences = [
    "The participating States recognise that migration and development are interlinked.",
    "Partners commit to mobility partnerships that respect the rights of migrants.",
    "Regular pathways for labour migration should be expanded where labour markets need them.",
    "Return and readmission shall be carried out in safety and dignity.",
    "Remittances should be cheaper, faster and safer to send.",
    "Data on migration flows shall be shared in a timely and comparable form.",
    "Diaspora communities are partners for development in countries of origin.",
    "Border management shall respect international protection obligations.",
    "Skills partnerships should benefit countries of origin and destination alike.",
    "Trafficking in persons and smuggling of migrants shall be prevented and prosecuted.",
    "Climate-related displacement calls for joint preparedness and response.",
    "The partners will review progress at their next ministerial meeting.",
  ];
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Recommendations" }] },
      ...Array.from({ length: paragraphs }, (_, i) => ({
        type: "paragraph",
        content: [{ type: "text", text: sentences[i % sentences.length] as string }],
      })),
    ],
  };
}

/**
 * What typists do, each edit one Yjs transaction:
 * - type: insert a token at a word boundary of a random paragraph's Y.XmlText;
 * - paragraphs: add a paragraph holding a token after a random paragraph (a Y.XmlElement with its
 *   Y.XmlText, as Tiptap's y-prosemirror binding writes a new block), so the paper grows;
 * - mixed: the two in turn.
 */
export type EditMode = "type" | "paragraphs" | "mixed";
export const EDIT_MODES: readonly EditMode[] = ["type", "paragraphs", "mixed"];

/** What is compared for convergence: the content of the shared fragment and the state vector. */
export type DocDigest = {
  contentHash: string;
  stateVector: string;
  tokens: string[];
  length: number;
  /** Top-level blocks of the paper. */
  blocks: number;
};

export function digest(doc: Y.Doc): DocDigest {
  const fragment = doc.getXmlFragment(FIELD);
  const content = fragment.toString();
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((x, y) => x[0] - y[0]);
  return {
    contentHash: createHash("sha1").update(content).digest("hex").slice(0, 12),
    stateVector: createHash("sha1").update(JSON.stringify(sv)).digest("hex").slice(0, 12),
    tokens: content.match(TOKEN) ?? [],
    length: content.length,
    blocks: fragment.length,
  };
}

/** Missing and duplicated tokens of one document against the tokens that were sent. */
export function checkTokens(found: string[], expected: Iterable<string>): { missing: string[]; duplicated: number } {
  const counts = new Map<string, number>();
  for (const t of found) counts.set(t, (counts.get(t) ?? 0) + 1);
  const missing: string[] = [];
  for (const t of expected) if (!counts.has(t)) missing.push(t);
  let duplicated = 0;
  for (const c of counts.values()) if (c > 1) duplicated += c - 1;
  return { missing, duplicated };
}

/** Nearest-rank percentile of an ascending-sorted array (NaN when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(values: number[] | Float64Array) {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}
export type Summary = ReturnType<typeof summarize>;

// ---- Messages between the orchestrator and the server child --------------------------------------

/** `accord-nosweep`: a diagnostic variant, Accord's server with its periodic policy sweep pushed out of the run. */
export type ServerMode = "bare" | "accord" | "accord-nosweep";
export const SERVER_MODES: readonly ServerMode[] = ["bare", "accord", "accord-nosweep"];

export type ServerStats = {
  pid: number;
  /** Since the last reset. */
  elapsedMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Event-loop utilization (0–1) since the last reset. */
  elu: number;
  /** Event-loop delay since the last reset, ms. */
  loopDelay: { p50: number; p99: number; max: number };
  rss: number;
  heapUsed: number;
  peakRss: number;
  peakHeapUsed: number;
  connections: number;
  /** Time spent inside the server's beforeSync hook for document updates (the awaited work before apply, broadcast and ack). */
  beforeSync: Summary;
  /** The same, for updates that only changed text (typing), and for those that added a block (a new paragraph). */
  beforeSyncText: Summary;
  beforeSyncBlock: Summary;
  /** Accord only: drizzle `db.transaction` calls, by their first statement. */
  transactions: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** Accord on PGlite only: statements outside transactions, by kind (wall time, including waits for PGlite's lock). */
  queries: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** Accord on PGlite only: time PGlite's engine ran synchronously on the server's thread, and spent syncing files. */
  engine: { syncMs: number; syncCalls: number; fsMs: number };
};

export type ToServer = { cmd: "reset" } | { cmd: "stats" } | { cmd: "doc"; name: string } | { cmd: "shutdown" };

export type FromServer =
  | { ev: "ready"; port: number }
  | { ev: "stats"; stats: ServerStats }
  | { ev: "doc"; digest: DocDigest | null }
  | { ev: "error"; message: string };

// ---- Messages between the orchestrator and a client worker -------------------------------------

export type ClientSpec = { index: number; cookie: string | null; typist: boolean };

/** One sent edit: author's Yjs client id, the author's clock after the edit, and when it was made. */
export type SentEdit = { author: number; endClock: number; sentAt: number; token: string };

export type ToWorker =
  | { cmd: "connect"; url: string; documentName: string; clients: ClientSpec[]; batch: number; timeoutMs: number }
  | { cmd: "type"; startAt: number; durationMs: number; editsPerSecond: number; edit: EditMode }
  | { cmd: "settle"; target: [number, number][]; timeoutMs: number }
  | { cmd: "report"; edits: SentEdit[] }
  | { cmd: "close" };

export type WorkerReport = {
  /** Per-delivery latencies (edit × receiver), ms. */
  latencies: Float64Array;
  /** Indexed like the `edits` sent with the report: latest arrival among this worker's receivers, and how many received it. */
  fanMax: Float64Array;
  fanCount: Int32Array;
  /** Creation → the server's SyncStatus ack at the author, ms. */
  ackLatencies: Float64Array;
  clients: { index: number; digest: Omit<DocDigest, "tokens">; missing: string[]; duplicated: number }[];
};

export type FromWorker =
  | { ev: "connected"; ok: number; failed: { index: number; reason: string }[]; ms: number }
  | {
      ev: "typed";
      edits: SentEdit[];
      /** Typists' clocks at the end (their Yjs client ids and states). */
      finalClocks: [number, number][];
      cpuUserMs: number;
      cpuSystemMs: number;
      elapsedMs: number;
      elu: number;
      loopDelay: { p50: number; p99: number; max: number };
      lateTicks: number;
    }
  | { ev: "settled"; reached: boolean; acked: boolean; ms: number; behind: number }
  | { ev: "report"; report: WorkerReport }
  | { ev: "error"; message: string };
