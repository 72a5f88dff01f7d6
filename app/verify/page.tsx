// Public (no sign-in): does a file or a hash match a text submitted to the HLD?
import type { Metadata } from "next";
import { VerifyForm, type VerifyLabels } from "@/components/export/VerifyForm";
import { getDb } from "@/db/client";
import type { VerifyResponse } from "@/lib/verify-outcome";
import { verifyHash } from "@/server/export/verify/hash";
import { VERIFY_MAX_BYTES } from "@/server/export/verify/limits";
import { getTranslator } from "@/server/locale";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("exports.verify.title") };
}

type Props = { searchParams: Promise<{ hash?: string; file?: string }> };

export default async function VerifyPage({ searchParams }: Props) {
  const { t } = await getTranslator();
  const params = await searchParams;
  const hash = typeof params.hash === "string" ? params.hash.trim().toLowerCase() : "";
  const maxMb = VERIFY_MAX_BYTES / (1024 * 1024);
  // The endpoint's limits answer 429 { outcome: "rateLimited" } or 503 { outcome: "busy" }; the
  // form shows the label of whatever outcome comes back.
  const outcomes: VerifyLabels["outcomes"] = {
    noMatch: t("exports.verify.noMatch"),
    altered: t("exports.verify.altered"),
    noMarker: t("exports.verify.noMarker"),
    tooLarge: t("exports.verify.tooLarge", { max: maxMb }),
    nothing: t("exports.verify.nothing"),
    hashInvalid: t("exports.verify.hashInvalid"),
    failed: t("exports.verify.failed"),
    rateLimited: t("verify.rateLimited"),
    busy: t("verify.busy"),
  };
  const isRefusal = (value: unknown): value is keyof VerifyLabels["outcomes"] =>
    typeof value === "string" && Object.hasOwn(outcomes, value);
  let initial: (VerifyResponse & { via: "file" | "hash" }) | null = null;
  // A file checked without JavaScript: POST /api/verify redirects here with a match's hash, or
  // with the name of any other outcome (which claims nothing about any paper).
  if (isRefusal(params.file)) initial = { outcome: params.file, via: "file" };
  else if (hash) {
    initial = /^[0-9a-f]{64}$/.test(hash)
      ? { ...(await verifyHash(await getDb(), hash)), via: "hash" }
      : { outcome: "hashInvalid", via: "hash" };
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1>{t("exports.verify.title")}</h1>
      <p className="muted">{t("exports.verify.intro")}</p>
      <VerifyForm
        maxBytes={VERIFY_MAX_BYTES}
        initial={initial}
        initialHash={hash}
        labels={{
          fileLabel: t("exports.verify.fileLabel", { max: maxMb }),
          hashLabel: t("exports.verify.hashLabel"),
          submitFile: t("exports.verify.submit"),
          submitHash: t("exports.verify.submit"),
          pending: t("exports.verify.pending"),
          uploading: t("exports.verify.uploading"),
          resultHeading: t("exports.verify.resultHeading"),
          match: t("exports.verify.match"),
          matchHash: t("exports.verify.matchHash"),
          paper: t("exports.verify.paper"),
          dialogue: t("exports.verify.dialogue"),
          revision: t("exports.verify.revision"),
          reference: t("exports.verify.reference"),
          submittedAt: t("exports.verify.submittedAt"),
          hash: t("exports.verify.hash"),
          revNumber: t("exports.cover.revNumber"),
          outcomes,
        }}
      />
    </div>
  );
}
