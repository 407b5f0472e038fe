import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { startTracing } from "@/lib/log/tracing";

const holder = globalThis as unknown as { serverServices?: Promise<void> };

/**
 * What an app server starts beside serving pages (instrumentation.ts): tracing when configured, and the job
 * worker when WORKER_IN_PROCESS=1. Started once per process; a worker that cannot start is logged, and the app
 * still serves (readiness reports the database separately).
 */
export function startServerServices(): Promise<void> {
  holder.serverServices ??= (async () => {
    const e = env();
    if (e.OTEL_EXPORTER_OTLP_ENDPOINT) await startTracing();
    if (e.WORKER_IN_PROCESS === "1") {
      try {
        const { startWorker } = await import("./worker");
        const worker = await startWithRetries(startWorker);
        const stop = () => {
          void worker.stop().finally(() => process.exit(0));
        };
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      } catch (error) {
        logger().error({ err: error }, "the in-process job worker did not start");
      }
    }
  })();
  return holder.serverServices;
}

/**
 * Starts the worker, trying again a few times: replicas starting together on a fresh database race to create the
 * queue's schema, and the loser's first attempt can end in a deadlock error.
 */
async function startWithRetries<T>(start: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await start();
    } catch (error) {
      if (i >= attempts) throw error;
      logger().warn({ err: error, attempt: i }, "the job worker did not start; trying again");
      await new Promise((r) => setTimeout(r, 1000 * i));
    }
  }
}
