// The embedded database's client on the server's thread: the part of PGlite's interface that
// drizzle uses (query, exec, transaction), each call sent to the PGlite instance that runs on a
// worker thread (db/pglite-worker.mjs). Statements then no longer stall the event loop that
// serves sockets and requests; semantics stay PGlite's: one session, a transaction holds it.
import path from "node:path";
import { Worker } from "node:worker_threads";

type Request =
  | { op: "ready" | "close" }
  | {
      op: "query";
      sql: string;
      params?: unknown[];
      rowMode?: "array" | "object";
      keepDatesAsText: boolean;
      tx?: number;
    }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean };

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> };

type QueryOptions = { rowMode?: "array" | "object"; parsers?: unknown };

/** A Postgres error from the worker, with its fields (code, constraint, …) as PGlite gives them. */
export class EmbeddedDatabaseError extends Error {
  constructor(fields: Record<string, unknown>) {
    super(String(fields.message ?? "database error"));
    Object.assign(this, fields);
    this.name = String(fields.name ?? "DatabaseError");
  }
}

/** The statements a transaction callback may run, inside that transaction. */
export type PGliteThreadTransaction = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown[]>;
};

export class PGliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly waitReady: Promise<void>;

  constructor(dataDir: string) {
    // By path from the project root, not import.meta.url: Next's bundle holds a copy of this module.
    this.worker = new Worker(path.join(process.cwd(), "db", "pglite-worker.mjs"), { workerData: { dataDir } });
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new EmbeddedDatabaseError(reply.error));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the embedded database thread stopped (exit code ${code})`)));
    this.waitReady = this.request({ op: "ready" }).then(() => undefined);
  }

  private request(message: Request): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
    tx?: number,
  ): Promise<{ rows: T[] }> {
    return this.request({
      op: "query",
      sql,
      params,
      rowMode: options?.rowMode,
      // The only parsers drizzle passes keep dates and intervals as text.
      keepDatesAsText: options?.parsers !== undefined,
      tx,
    }) as Promise<{ rows: T[] }>;
  }

  exec(sql: string, tx?: number): Promise<unknown[]> {
    return this.request({ op: "exec", sql, tx }) as Promise<unknown[]>;
  }

  /** Committed if `fn` resolves, rolled back if it throws (as PGlite's own transaction). */
  async transaction<T>(fn: (tx: PGliteThreadTransaction) => Promise<T>): Promise<T> {
    const tx = (await this.request({ op: "begin" })) as number;
    let result: T;
    try {
      result = await fn({
        query: (sql, params, options) => this.query(sql, params, options, tx),
        exec: (sql) => this.exec(sql, tx),
      });
    } catch (error) {
      await this.request({ op: "end", tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.request({ op: "end", tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    try {
      if (!this.failure) await this.request({ op: "close" });
    } finally {
      await this.worker.terminate();
    }
  }
}
