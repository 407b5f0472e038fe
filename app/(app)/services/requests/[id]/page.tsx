import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryPanel } from "@/components/audit/history-panel";
import { formatBusinessMinutes } from "@/components/services/business-minutes";
import { EscalateRequest, HandleRequest } from "@/components/services/request-actions";
import { RequestStatusBadge, SlaHealthBadge } from "@/components/services/request-status-badge";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { formatDateTime } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { formatTurnaround } from "@/lib/format/turnaround";
import { formatWeekdays } from "@/lib/format/weekdays";
import { parseIdParam } from "@/lib/routing/id-param";
import { businessMinutesBetween } from "@/lib/calendar/business-time";
import { getBusinessClock, getServiceRequest } from "@/lib/services/queries";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await getPrincipal())) return { title: "Service request" };
  const id = parseIdParam((await params).id);
  const { cal, now } = await getBusinessClock();
  const request = id === null ? null : await getServiceRequest(id, cal, now);
  return { title: request ? `${request.key} · ${request.title}` : "Service request" };
}

export default async function ServiceRequestPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const { cal, now } = await getBusinessClock();
  const request = await getServiceRequest(id, cal, now);
  if (!request) notFound();
  const tz = cal.timeZone;
  const open = request.status !== "DELIVERED";
  const canHandle = open && can(principal, "request.handle", { teamId: request.serviceTeamId });
  const canEscalate = open && can(principal, "request.file", { teamId: request.requestingTeamId });
  const total = businessMinutesBetween(cal, new Date(request.clockStartsAt), new Date(request.dueAt));
  const used = open ? Math.min(total, Math.max(0, total - (request.minutesLeft ?? 0))) : total;
  const nextStep = request.escalationPath.find((s) => !s.reached)?.label ?? null;
  const deferred = request.clockStartsAt !== request.submittedAt;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/services" className="font-medium text-indigo-700 hover:underline">
          ← Services
        </Link>
      </nav>
      <PageHeader
        title={
          <>
            <span className="font-mono text-xl text-slate-500">{request.key}</span> {request.title}
          </>
        }
        description={request.description || undefined}
        meta={
          <>
            <RequestStatusBadge status={request.status} />
            <SlaHealthBadge health={request.health} />
            {request.escalationLevel > 0 ? <span className="text-xs text-slate-500">escalation level {request.escalationLevel}</span> : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card title="SLA clock" description={`Business time: working days and hours in ${tz}, holidays skipped`}>
            {open ? (
              <div className="mb-4">
                <div className="mb-1 flex justify-between text-sm">
                  <span className="text-slate-600">{formatBusinessMinutes(used, cal.workdayEnd - cal.workdayStart)} used</span>
                  <span className={request.health === "BREACHED" ? "font-semibold text-rose-700" : request.health === "AT_RISK" ? "font-semibold text-amber-700" : "text-slate-600"}>
                    {request.health === "BREACHED"
                      ? `${formatBusinessMinutes(-(request.minutesLeft ?? 0), cal.workdayEnd - cal.workdayStart)} past due`
                      : `${formatBusinessMinutes(request.minutesLeft ?? 0, cal.workdayEnd - cal.workdayStart)} left`}
                  </span>
                </div>
<div
                  role="progressbar"
                  aria-label="Share of the turnaround used"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round((used / Math.max(1, total)) * 100)}
                  className="h-2.5 overflow-hidden rounded-full bg-slate-100"
                >
                  <div
                    className={`h-full rounded-full ${request.health === "BREACHED" ? "bg-rose-500" : request.health === "AT_RISK" ? "bg-amber-500" : "bg-indigo-500"}`}
                    style={{ width: `${Math.min(100, Math.round((used / Math.max(1, total)) * 100))}%` }}
                  />
                </div>
              </div>
            ) : null}
            <FactList
              facts={[
                { label: "Submitted", value: formatDateTime(request.submittedAt, tz) },
                {
                  label: "Clock started",
                  value: (
                    <span>
                      {formatDateTime(request.clockStartsAt, tz)}
                      {deferred ? <span className="block text-xs text-amber-700">Filed outside the request window ({formatWeekdays(request.requestDays)}): counted from its next opening</span> : null}
                    </span>
                  ),
                },
                { label: "Turnaround", value: formatTurnaround(request.turnaround, request.turnaroundUnit) },
                { label: "Due", value: <span className={request.health === "BREACHED" ? "font-semibold text-rose-700" : ""}>{formatDateTime(request.dueAt, tz)}</span> },
                { label: "Accepted", value: request.acceptedAt ? formatDateTime(request.acceptedAt, tz) : "Not yet" },
                { label: "Delivered", value: request.deliveredAt ? formatDateTime(request.deliveredAt, tz) : "Not yet" },
              ]}
            />
          </Card>
          <Card title="Details">
            <FactList
              facts={[
                { label: "Service", value: <TextLink href={`/teams/${request.serviceTeamId}`}>{request.service}</TextLink> },
                { label: "Request type", value: `${request.requestType} (${enumLabel(request.intakeMethod).toLowerCase()})` },
                { label: "Requested by", value: <span>{request.requester} for <TextLink href={`/teams/${request.requestingTeamId}`}>{request.requestingTeam}</TextLink></span> },
                { label: "Assignee", value: request.assignee ?? "Nobody yet" },
                { label: "Item", value: request.item ? <span><TextLink href={`/items/${request.item.id}`}>{request.item.key}</TextLink> {request.item.title}</span> : "—" },
              ]}
            />
          </Card>
          <HistoryPanel entityType="ServiceRequest" entityId={request.id} description="Filing, acceptance, escalations and delivery, newest first" />
        </div>
        <div className="flex flex-col gap-6">
          {canHandle ? (
            <Card title={request.acceptedAt ? "Handle it" : "Take it on"} description={`For ${request.service}`}>
              <HandleRequest
                requestId={request.id}
                version={request.version}
                accepted={request.acceptedAt !== null}
                assigneeId={request.assigneeId}
                members={request.serviceMembers}
                myPersonId={principal.personId}
              />
            </Card>
          ) : null}
          <Card title="Escalation path" description="Escalating notifies the next step">
            {request.escalationPath.length === 0 ? (
              <p className="text-sm text-slate-500">This SLA has no escalation path.</p>
            ) : (
              <ol className="mb-4 flex flex-col gap-2">
                {request.escalationPath.map((step, index) => (
                  <li key={index} className="flex items-center gap-3 text-sm">
                    <span
                      className={`flex size-6 items-center justify-center rounded-full text-xs font-semibold ${step.reached ? "bg-rose-600 text-white" : "bg-slate-100 text-slate-600"}`}
                      aria-hidden="true"
                    >
                      {index + 1}
                    </span>
                    <span className={step.reached ? "font-medium text-rose-800" : "text-slate-700"}>
                      {step.label}
                      {step.reached ? <span className="sr-only"> (escalated)</span> : null}
                    </span>
                  </li>
                ))}
              </ol>
            )}
            {canEscalate && request.escalationPath.length > 0 ? <EscalateRequest requestId={request.id} version={request.version} nextStep={nextStep} /> : null}
          </Card>
        </div>
      </div>
    </>
  );
}
