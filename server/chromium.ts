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

/**
 * Headless flags for this closed machine: no background traffic, and Chromium's sandbox unless it
 * cannot have one. Chromium refuses to start sandboxed as root, so a process running as root
 * (this development machine, a container's default user) gets --no-sandbox; so does one told by
 * CHROMIUM_NO_SANDBOX=1 that the machine offers no sandbox (no user namespaces: Chromium then
 * fails to start with "No usable sandbox"). Run the app as an ordinary user in production: the
 * PDF renderer is then sandboxed. What it may reach is limited in any case (render/pdf.ts).
 */
export function chromiumLaunchArgs({
  uid = process.getuid?.(),
  env = process.env,
}: {
  uid?: number;
  env?: Record<string, string | undefined>;
} = {}): string[] {
  const noSandbox = uid === 0 || env.CHROMIUM_NO_SANDBOX === "1";
  return [
    ...(noSandbox ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    // Stops Chromium's own lookups of Google hosts on this closed network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
  ];
}

/** The flags for this process. */
export const chromiumArgs = chromiumLaunchArgs();
