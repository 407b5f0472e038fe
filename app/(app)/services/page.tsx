import type { Metadata } from "next";
import { connection } from "next/server";
import { ServiceRequestsTable } from "@/components/services/service-requests-table";
import { SlaTable } from "@/components/services/sla-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePrincipal } from "@/lib/auth/principal";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { listServiceRequests, listSharedServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await connection();
  await requirePrincipal();
  const [services, requests, timeZone] = await Promise.all([
    listSharedServices(),
    listServiceRequests(),
    getOrganizationTimeZone(),
  ]);

  return (
    <>
      <PageHeader
        title="Shared services"
        description="Specialist teams that serve the pods, the service levels they promise, and every request made of them."
      />
      {services.length === 0 && requests.length === 0 ? (
        <EmptyState title="No shared services yet" description="Shared-service teams and their SLAs appear here once they are set up." />
      ) : (
        <div className="flex flex-col gap-6">
          {services.map((service) => (
            <Card
              key={service.id}
              title={<TextLink href={`/teams/${service.id}`}>{service.name}</TextLink>}
              description={[service.mission, service.lead ? `Lead: ${service.lead}` : null].filter(Boolean).join(" · ")}
            >
              {service.slas.length === 0 ? (
                <p className="text-sm text-slate-500">No SLAs defined yet.</p>
              ) : (
                <SlaTable slas={service.slas} label={`${service.name} SLAs`} showOpenRequests />
              )}
            </Card>
          ))}
          <Card title="Service requests" description={`Open requests first, by due time (times in ${timeZone})`}>
            {requests.length === 0 ? (
              <p className="text-sm text-slate-500">No requests yet.</p>
            ) : (
              <ServiceRequestsTable requests={requests} timeZone={timeZone} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
