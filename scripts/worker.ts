/**
 * `npm run worker`: the background job worker (lib/jobs), beside one or more app servers on the same PostgreSQL.
 * Runs until SIGTERM/SIGINT, then finishes the job in hand and exits.
 *
 * Not on the embedded database: PGlite is one session, and a second process's connection would interleave its
 * transactions with the app's. There the worker runs inside the app server (`npm run demo` does that).
 */
import { startWorker } from "../lib/jobs/worker";
import { closePool } from "../lib/db/pool";
import { logger } from "../lib/log/logger";

if (process.env.DATABASE_EMBEDDED === "1") {
  console.error(
    "error: the embedded database is one session, so the worker runs inside the app server there (npm run demo does it).\n" +
      "       To run a separate worker, point DATABASE_URL at PostgreSQL (docs/operations.md).",
  );
  process.exit(1);
}

// Workers starting together on a fresh database race to create the queue's schema: try again a few times.
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
for (let attempt = 1; !worker; attempt++) {
  try {
    worker = await startWorker();
  } catch (error) {
    if (attempt >= 5) throw error;
    logger().warn({ err: error, attempt }, "the worker did not start; trying again");
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
}
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger().info({ signal }, "stopping the worker");
  await worker?.stop();
  await closePool();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
