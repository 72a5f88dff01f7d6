// GET /api/dialogues/:slug/submissions: every submitted paper of the dialogue, in every format,
// with manifest.json, as one ZIP (chair of that dialogue or secretariat administrator).
import { z } from "zod";
import { getDb } from "@/db/client";
import { locales } from "@/lib/i18n/locales";
import { currentActor } from "@/server/auth/current";
import { errorResponse, fileResponse } from "@/server/export/http";
import { exportDialogueSubmissions } from "@/server/export/service";
import { requestLocale } from "@/server/locale";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({ lang: z.enum(locales).optional() });
const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(100);

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await currentActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!slugSchema.safeParse(slug).success || !query.success) {
    return Response.json({ error: "not_found" }, { status: 404 });
  }
  try {
    const zip = await exportDialogueSubmissions(await getDb(), actor, {
      slug,
      lang: query.data.lang ?? (await requestLocale()),
    });
    return fileResponse({ bytes: zip.bytes, contentType: "application/zip", filename: zip.filename });
  } catch (error) {
    return errorResponse(error);
  }
}
