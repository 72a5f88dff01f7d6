// The verify check against issued files: submitting records the SHA-256 of every export file,
// a genuine copy then matches by those bytes without any rendering (so it keeps matching after
// the renderer changes), a one-character change is refused, and the public endpoint limits
// each client address. The files issued are kept and handed out again byte for byte.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/verify/route";
import { exportFingerprints, issuedFiles, type Paper, submissions } from "@/db/schema";
import { locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { sha256Hex } from "@/server/canonical";
import { submitToHld } from "@/server/domain/workflow";
import { fingerprintQueueIdle, startFingerprintWorker } from "@/server/export/fingerprints";
import { recordIssuedFile } from "@/server/export/issued-files";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { exportDialogueSubmissions, exportPaper, issueExport, renderExport } from "@/server/export/service";
import { exportSourceForActor, submittedSource } from "@/server/export/source";
import { type ExportFormat, exportFormats } from "@/server/export/types";
import { verifyFile } from "@/server/export/verify/file";
import { VERIFY_CHECKS_PER_MINUTE, verifyLimits } from "@/server/export/verify/limits";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, sampleDoc } from "../helpers/factories";

const test = useTestDatabase();
const now = new Date("2013-09-12T10:00:00Z");
let world: DialogueWithRoles;
/** Submitted while the server's fingerprint worker ran. */
let submitted: Paper;
/** Submitted with no worker (as in scripts): nothing recorded until a download or a verify. */
let unrecorded: Paper;

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

async function fingerprintsOf(paperId: string) {
  return test
    .db()
    .select({ format: exportFingerprints.format, lang: exportFingerprints.lang, sha256: exportFingerprints.sha256 })
    .from(exportFingerprints)
    .innerJoin(submissions, eq(submissions.id, exportFingerprints.submissionId))
    .where(eq(submissions.paperId, paperId));
}

/** A renderer that must not be used, counting the attempts. */
function forbiddenRenderer() {
  const calls: string[] = [];
  const render: typeof renderExport = async (_source, format, options) => {
    calls.push(`${format}:${options.lang}`);
    throw new Error("rendering was not expected");
  };
  return { calls, render };
}

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  unrecorded = (await makePaperInStatus(test.db(), "submitted", world, { content: sampleDoc("Unrecorded text."), now }))
    .paper;
  startFingerprintWorker();
  const agreed = (
    await makePaperInStatus(test.db(), "agreed", world, {
      title: "Déclaration sur la mobilité",
      content: sampleDoc("Mobility partnerships should be strengthened."),
      now,
    })
  ).paper;
  await submitToHld(test.db(), world.actors.chair, { paperId: agreed.id }, now);
  submitted = agreed;
  await fingerprintQueueIdle();
}, 120_000);

afterAll(async () => {
  await closePdfBrowser();
});

const download = (paperId: string, format: ExportFormat, lang: "en" | "fr" = "en") =>
  exportPaper(test.db(), world.actors.chair, { paperId, revision: 1, format, lang });

describe("fingerprints of issued files", () => {
  it("submitting records the SHA-256 of every format in every language, after the commit", async () => {
    const rows = await fingerprintsOf(submitted.id);
    expect(rows.map((r) => `${r.format}:${r.lang}`).sort()).toEqual(
      exportFormats.flatMap((f) => locales.map((lang) => `${f}:${lang}`)).sort(),
    );
    const source = await submittedSource(test.db(), submitted.id);
    for (const format of ["md", "html", "akn", "docx"] as const) {
      const file = await renderExport(source, format, { lang: "fr" });
      expect(rows.find((r) => r.format === format && r.lang === "fr")?.sha256, format).toBe(sha256Hex(file.bytes));
    }
    // Without the server's worker (tests, seeding scripts) nothing is rendered at submission.
    expect(await fingerprintsOf(unrecorded.id)).toEqual([]);
  });

  it("only the plain file of the submitted revision is recorded", async () => {
    const draft = (await makePaperInStatus(test.db(), "consultation", world, { content: sampleDoc("Draft.") })).paper;
    const live = await exportSourceForActor(test.db(), world.actors.chair, draft.id, "live");
    const before = await test.db().select().from(exportFingerprints);
    const keptBefore = await test.db().select({ sha256: issuedFiles.sha256 }).from(issuedFiles);
    await issueExport(test.db(), live, "md", { lang: "en" });
    expect(await test.db().select().from(exportFingerprints)).toEqual(before);
    expect(await test.db().select({ sha256: issuedFiles.sha256 }).from(issuedFiles)).toEqual(keptBefore);
    const source = await submittedSource(test.db(), unrecorded.id);
    await recordIssuedFile(test.db(), source, "md", { lang: "en", includeAnnotations: true }, encode("annotated"));
    expect(await fingerprintsOf(unrecorded.id)).toEqual([]);
  });
});

