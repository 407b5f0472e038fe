import "server-only";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { ActionRefusal } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/mutations";
import { listOverdueKpis } from "@/lib/kpis/queries";
import { notify } from "@/lib/notifications/mutations";
import { businessMinutesBetween, turnaroundMinutes } from "@/lib/calendar/business-time";
import { loadWorkingCalendar } from "@/lib/calendar/queries";
import { escalateRequest, loadRequest } from "@/lib/services/mutations";

/** What a unit of work reports for /admin/jobs (a short sentence; never a secret or a person's data). */
export interface RunOutcome {
  summary: string;
}

export type RunResult = { ran: true; summary: string } | { ran: false; summary: string };

const TX = { maxWait: 30_000, timeout: 120_000 } as const;

/**
 * Runs a keyed unit of work exactly once: its effect and the record of its success commit in one transaction.
 *
 * The claim is an upsert on job_run (name, run_key): a second runner of the same key — a retry, a duplicate
 * delivery, another worker — blocks on the unique index until the first commits, then finds SUCCEEDED and does
 * nothing. A failure rolls the effect back and is recorded as FAILED (outside the rolled-back transaction), so a
 * retry runs the whole unit again.
 */
export async function runOnce(name: string, runKey: string, payload: Prisma.InputJsonValue, work: (tx: Tx) => Promise<RunOutcome>): Promise<RunResult> {
  const started = Date.now();
  try {
    return await getDb().$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ id: bigint }[]>`
        INSERT INTO job_run (name, run_key, status, payload, started_at)
        VALUES (${name}, ${runKey}, 'SUCCEEDED', ${JSON.stringify(payload)}::jsonb, now())
        ON CONFLICT (name, run_key) DO UPDATE
          SET status = 'SUCCEEDED', attempts = job_run.attempts + 1, started_at = now()
          WHERE job_run.status <> 'SUCCEEDED'
        RETURNING id`;
      const id = claimed[0]?.id;
      if (id === undefined) return { ran: false as const, summary: "already done" };
      const outcome = await work(tx);
      await tx.$executeRaw`
        UPDATE job_run SET summary = ${outcome.summary.slice(0, 500)}, finished_at = now(), duration_ms = ${Date.now() - started}
         WHERE id = ${id}`;
      return { ran: true as const, summary: outcome.summary };
    }, TX);
  } catch (error) {
    await recordFailure(name, runKey, payload, error, Date.now() - started);
    throw error;
  }
}

/**
 * Runs work that cannot be one transaction (it sends e-mail or calls webhooks; each message is claimed and
 * recorded on its own row), and records the run under `runKey` for /admin/jobs. Returns ran:false when the key
 * already succeeded.
 */
export async function recordRun(name: string, runKey: string, payload: Prisma.InputJsonValue, work: () => Promise<RunOutcome>): Promise<RunResult> {
  const started = Date.now();
  const claimed = await getDb().$queryRaw<{ id: bigint }[]>`
    INSERT INTO job_run (name, run_key, status, payload, started_at)
    VALUES (${name}, ${runKey}, 'RUNNING', ${JSON.stringify(payload)}::jsonb, now())
    ON CONFLICT (name, run_key) DO UPDATE
      SET status = 'RUNNING', attempts = job_run.attempts + 1, started_at = now(), finished_at = NULL
      WHERE job_run.status = 'FAILED'
         OR (job_run.status = 'RUNNING' AND job_run.started_at < now() - interval '15 minutes')
    RETURNING id`;
  const id = claimed[0]?.id;
  if (id === undefined) return { ran: false, summary: "already done or running" };
  try {
    const outcome = await work();
    await getDb().$executeRaw`
      UPDATE job_run SET status = 'SUCCEEDED', summary = ${outcome.summary.slice(0, 500)}, finished_at = now(), duration_ms = ${Date.now() - started}
       WHERE id = ${id}`;
    return { ran: true, summary: outcome.summary };
  } catch (error) {
    await recordFailure(name, runKey, payload, error, Date.now() - started);
    throw error;
  }
}

async function recordFailure(name: string, runKey: string, payload: Prisma.InputJsonValue, error: unknown, durationMs: number): Promise<void> {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split("\n")[0]!.slice(0, 500);
  await getDb()
    .$executeRaw`
      INSERT INTO job_run (name, run_key, status, payload, summary, started_at, finished_at, duration_ms)
      VALUES (${name}, ${runKey}, 'FAILED', ${JSON.stringify(payload)}::jsonb, ${message}, now(), now(), ${durationMs})
      ON CONFLICT (name, run_key) DO UPDATE
        SET status = 'FAILED', attempts = CASE WHEN job_run.status = 'RUNNING' THEN job_run.attempts ELSE job_run.attempts + 1 END,
            summary = EXCLUDED.summary, finished_at = now(), duration_ms = EXCLUDED.duration_ms
        WHERE job_run.status <> 'SUCCEEDED'`
    .catch(() => {});
}

