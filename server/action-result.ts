// Shapes the outcome of a server action for the form that sent it: a translated message,
// never an internal error. Thrown redirects pass through.
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isMessageKey, type MessageKey } from "@/lib/i18n/translate";
import { AppError } from "./errors";
import { getTranslator } from "./locale";

export type ActionState = { ok: boolean; message: string; at: number } | null;

export async function actionResult(work: () => Promise<unknown>, successKey: MessageKey): Promise<ActionState> {
  const { t } = await getTranslator();
  try {
    await work();
    return { ok: true, message: t(successKey), at: Date.now() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const key = isMessageKey(error.messageKey) ? error.messageKey : `errors.${error.code}`;
      return { ok: false, message: t(key as MessageKey), at: Date.now() };
    }
    if (error instanceof ZodError) {
      const fields = [...new Set(error.issues.map((issue) => issue.path.join(".")).filter(Boolean))];
      return { ok: false, message: t("errors.invalidFields", { fields: fields.join(", ") }), at: Date.now() };
    }
    console.error(error);
    return { ok: false, message: t("errors.unexpected"), at: Date.now() };
  }
}
