import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./server/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  // Two cores: the server under test needs one.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // On CI (two cores shared by the server, the browser and the tests) one retry absorbs timing
  // noise; a retried test is reported as flaky in the output, not hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    locale: "en-GB",
    launchOptions: { executablePath: chromiumPath("The end-to-end tests"), args: chromiumArgs },
  },
  // A wide desktop, where the paper page has its negotiation panel beside the text; the phone
  // (390 px) and the laptop (1280 px, the panel folded away) are tested where they matter
  // (desk.spec.ts, screens.spec.ts).
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1600, height: 900 } } }],
  webServer: {
    command: "npx tsx e2e/start-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