/** Keeps the run log bounded: successful runs older than `days` are dropped (failures stay until retried). */
export async function pruneJobRuns(days = 14): Promise<number> {
  return getDb().$executeRaw`DELETE FROM job_run WHERE status = 'SUCCEEDED' AND started_at < now() - make_interval(days => ${days}::int)`;
}

// ───────────────────────────── the jobs' own work ─────────────────────────────
// (The sweep, the rank snapshot, e-mail and webhooks live in their domains; these two had no home.)

/**
 * Reminds each data owner of every KPI whose measurement is overdue (lib/kpis: the period after the latest
 * measured one has ended). One notice per KPI per due date: the dedupe key makes a second run a no-op, and a
 * new due date (a measurement came in, then the next one is late) reminds again.
 */
export async function raiseKpiReminders(tx: Tx): Promise<number> {
  let raised = 0;
  for (const k of await listOverdueKpis(tx)) {
    raised += await notify(tx, [k.dataOwnerId], {
      kind: "kpi.overdue",
      title: `${k.key} “${k.name}” needs its ${k.frequency.toLowerCase()} measurement (due ${k.dueBy})`,
      link: `/kpis/${k.id}`,
      dedupeKey: `kpi.overdue:${k.key}:${k.dueBy}`,
    });
  }
  return raised;
}

/**
 * Escalates breached requests along their SLA's escalation path without anyone having to press the button:
 * level 1 when the due time passes, then one more level for each further full turnaround (in business time)
 * it stays undelivered. Each step goes through the same mutation as the manual escalation (notices, audit with
 * no human actor, version check), one request per transaction, so two workers escalating at once collide on the
 * version and the loser skips: a step is never taken twice.
 */
export async function escalateBreachedRequests(at: Date): Promise<{ escalated: number; skipped: number }> {
  const db = getDb();
  const cal = await loadWorkingCalendar(db);
  const candidates = await db.$queryRaw<{ id: number; dueAt: Date; level: number; steps: number; turnaround: number; unit: "BUSINESS_HOURS" | "BUSINESS_DAYS" }[]>`
    SELECT r.id, r.due_at AS "dueAt", r.escalation_level AS level, s.turnaround, s.turnaround_unit::text AS unit,
           (SELECT count(*)::int FROM sla_escalation_step st WHERE st.sla_id = s.id) AS steps
      FROM service_request r JOIN service_level_agreement s ON s.id = r.sla_id
     WHERE r.status <> 'DELIVERED' AND r.due_at < ${at}
       AND r.escalation_level < (SELECT count(*) FROM sla_escalation_step st WHERE st.sla_id = s.id)
     ORDER BY r.due_at LIMIT 500`;
  let escalated = 0;
  let skipped = 0;
  for (const c of candidates) {
    const late = businessMinutesBetween(cal, c.dueAt, at);
    const per = Math.max(1, turnaroundMinutes(cal, c.turnaround, c.unit));
    const target = Math.min(c.steps, 1 + Math.floor(late / per));
    if (c.level >= target) continue;
    try {
      await db.$transaction(async (tx) => {
        const request = await loadRequest(tx, c.id);
        if (!request || request.escalationLevel !== c.level) return;
        const hours = Math.round(late / 60);
        const outcome = await escalateRequest(tx, request, { version: request.version, reason: `automatic: past its SLA due time by ${hours} business hour${hours === 1 ? "" : "s"}` }, null);
        await recordAudit(tx, null, outcome.audit);
        escalated++;
      }, TX);
    } catch (error) {
      if (error instanceof ActionRefusal) skipped++;
      else throw error;
    }
  }
  return { escalated, skipped };
}

/** Failed runs an admin asked to run again (and clears the requests): the tick sends each job with its input. */
export async function takeRetryRequests(): Promise<{ name: string; payload: Prisma.JsonValue }[]> {
  return getDb().$queryRaw<{ name: string; payload: Prisma.JsonValue }[]>`
    UPDATE job_run SET retry_requested_at = NULL
     WHERE retry_requested_at IS NOT NULL AND status = 'FAILED'
    RETURNING name, payload`;
}

// ───────────────────────────── admin (guarded actions) ─────────────────────────────

export function loadJobRun(tx: Tx, id: bigint) {
  return tx.jobRun.findUnique({ where: { id }, select: { id: true, name: true, runKey: true, status: true } });
}

/** Asks for a failed run to be run again (the next scheduler tick, within a minute, sends it). */
export async function requestRetry(tx: Tx, run: NonNullable<Awaited<ReturnType<typeof loadJobRun>>>) {
  if (run.status !== "FAILED") throw new ActionRefusal("INVALID", "Only a failed run can be run again; this one is not failed.");
  await tx.jobRun.update({ where: { id: run.id }, data: { retryRequestedAt: new Date() } });
  return { data: { queued: true }, audit: [{ action: "job.retry", entityType: "JobRun", entityId: run.id.toString(), after: { name: run.name, runKey: run.runKey } }] };
}
