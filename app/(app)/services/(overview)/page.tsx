import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { buttonStyles } from "@/components/ui/button";
import { ComplianceTable } from "@/components/services/compliance-table";
import { ServiceRequestsTable } from "@/components/services/service-requests-table";
import { SlaTable } from "@/components/services/sla-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { runNotificationSweep } from "@/lib/notifications/mutations";
import { findRequestIdByKey, getBusinessClock, getSlaCompliance, listServiceRequests, listSharedServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Services" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ServicesPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const principal = await requirePrincipal();
  const key = (await searchParams).key;
  if (typeof key === "string") {
    const id = await findRequestIdByKey(key);
    if (id !== null) redirect(`/services/requests/${id}`);
  }
  const { cal, now } = await getBusinessClock();
  // At-risk and breached notices are raised on page load (see runNotificationSweep).
  await runNotificationSweep(now);
  const [services, requests, compliance] = await Promise.all([listSharedServices(), listServiceRequests(cal, now), getSlaCompliance(now, 3)]);
  const open = requests.filter((r) => r.status !== "DELIVERED");
  const atRisk = open.filter((r) => r.health === "AT_RISK").length;
  const breached = open.filter((r) => r.health === "BREACHED").length;
  const thisPeriod = compliance.filter((c) => c.period === compliance.at(-1)?.period);
  const delivered = thisPeriod.reduce((n, c) => n + c.delivered, 0);
  const onTime = thisPeriod.reduce((n, c) => n + c.onTime, 0);
  const canFile = principal.orgRole === "LEADER" || [...principal.teamRoles.values()].some((r) => r === "AGILE_LEAD" || r === "PRODUCT_OWNER");

  return (
    <>
      <PageHeader
        title="Shared services"
        description={`Specialist teams that serve the pods, the service levels they promise, and every request made of them. Due times count business hours (${cal.timeZone}, weekdays, excluding holidays).`}
        actions={
          <>
            <Link href="/services/holidays" className={buttonStyles({ variant: "secondary" })}>
              Holiday calendar
            </Link>
            {canFile ? (
              <Link href="/services/requests/new" className={buttonStyles()}>
                File a request
              </Link>
            ) : null}
          </>
        }
      />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Open requests" value={open.length} hint="Submitted, accepted or escalated" />
        <StatCard label="At risk" value={atRisk} tone={atRisk > 0 ? "warning" : "default"} hint="Under 25 % of the turnaround left (business time)" />
        <StatCard label="Breached" value={breached} tone={breached > 0 ? "danger" : "good"} hint="Open and past the due time" />
        <StatCard
          label="SLA compliance this month"
          value={delivered === 0 ? "—" : `${Math.round((onTime / delivered) * 100)}%`}
          tone={delivered === 0 ? "default" : onTime / delivered >= 0.9 ? "good" : "warning"}
          hint={`${onTime} of ${delivered} delivered by their due time`}
        />
      </div>
      {services.length === 0 && requests.length === 0 ? (
        <EmptyState title="No shared services yet" description="Shared-service teams and their SLAs appear here once they are set up." />
      ) : (
        <div className="flex flex-col gap-6">
          <Card title="SLA compliance" description="Requests delivered by their due time ÷ requests delivered, per month">
            <ComplianceTable rows={compliance} />
          </Card>
          {services.map((service) => {
            const editable = can(principal, "sla.edit", { teamId: service.id });
            return (
              <Card
                key={service.id}
                title={<TextLink href={`/teams/${service.id}`}>{service.name}</TextLink>}
                description={[service.mission, service.lead ? `Lead: ${service.lead}` : null].filter(Boolean).join(" · ")}
                actions={
                  editable ? (
                    <Link href={`/services/slas/new?team=${service.id}`} className={buttonStyles({ variant: "secondary" })}>
                      Add SLA
                    </Link>
                  ) : null
                }
              >
                {service.slas.length === 0 ? (
                  <p className="text-sm text-slate-500">No SLAs defined yet.</p>
                ) : (
                  <SlaTable slas={service.slas} label={`${service.name} SLAs`} showOpenRequests editable={editable} />
                )}
              </Card>
            );
          })}
          <Card title="Service requests" description={`Open requests first, by due time (times in ${cal.timeZone}); time left is business time`}>
            {requests.length === 0 ? (
              <p className="text-sm text-slate-500">No requests yet.</p>
            ) : (
              <ServiceRequestsTable requests={requests} timeZone={cal.timeZone} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
