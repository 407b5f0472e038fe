import "server-only";
import { readFileSync } from "node:fs";
import { env } from "@/lib/env";

/**
 * The app's "now" for business rules (overdue dependencies, SLA timers, notification sweeps).
 *
 * Browser tests run the production build and need to move time forward ("it turns overdue when the date
 * passes"), so when TEST_CLOCK_FILE is set — only playwright.config.ts does that — the instant written in that
 * file is "now" (an empty or missing file means the real clock). The file is read on each call so a test can
 * change the time while the server runs. Nothing a request sends can move the clock.
 */
export function now(): Date {
  const file = env().TEST_CLOCK_FILE;
  if (!file) return new Date();
  let text = "";
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    return new Date();
  }
  const at = text === "" ? Number.NaN : Date.parse(text);
  return Number.isNaN(at) ? new Date() : new Date(at);
}
