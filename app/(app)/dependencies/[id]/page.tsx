import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryPanel } from "@/components/audit/history-panel";
import { ProposalAnswer, RespondPanel, StatusActions } from "@/components/dependencies/dependency-actions";
import { DependencyStatusBadge } from "@/components/dependencies/dependency-status-badge";
import { RiskBadge } from "@/components/dependencies/risk-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { STATUS_CHANGES } from "@/lib/dependencies/flow";
import { getDependencyDetail } from "@/lib/dependencies/queries";
import { formatDateTime, formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { parseIdParam } from "@/lib/routing/id-param";
import { getBusinessClock } from "@/lib/services/queries";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await getPrincipal())) return { title: "Dependency" };
  const id = parseIdParam((await params).id);
  const { today } = await getBusinessClock();
  const dep = id === null ? null : await getDependencyDetail(id, today);
  return { title: dep ? `${dep.key} · ${dep.fromTeam} → ${dep.toTeam}` : "Dependency" };
}

export default async function DependencyPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const { today, cal } = await getBusinessClock();
  const dep = await getDependencyDetail(id, today);
  if (!dep) notFound();

  const closed = dep.status === "RESOLVED" || dep.status === "CANCELLED";
  const canRespond = can(principal, "dependency.respond", { teamId: dep.toTeamId, ownerPersonId: dep.toOwnerId });
  const canAnswerProposal = dep.proposedDate !== null && !closed && can(principal, "dependency.update", { teamId: dep.fromTeamId });
  const canUpdate = can(principal, "dependency.update", { teamId: dep.fromTeamId, counterpartTeamId: dep.toTeamId });
  const next = STATUS_CHANGES[dep.status];

  const item = (i: DependencyPageItem) =>
    i ? (
      <span>
        <TextLink href={`/items/${i.id}`}>{i.key}</TextLink> {i.title} <span className="text-slate-500">({enumLabel(i.status)})</span>
      </span>
    ) : (
      <span className="text-slate-500">Not tied to an item</span>
    );

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/dependencies" className="font-medium text-indigo-700 hover:underline">
          ← Dependencies
        </Link>
      </nav>
      <PageHeader
        title={
          <>
            <span className="font-mono text-xl text-slate-500">{dep.key}</span> {dep.fromTeam} <span className="text-slate-500">→</span> {dep.toTeam}
          </>
        }
        description={dep.description}
        meta={
          <>
            <DependencyStatusBadge status={dep.status} />
            <RiskBadge risk={dep.risk} />
            <Badge>{enumLabel(dep.type)}</Badge>
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card title="Details">
            <FactList
              facts={[
                { label: "Waiting team", value: <TextLink href={`/teams/${dep.fromTeamId}`}>{dep.fromTeam}</TextLink> },
                { label: `Providing ${dep.toTeamKind === "SHARED_SERVICE" ? "service" : "team"}`, value: <TextLink href={`/teams/${dep.toTeamId}`}>{dep.toTeam}</TextLink> },
                { label: "Owner (waiting side)", value: dep.fromOwner },
                { label: "Owner (providing side)", value: dep.toOwner },
                {
                  label: "Needed by",
                  value: <span className={dep.risk === "OVERDUE" ? "font-semibold text-rose-700" : ""}>{formatDay(dep.neededBy)}{dep.risk === "OVERDUE" ? " (overdue)" : ""}</span>,
                },
                { label: "Proposed date", value: dep.proposedDate ? <span className="font-medium text-amber-800">{formatDay(dep.proposedDate)}</span> : "—" },
                { label: "Waiting item", value: item(dep.fromItem) },
                { label: "Providing item", value: item(dep.toItem) },
                { label: "Logged", value: `${formatDateTime(dep.createdAt, cal.timeZone)} by ${dep.loggedBy}` },
                { label: "Resolved", value: dep.resolvedAt ? formatDateTime(dep.resolvedAt, cal.timeZone) : "—" },
                ...(dep.rejectionReason ? [{ label: "Reason given", value: dep.rejectionReason }] : []),
              ]}
            />
          </Card>
          <HistoryPanel entityType="Dependency" entityId={dep.id} description="Answers and status changes, newest first" />
        </div>
        <div className="flex flex-col gap-6">
          {canRespond && !closed ? (
            <Card
              title={dep.status === "OPEN" ? "Your answer" : "Need more time?"}
              description={dep.status === "OPEN" ? `${dep.fromTeam} is waiting on ${dep.toTeam}.` : "Propose another date; the waiting team decides."}
            >
              <RespondPanel dependencyId={dep.id} version={dep.version} keyLabel={dep.key} neededBy={dep.neededBy} today={today} open={dep.status === "OPEN"} />
            </Card>
          ) : null}
          {canAnswerProposal && dep.proposedDate ? (
            <Card title="A new date was proposed">
              <ProposalAnswer dependencyId={dep.id} version={dep.version} proposedDate={dep.proposedDate} neededBy={dep.neededBy} />
            </Card>
          ) : null}
          {canUpdate && next.length > 0 ? (
            <Card title="Move it on" description={dep.status === "OPEN" ? "The providing side accepts it first; it can still be cancelled." : "Either side's agile lead or product owner."}>
              <StatusActions dependencyId={dep.id} version={dep.version} next={next} />
            </Card>
          ) : null}
          {!canRespond && !canUpdate ? (
            <Card title="Who can change this">
              <p className="text-sm text-slate-600">
                The agile leads and product owners of {dep.fromTeam} and {dep.toTeam}, the providing owner, and leaders.
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

type DependencyPageItem = { id: number; key: string; title: string; status: string } | null;
