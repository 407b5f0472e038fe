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
        const worker = await startWorker();
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
