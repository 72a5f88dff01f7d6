// Which Chromium this machine runs (PDF exports, end-to-end tests): Debian's, or CHROMIUM_PATH.
// Browser downloads are impossible here, so say clearly what is missing.
import { existsSync } from "node:fs";

export function chromiumPath(purpose: string): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `${purpose} needs Chromium: none at ${candidates.join(", ")}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return found;
}

/** Headless flags for this closed machine: no sandbox as root, no background traffic. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Stops Chromium's own lookups of Google hosts on this closed network.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
];