describe("verify against issued files", () => {
  it("a genuine file matches by its recorded SHA-256 without rendering", async () => {
    const renderer = forbiddenRenderer();
    for (const [format, lang] of [
      ["md", "en"],
      ["docx", "fr"],
      ["pdf", "en"],
      ["akn", "fr"],
    ] as const) {
      const file = await download(submitted.id, format, lang);
      const result = await verifyFile(test.db(), file.bytes, { render: renderer.render });
      expect(result.outcome, format).toBe("match");
      if (result.outcome === "match") expect(result.matches[0]?.title).toBe("Déclaration sur la mobilité");
    }
    expect(renderer.calls).toEqual([]);
  }, 60_000);

  it("after the renderer changed: an issued file still matches, a changed copy does not, the new output does", async () => {
    const issued = await download(submitted.id, "html");
    // Today's renderer gives different bytes for the same revision (a new Chromium, new fonts…).
    const calls: string[] = [];
    const newRenderer: typeof renderExport = async (source, format, options) => {
      calls.push(`${format}:${options.lang}`);
      const file = await renderExport(source, format, options);
      return { ...file, bytes: encode(`${decode(file.bytes)}<!-- renderer v2 -->\n`) };
    };
    expect((await verifyFile(test.db(), issued.bytes, { render: newRenderer })).outcome).toBe("match");
    expect(calls).toEqual([]);

    const oneChar = encode(decode(issued.bytes).replace("strengthened", "strengthenet"));
    expect((await verifyFile(test.db(), oneChar, { render: newRenderer })).outcome).toBe("altered");
    expect(calls).toEqual(["html:en"]);

    // A file of the new renderer that nobody recorded: rendered again, matched, then recorded.
    const newFile = await newRenderer(await submittedSource(test.db(), submitted.id), "html", { lang: "en" });
    calls.length = 0;
    expect((await verifyFile(test.db(), newFile.bytes, { render: newRenderer })).outcome).toBe("match");
    expect(calls).toEqual(["html:en"]);
    const html = (await fingerprintsOf(submitted.id)).filter((r) => r.format === "html" && r.lang === "en");
    expect(html.map((r) => r.sha256).sort()).toEqual([sha256Hex(issued.bytes), sha256Hex(newFile.bytes)].sort());
    expect((await verifyFile(test.db(), newFile.bytes, forbiddenRenderer())).outcome).toBe("match");
  });

  it("a one-character change of a real export is refused", async () => {
    const md = decode((await download(submitted.id, "md")).bytes);
    let renderings = 0;
    const schedule = <T>(task: () => Promise<T>) => {
      renderings += 1;
      return task();
    };
    const changed = encode(md.replace("Mobility partnerships", "Mobility partnershipz"));
    expect((await verifyFile(test.db(), changed, { schedule })).outcome).toBe("altered");
    expect(renderings).toBe(1);
    // Today's rendering of that text is remembered: another altered copy costs no rendering.
    const again = encode(md.replace("Mobility partnerships", "Mobility partnerships!"));
    expect((await verifyFile(test.db(), again, { schedule })).outcome).toBe("altered");
    expect(renderings).toBe(1);
    const pdf = new Uint8Array((await download(submitted.id, "pdf", "fr")).bytes);
    const middle = Math.floor(pdf.length / 2);
    pdf[middle] = (pdf[middle] ?? 0) ^ 1;
    expect((await verifyFile(test.db(), pdf)).outcome).toBe("altered");
  }, 60_000);

  it("a submission without recorded files is rendered once, recorded, and matched from then on", async () => {
    const file = await renderExport(await submittedSource(test.db(), unrecorded.id), "md", { lang: "en" });
    expect((await verifyFile(test.db(), file.bytes)).outcome).toBe("match");
    expect((await fingerprintsOf(unrecorded.id)).map((r) => r.sha256)).toEqual([sha256Hex(file.bytes)]);
    expect((await verifyFile(test.db(), file.bytes, forbiddenRenderer())).outcome).toBe("match");
  });

  it("a download of a submitted revision records the file it hands out", async () => {
    const before = await fingerprintsOf(unrecorded.id);
    const file = await download(unrecorded.id, "html", "fr");
    const after = await fingerprintsOf(unrecorded.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual({ format: "html", lang: "fr", sha256: sha256Hex(file.bytes) });
  });
});

describe("limits of the public endpoint", () => {
  const upload = (bytes: Uint8Array, address: string, accept?: string) => {
    const form = new FormData();
    form.set("file", new File([Buffer.from(bytes)], "copy.md"));
    return POST(
      new Request("http://accord.test/api/verify", {
        method: "POST",
        body: form,
        headers: { "x-forwarded-for": address, ...(accept ? { accept } : {}) },
      }),
    );
  };
  // What Chromium sends with a plain form post.
  const pageAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  it("sends a form posted without JavaScript back to the verify page with the outcome", async () => {
    const hash = (await submittedSource(test.db(), submitted.id)).hash;
    const genuine = (await download(submitted.id, "md")).bytes;
    const matched = await upload(genuine, "203.0.113.30", pageAccept);
    expect(matched.status).toBe(303);
    expect(matched.headers.get("location")).toBe(`/verify?hash=${hash}`);
    const altered = encode(decode(genuine).replace("Mobility", "Mobilitx"));
    const refused = await upload(altered, "203.0.113.30", pageAccept);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/verify?file=altered");
    // The form's script asks for JSON and gets it.
    const scripted = await upload(genuine, "203.0.113.30", "application/json");
    expect(scripted.status).toBe(200);
    expect(await scripted.json()).toMatchObject({ outcome: "match", matches: [{ hash }] });
  });
  const byHash = (hash: string, address: string) =>
    GET(new Request(`http://accord.test/api/verify?hash=${hash}`, { headers: { "x-forwarded-for": address } }));

  it(`answers 429 after ${VERIFY_CHECKS_PER_MINUTE} checks a minute from one address, in the reader's language`, async () => {
    const hash = (await submittedSource(test.db(), submitted.id)).hash;
    const genuine = (await download(submitted.id, "md")).bytes;
    expect(await (await upload(genuine, "203.0.113.10")).json()).toMatchObject({ outcome: "match" });
    for (let i = 1; i < VERIFY_CHECKS_PER_MINUTE; i++) {
      expect((await byHash(hash, "203.0.113.10")).status, `check ${i + 1}`).toBe(200);
    }
    const refused = await upload(genuine, "203.0.113.10");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ outcome: "rateLimited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await byHash(hash, "203.0.113.10")).status).toBe(429);
    // Other clients are not held back.
    expect((await byHash(hash, "203.0.113.11")).status).toBe(200);
    // The page shows the outcome's message from the catalogs.
    expect(translator("en")("verify.rateLimited")).toMatch(/Too many checks/);
    expect(translator("fr")("verify.rateLimited")).toMatch(/Trop de vérifications/);
  });

  it("answers 503 when the renderings in progress and in line are at their cap", async () => {
    const altered = encode(decode((await download(submitted.id, "akn", "fr")).bytes).replace("Mobility", "Mobilitx"));
    const releases: (() => void)[] = [];
    const blockers: Promise<void>[] = [];
    const { renderings } = verifyLimits;
    while (renderings.waiting < 8) {
      blockers.push(renderings.run(() => new Promise<void>((resolve) => releases.push(resolve))));
      await Promise.resolve();
    }
    try {
      const busy = await upload(altered, "203.0.113.20");
      expect(busy.status).toBe(503);
      expect(await busy.json()).toEqual({ outcome: "busy" });
    } finally {
      while (releases.length || renderings.active) {
        for (const release of releases.splice(0)) release();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await Promise.all(blockers);
    }
    expect(await (await upload(altered, "203.0.113.20")).json()).toEqual({ outcome: "altered" });
  });
});

describe("the official copies", () => {
  it("are kept when first issued, then handed out again byte for byte by downloads and the ZIP", async () => {
    const paper = (
      await makePaperInStatus(test.db(), "submitted", world, { title: "Kept copies", content: sampleDoc("Kept."), now })
    ).paper;
    await fingerprintQueueIdle();
    const keptOf = () =>
      test
        .db()
        .select({
          submissionId: issuedFiles.submissionId,
          format: issuedFiles.format,
          lang: issuedFiles.lang,
          sha256: issuedFiles.sha256,
          bytes: issuedFiles.bytes,
        })
        .from(issuedFiles)
        .innerJoin(submissions, eq(submissions.id, issuedFiles.submissionId))
        .where(eq(submissions.paperId, paper.id));
    // Rendered in the background at submission: every format in every language, each recorded.
    const kept = await keptOf();
    expect(kept.map((r) => `${r.format}:${r.lang}`).sort()).toEqual(
      exportFormats.flatMap((f) => locales.map((lang) => `${f}:${lang}`)).sort(),
    );
    const recorded = new Set((await fingerprintsOf(paper.id)).map((r) => r.sha256));
    for (const row of kept) {
      expect(sha256Hex(new Uint8Array(row.bytes)), `${row.format}:${row.lang}`).toBe(row.sha256);
      expect(recorded.has(row.sha256), `${row.format}:${row.lang} recorded`).toBe(true);
    }

    // The kept Markdown as an earlier renderer made it: downloads and the ZIP hand out exactly that.
    const markdown = kept.find((r) => r.format === "md" && r.lang === "en");
    const earlier = encode(`${decode(new Uint8Array(markdown?.bytes ?? []))}<!-- an earlier renderer -->\n`);
    await test
      .db()
      .update(issuedFiles)
      .set({ bytes: earlier, sha256: sha256Hex(earlier) })
      .where(
        and(
          eq(issuedFiles.submissionId, markdown?.submissionId ?? ""),
          eq(issuedFiles.format, "md"),
          eq(issuedFiles.lang, "en"),
        ),
      );
    const downloaded = await download(paper.id, "md");
    expect(Buffer.from(downloaded.bytes).equals(Buffer.from(earlier))).toBe(true);
    expect(downloaded.filename).toBe("kept-copies-rev1.md");
    const zip = await exportDialogueSubmissions(test.db(), world.actors.chair, {
      slug: world.dialogue.slug,
      lang: "en",
      formats: ["md"],
    });
    const entry = zip.manifest.find((e) => e.title === "Kept copies");
    expect(entry?.files).toEqual([expect.objectContaining({ format: "md", sha256: sha256Hex(earlier) })]);
    // The French copy was not touched: still today's rendering.
    const french = await download(paper.id, "md", "fr");
    const rendered = await renderExport(await submittedSource(test.db(), paper.id), "md", { lang: "fr" });
    expect(sha256Hex(french.bytes)).toBe(sha256Hex(rendered.bytes));
  }, 120_000);
});
