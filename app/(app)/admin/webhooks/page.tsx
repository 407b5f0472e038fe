import type { Metadata } from "next";
import { connection } from "next/server";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { ActionButton } from "@/components/ops/action-button";
import { WebhookForm } from "@/components/ops/webhook-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDateTime } from "@/lib/format/dates";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { deleteWebhookAction } from "@/lib/webhooks/actions";
import { listDeliveries, listSubscriptions, listTeamOptions } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

const FORMAT = { JSON: "Signed JSON", SLACK: "Slack", TEAMS: "Teams" } as const;
const STATUS = { SENT: ["emerald", "Delivered"], PENDING: ["amber", "Waiting to retry"], SENDING: ["sky", "Sending"], FAILED: ["rose", "Failed"] } as const;

/** Where item, dependency and request events go, and what happened to each delivery. */
export default async function AdminWebhooksPage() {
  await connection();
  const principal = await requirePrincipal();
  if (!can(principal, "webhook.manage")) {
    return <RestrictedPanel title="Only leaders and administrators manage organisation webhooks" description="A team's product owner or agile lead can ask for their team's chat channel here." />;
  }
  const [subs, deliveries, teams, timeZone] = await Promise.all([listSubscriptions(), listDeliveries(30), listTeamOptions(), getOrganizationTimeZone()]);
  return (
    <>
      <PageHeader title="Webhooks and chat" description="Send item, dependency and request events to your tools (signed JSON) or to a team's Slack or Teams channel. Failed deliveries are retried with back-off." />
      <div className="grid gap-6">
        <Card title="Add a webhook">
          <WebhookForm teams={teams} />
        </Card>
        <Card title="Webhooks">
          {subs.length === 0 ? (
            <EmptyState title="No webhooks yet" description="Add one above; events from then on are delivered." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {subs.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                  <div className="min-w-0">
                    <Badge tone="indigo">{FORMAT[s.format]}</Badge> <span className="font-medium text-slate-900">{s.host}</span>{" "}
                    <span className="text-slate-600">· {s.teamName ?? "whole organisation"} · {s.events.join(", ")}</span>
                    <div className="text-xs text-slate-500">
                      {s.description ? `${s.description} · ` : ""}
                      {s.delivered24h} delivered in 24 h{s.failing ? ` · ${s.failing} retrying or failed` : ""}
                    </div>
                  </div>
                  <ActionButton action={deleteWebhookAction} input={{ subscriptionId: s.id }} label="Remove" done="Removed" confirm="Remove this webhook and its delivery log?" />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Delivery log" description={`Newest first. Times in ${timeZone}.`}>
          {deliveries.length === 0 ? (
            <EmptyState title="Nothing delivered yet" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {deliveries.map((d) => {
                const [tone, label] = STATUS[d.status as keyof typeof STATUS] ?? ["slate", d.status];
                return (
                  <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
                    <Badge tone={tone}>{label}</Badge>
                    <span className="text-slate-900">{d.event}</span>
                    <span className="text-slate-500">{formatDateTime(d.deliveredAt ?? d.createdAt, timeZone)}</span>
                    <span className="text-slate-600">
                      {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                      {d.responseStatus ? ` · answered ${d.responseStatus}` : ""}
                    </span>
                    {d.lastError && d.status !== "SENT" ? <span className="text-xs text-rose-700">{d.lastError}</span> : null}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
