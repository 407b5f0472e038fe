/**
 * Every background job: its queue name, when it runs, and how it is retried. The worker (lib/jobs/worker.ts)
 * creates the queues and schedules from this list; /admin/jobs shows it.
 *
 * Frequent jobs run on a cron in UTC (pg-boss sends one job per minute slot however many workers run). Daily
 * and weekly work is not a cron in UTC but a keyed unit decided by `scheduler.tick` in the organisation's zone
 * (lib/jobs/schedule.ts), so it follows the zone's midnight across DST changes.
 */
export const JOBS = {
  "scheduler.tick": { cron: "* * * * *", label: "Scheduler (daily and weekly work in the organisation's zone)" },
  "notifications.sweep": { cron: "*/5 * * * *", label: "Overdue dependencies, at-risk and breached requests" },
  "sla.escalate": { cron: "*/5 * * * *", label: "SLA escalation along each escalation path" },
  "notifications.deliver": { cron: "* * * * *", label: "E-mail for new notices (immediate)" },
  "webhooks.deliver": { cron: "* * * * *", label: "Webhooks and team chat messages" },
  "rank.snapshot": { cron: null, label: "Daily portfolio rank snapshot (midnight)" },
  "kpi.reminders": { cron: null, label: "Overdue KPI measurement reminders (09:00)" },
  "digest.daily": { cron: null, label: "Daily digest e-mail (08:00)" },
  "digest.weekly": { cron: null, label: "Weekly digest e-mail (Monday 08:00)" },
} as const satisfies Record<string, { cron: string | null; label: string }>;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Local times of the keyed daily work (minutes past local midnight). */
export const LOCAL_TIMES = { rankSnapshot: 0, digest: 8 * 60, kpiReminders: 9 * 60 } as const;

/** pg-boss retry policy for every queue: 5 retries, 30 s doubling (30 s, 1 min, 2 min, 4 min, 8 min). */
export const RETRY: { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number } = {
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
};
