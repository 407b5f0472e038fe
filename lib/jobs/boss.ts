import "server-only";
import PgBoss from "pg-boss";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * The queue: pg-boss 10 on the database we already have.
 *
 * Why pg-boss and not graphile-worker (both checked here, see docs/operations.md): pg-boss polls and takes a
 * plain `executeSql(text, values)` adapter, so it runs over the process's one shared pool — on the embedded
 * PGlite (one session, one connection) as on PostgreSQL 15. graphile-worker keeps a connection checked out for
 * LISTEN/NOTIFY, which on a one-connection pool starves everything else (its worker never got a job), and its
 * current release needs Node 22. pg-boss 10 is the last line supporting Node 20 (11+ need Node 22).
 */
export function createBoss(options: { worker: boolean }): PgBoss {
  const pool = getPool();
  return new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
    schema: env().JOBS_SCHEMA,
    // Only workers keep the queue tidy and turn cron schedules into jobs; a process that only sends stays quiet.
    supervise: options.worker,
    schedule: options.worker,
    migrate: true,
  });
}

const holder = globalThis as unknown as { jobSender?: Promise<PgBoss> };

/**
 * A started pg-boss for sending (admin retries, the API). In the demo the in-process worker registers its own
 * instance here, so there is one per process either way.
 */
export function jobSender(): Promise<PgBoss> {
  holder.jobSender ??= (async () => {
    const boss = createBoss({ worker: false });
    boss.on("error", () => {});
    await boss.start();
    return boss;
  })();
  return holder.jobSender;
}

export function registerJobSender(boss: PgBoss): void {
  holder.jobSender = Promise.resolve(boss);
}
