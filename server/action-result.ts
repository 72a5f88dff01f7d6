// Shapes the outcome of a server action for the form that sent it: a translated message,
// never an internal error. Thrown redirects pass through.
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isMessageKey, type MessageKey, type Translate } from "@/lib/i18n/translate";
import { AppError } from "./errors";
import { getTranslator } from "./locale";

export type ActionState = { ok: boolean; message: string; at: number } | null;

/** What the user is told of a failure: the domain's message, the invalid fields, or "unexpected". */
export function failureMessage(error: unknown, t: Translate): string {
  if (error instanceof AppError) {
    const key = isMessageKey(error.messageKey) ? error.messageKey : `errors.${error.code}`;
    return t(key as MessageKey);
  }
  if (error instanceof ZodError) {
    const fields = [...new Set(error.issues.map((issue) => issue.path.join(".")).filter(Boolean))];
    return t("errors.invalidFields", { fields: fields.join(", ") });
  }
  console.error(error);
  return t("errors.unexpected");
}

export async function actionResult<T>(
  work: () => Promise<T>,
  successKey: MessageKey | ((value: T) => MessageKey),
): Promise<ActionState> {
  const { t } = await getTranslator();
  try {
    const value = await work();
    return { ok: true, message: t(typeof successKey === "function" ? successKey(value) : successKey), at: Date.now() };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, message: failureMessage(error, t), at: Date.now() };
  }
}
