import path from "node:path";
import { defineConfig } from "@playwright/test";

// E2E_PORT (and NEXT_DIST_DIR for the build) let two checkouts' browser tests run at once.
const port = Number(process.env.E2E_PORT ?? 3210);
const ci = process.env.CI === "true" || process.env.CI === "1";
// The server's clock for browser tests (lib/clock.ts): a file holding an ISO instant, empty for real time.
// Set here for the server and for the specs, which move it forward (tests/e2e/dependencies.spec.ts).
const clockFile = path.resolve(`.data/e2e-clock-${port}.txt`);
process.env.TEST_CLOCK_FILE = clockFile;

/**
 * Browser tests run against the production build in Debian's Chromium (never a downloaded browser).
 * The server is started by scripts/serve.ts on a database of its own: the PostgreSQL in DATABASE_URL when
 * given, otherwise an embedded PGlite in .data/e2e-pglite; it is migrated and seeded with the demo data first.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // Shared 2-core machines: generous waits, and a retry in CI, so load shows up as slowness, not failure.
  retries: ci ? 2 : 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: ci ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --port ${port} --seed always --build if-stale`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !ci,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { EMBEDDED_DATA_DIR: `.data/e2e-pglite-${port}`, TEST_CLOCK_FILE: clockFile },
  },
});
