"use client";
// Announces what an action did after it moved the browser to another page (freezing a revision
// lands on the approval round): the action's redirect names the outcome in `?done=`, and this
// live region says it once the page is there, then takes the parameter off the address so a
// reload does not say it again. Only outcomes the page was given a message for are shown.
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { flashParameter } from "@/lib/flash";

export function FlashNotice({ messages }: { messages: Record<string, string> }) {
  const done = useSearchParams().get(flashParameter);
  const pathname = usePathname();
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!done || !Object.hasOwn(messages, done)) return;
    // Filled after mounting: a live region present before its text changes is announced.
    setMessage(messages[done] ?? "");
    const rest = new URLSearchParams(window.location.search);
    rest.delete(flashParameter);
    const query = rest.toString();
    window.history.replaceState(null, "", `${pathname}${query ? `?${query}` : ""}${window.location.hash}`);
  }, [done, messages, pathname]);
  return (
    <p role="status" className={message ? "msg-ok" : "sr-only"} data-testid="flash-notice">
      {message}
    </p>
  );
}
