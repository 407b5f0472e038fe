import "server-only";
import type PgBoss from "pg-boss";
import { logger, withLogContext } from "@/lib/log/logger";
import { createBoss, registerJobSender } from "./boss";
import { JOBS, JOB_NAMES, RETRY, type JobName } from "./catalog";
import { runJob, type Enqueue } from "./handlers";

export interface RunningWorker {
  boss: PgBoss;
  stop: () => Promise<void>;
}

/**
 * Starts the job worker: creates every queue (idempotent), installs the cron schedules (pg-boss turns each into
 * one job per slot however many workers run), and works every queue one job at a time. Safe to run on several
 * machines at once: jobs are fetched with SKIP LOCKED and every handler is idempotent (lib/jobs/handlers.ts).
 */
export interface WorkerOptions {
  pollingIntervalSeconds?: number;
  /** Tests shorten the back-off; production keeps RETRY. */
  retry?: Partial<typeof RETRY>;
  /** Which queues to work (default: all) and whether to install the cron schedules (default: yes). */
  queues?: readonly JobName[];
  schedules?: boolean;
}

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const retry = { ...RETRY, ...options.retry };
  const log = logger().child({ component: "worker" });
  const boss = createBoss({ worker: true });
  boss.on("error", (error) => log.error({ err: error }, "queue error"));
  await boss.start();
  registerJobSender(boss);

  const enqueue: Enqueue = async (name, data) => {
    // One pending job per unit (singletonKey), so a tick every five minutes does not pile up copies.
    await boss.send(name, data, { ...retry, singletonKey: `${name}:${Object.values(data).join(":")}` });
  };

  for (const name of options.queues ?? JOB_NAMES) {
    await boss.createQueue(name, { name, ...retry });
    const cron = JOBS[name].cron;
    if (cron && options.schedules !== false) await boss.schedule(name, cron, {}, { tz: "UTC", ...retry });
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        await withLogContext({ requestId: job.id, action: `job.${name}` }, async () => {
          const started = Date.now();
          try {
            const result = await runJob(name as JobName, job.data ?? {}, enqueue);
            log.info({ ran: result.ran, ms: Date.now() - started }, result.summary);
          } catch (error) {
            log.error({ err: error, ms: Date.now() - started }, "job failed; pg-boss retries it with back-off");
            throw error;
          }
        });
      }
    });
  }
  log.info({ queues: JOB_NAMES.length }, "worker started");
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      log.info("worker stopped");
    },
  };
}

/** Sends a job now (admin "run again", tests). */
export async function sendJob(boss: PgBoss, name: JobName, data: Record<string, unknown>): Promise<string | null> {
  return boss.send(name, data, { ...RETRY });
}
