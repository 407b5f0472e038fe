import type { Metadata } from "next";
import { connection } from "next/server";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { ActionButton } from "@/components/ops/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDateTime } from "@/lib/format/dates";
import { retryJobRunAction } from "@/lib/jobs/actions";
import { JOB_NAMES, JOBS, isJobName } from "@/lib/jobs/catalog";
import { listJobRuns, summarizeJobs } from "@/lib/jobs/queries";
import { getOrganizationTimeZone } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Background jobs" };

const TONE = { SUCCEEDED: "emerald", FAILED: "rose", RUNNING: "sky" } as const;
const STATUS_LABEL = { SUCCEEDED: "Succeeded", FAILED: "Failed", RUNNING: "Running" } as const;
const label = (name: string) => (isJobName(name) ? JOBS[name].label : name);
const duration = (ms: number | null) => (ms === null ? "" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** What the worker did lately: each job's last run and the day's counts, failures with "Run again", recent runs. */
export default async function AdminJobsPage() {
  await connection();
  const principal = await requirePrincipal();
  if (!can(principal, "ops.admin")) {
    return <RestrictedPanel title="Only administrators can see background jobs" description="Ask an administrator if a reminder, digest or webhook did not arrive." />;
  }
  const [summary, failures, recent, timeZone] = await Promise.all([summarizeJobs(), listJobRuns({ failedOnly: true, limit: 20 }), listJobRuns({ limit: 40 }), getOrganizationTimeZone()]);
  const byName = new Map(summary.map((s) => [s.name, s]));
  const at = (d: Date | null) => (d ? formatDateTime(d.toISOString(), timeZone) : "never");
  return (
    <>
      <PageHeader title="Background jobs" description={`What runs without anyone loading a page: notices, escalations, snapshots, reminders, digests, e-mail and webhooks. Times in ${timeZone}.`} />
      <div className="grid gap-6">
        <Card title="Jobs" description="Each job's latest run and the last 24 hours.">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-2 pr-4 font-medium">Job</th>
                  <th className="py-2 pr-4 font-medium">When</th>
                  <th className="py-2 pr-4 font-medium">Last run</th>
                  <th className="py-2 pr-4 font-medium">Last 24 h</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {JOB_NAMES.map((name) => {
                  const s = byName.get(name);
                  return (
                    <tr key={name}>
                      <td className="py-2 pr-4 text-slate-900">{JOBS[name].label}</td>
                      <td className="py-2 pr-4 text-slate-600">{JOBS[name].cron === "* * * * *" ? "Every minute" : JOBS[name].cron ? "Every 5 minutes" : "Daily or weekly, org time"}</td>
                      <td className="py-2 pr-4">
                        {s?.lastStatus ? <Badge tone={TONE[s.lastStatus as keyof typeof TONE] ?? "slate"}>{STATUS_LABEL[s.lastStatus as keyof typeof STATUS_LABEL] ?? s.lastStatus}</Badge> : <Badge>Not yet</Badge>}{" "}
                        <span className="text-slate-600">{at(s?.lastStartedAt ?? null)}</span>
                        {s?.lastSummary ? <div className="max-w-md truncate text-xs text-slate-500" title={s.lastSummary}>{s.lastSummary}</div> : null}
                      </td>
                      <td className="py-2 pr-4 text-slate-700">
                        {s ? `${s.succeeded24h} ok` : "—"}
                        {s && s.failed24h > 0 ? <span className="ml-2 text-rose-700">{s.failed24h} failed</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>

        <Card title="Failures" description="A failed run is retried automatically with back-off; run it again yourself once the cause is fixed.">
          {failures.length === 0 ? (
            <EmptyState title="No failed runs" description="Everything the worker tried lately worked." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {failures.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <div className="text-sm font-medium text-slate-900">
                      {label(f.name)} <span className="font-normal text-slate-500">· {f.runKey}</span>
                    </div>
                    <div className="text-xs text-slate-600">
                      {at(f.startedAt)} · {f.attempts} attempt{f.attempts === 1 ? "" : "s"} · <span className="text-rose-700">{f.summary}</span>
                    </div>
                  </div>
                  <ActionButton action={retryJobRunAction} input={{ runId: f.id }} label="Run again" done="Queued: it runs within a minute" />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Recent runs">
          {recent.length === 0 ? (
            <EmptyState title="No runs yet" description="Start the worker (npm run worker), or run the demo, which starts it for you." />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {recent.map((r) => (
                <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
                  <Badge tone={TONE[r.status]}>{STATUS_LABEL[r.status]}</Badge>
                  <span className="text-slate-900">{label(r.name)}</span>
                  <span className="text-slate-500">{at(r.startedAt)}</span>
                  <span className="text-slate-500">{duration(r.durationMs)}</span>
                  <span className="min-w-0 flex-1 truncate text-slate-600" title={r.summary}>{r.summary}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
