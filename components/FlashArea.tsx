// The live region of a page that an action may land on: every outcome of lib/flash.ts, translated.
import { Suspense } from "react";
import { flashMessages } from "@/lib/flash";
import type { Translate } from "@/lib/i18n/translate";
import { FlashNotice } from "./FlashNotice";

export function FlashArea({ t }: { t: Translate }) {
  const messages = Object.fromEntries(Object.entries(flashMessages).map(([outcome, key]) => [outcome, t(key)]));
  return (
    <Suspense>
      <FlashNotice messages={messages} />
    </Suspense>
  );
}
