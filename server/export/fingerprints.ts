// Every file of a submission, issued in the background once it has committed: each format in
// each of the six languages is rendered, kept and its fingerprint recorded
// (server/export/service.ts), so the verify check finds them without rendering. This runs only in a process that asked for it: the
// long-running server (server/main.ts). Elsewhere (tests, seeding scripts) the fingerprints are
// recorded later, when the files are downloaded or verified. One submission at a time (about a
// second per PDF), so a burst of submissions does not start a burst of Chromium pages.
import type { Db } from "@/db/client";
import { isLocale, type Locale, locales } from "@/lib/i18n/locales";
import { processSingleton } from "@/lib/process-singleton";
import { issueExport } from "./service";
import { submittedSource } from "./source";
import { type ExportSource, exportFormats } from "./types";

/** Renders, keeps and records every format in every language of a submitted paper; failures are logged. */
async function recordSubmissionFingerprints(db: Db, paperId: string): Promise<void> {
  let source: ExportSource;
  try {
    source = await submittedSource(db, paperId);
  } catch (error) {
    console.error(`fingerprints: paper ${paperId} has no submitted text to render`, error);
    return;
  }
  await issueAll(db, source, locales);
  // Each language version frozen with the submitted revision: its files with a cover in its own
  // language (English when the interface has none); other covers are issued when first asked for.
  for (const frozen of source.languages ?? []) {
    if (frozen.isOriginal) continue;
    try {
      const version = await submittedSource(db, frozen.paperId);
      await issueAll(db, version, [isLocale(frozen.language) ? frozen.language : "en"]);
    } catch (error) {
      console.error(`fingerprints: the ${frozen.language} version of paper ${paperId} has no submitted text`, error);
    }
  }
}

async function issueAll(db: Db, source: ExportSource, langs: readonly Locale[]): Promise<void> {
  for (const format of exportFormats) {
    for (const lang of langs) {
      try {
        await issueExport(db, source, format, { lang });
      } catch (error) {
        console.error(`fingerprints: rendering the ${format} (${lang}) file of paper ${source.paperId} failed`, error);
      }
    }
  }
}

// Process-wide: the custom server and Next's bundled code share the process but not module instances.
const worker = processSingleton("fingerprint worker", (): { enabled: boolean; queue: Promise<void> } => ({
  enabled: false,
  queue: Promise.resolve(),
}));

/** Lets submissions render their files in the background (called once by the server at start). */
export function startFingerprintWorker(): void {
  worker.enabled = true;
}

/** After a submission has committed: queues its files for rendering, without waiting for them. */
export function queueSubmissionFingerprints(db: Db, paperId: string): void {
  if (!worker.enabled) return;
  worker.queue = worker.queue.then(() => recordSubmissionFingerprints(db, paperId));
}

/** Resolves when the queued renderings are done (shutdown, tests). */
export function fingerprintQueueIdle(): Promise<void> {
  return worker.queue;
}
