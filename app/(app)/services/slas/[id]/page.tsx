import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SlaForm } from "@/components/services/sla-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { parseIdParam } from "@/lib/routing/id-param";
import { getSlaForEdit, getWorkingCalendar, listPeopleOptions } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Edit SLA" };

export default async function EditSlaPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const principal = await requirePrincipal();
  const slaId = parseIdParam((await params).id);
  const sla = slaId === null ? null : await getSlaForEdit(slaId);
  if (!sla) notFound();
  const [people, cal] = await Promise.all([listPeopleOptions(), getWorkingCalendar()]);
  const allowed = can(principal, "sla.edit", { teamId: sla.teamId });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/services" className="font-medium text-indigo-700 hover:underline">
          ← Services
        </Link>
      </nav>
      <PageHeader title={`${sla.team}: ${sla.requestType}`} description="Changes apply to requests filed from now on; open requests keep the due time they were given." />
      {allowed ? (
        <Card>
          <SlaForm mode="edit" teamId={sla.teamId} slaId={sla.id} version={sla.version} initial={sla} people={people} workdayHours={(cal.workdayEnd - cal.workdayStart) / 60} />
        </Card>
      ) : (
        <EmptyState title="Only the service's leads and leadership edit its SLAs" description="Ask the service's product owner or agile lead." />
      )}
    </>
  );
}
