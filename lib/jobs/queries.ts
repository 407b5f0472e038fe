import "server-only";
import { getDb } from "@/lib/db/client";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";

/** The organisation's time zone (the schedule of daily work follows it). */
export async function getOrganizationZone(): Promise<string> {
  const org = await getDb().organization.findFirst({ orderBy: { id: "asc" }, select: { timezone: true } });
  return org?.timezone ?? DEFAULT_TIME_ZONE;
}

export interface JobRunRow {
  id: string;
  name: string;
  runKey: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  summary: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
}

/** The latest runs, newest first (bounded), optionally failures only. */
export async function listJobRuns(options: { failedOnly?: boolean; limit?: number } = {}): Promise<JobRunRow[]> {
  const rows = await getDb().jobRun.findMany({
    where: options.failedOnly ? { status: "FAILED" } : {},
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
    select: { id: true, name: true, runKey: true, status: true, attempts: true, summary: true, startedAt: true, finishedAt: true, durationMs: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

export interface JobSummaryRow {
  name: string;
  lastStartedAt: Date | null;
  lastStatus: string | null;
  lastSummary: string | null;
  succeeded24h: number;
  failed24h: number;
  lastSuccessAt: Date | null;
}

/** Per job: its latest run and the last day's counts (one grouped query). */
export async function summarizeJobs(): Promise<JobSummaryRow[]> {
  return getDb().$queryRaw<JobSummaryRow[]>`
    SELECT j.name,
           (SELECT r.started_at FROM job_run r WHERE r.name = j.name ORDER BY r.started_at DESC, r.id DESC LIMIT 1) AS "lastStartedAt",
           (SELECT r.status::text FROM job_run r WHERE r.name = j.name ORDER BY r.started_at DESC, r.id DESC LIMIT 1) AS "lastStatus",
           (SELECT r.summary FROM job_run r WHERE r.name = j.name ORDER BY r.started_at DESC, r.id DESC LIMIT 1) AS "lastSummary",
           count(*) FILTER (WHERE j.status = 'SUCCEEDED' AND j.started_at > now() - interval '1 day')::int AS "succeeded24h",
           count(*) FILTER (WHERE j.status = 'FAILED' AND j.started_at > now() - interval '1 day')::int AS "failed24h",
           max(j.finished_at) FILTER (WHERE j.status = 'SUCCEEDED') AS "lastSuccessAt"
      FROM job_run j
     GROUP BY j.name`;
}

/** A failed run's name and input, for a retry. */
export async function getFailedRun(id: bigint): Promise<{ name: string; payload: unknown } | null> {
  return getDb().jobRun.findFirst({ where: { id, status: "FAILED" }, select: { name: true, payload: true } });
}
