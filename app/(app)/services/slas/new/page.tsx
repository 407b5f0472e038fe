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
import { getServiceTeam, getWorkingCalendar, listPeopleOptions } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Add an SLA" };

export default async function NewSlaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const principal = await requirePrincipal();
  const raw = (await searchParams).team;
  const teamId = parseIdParam(typeof raw === "string" ? raw : "");
  const team = teamId === null ? null : await getServiceTeam(teamId);
  if (!team || !team.isService) notFound();
  const [people, cal] = await Promise.all([listPeopleOptions(), getWorkingCalendar()]);
  const allowed = can(principal, "sla.edit", { teamId: team.id });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/services" className="font-medium text-indigo-700 hover:underline">
          ← Services
        </Link>
      </nav>
      <PageHeader title={`Add an SLA to ${team.name}`} description="What the service promises for one type of request: when it takes them, how fast it answers, and who hears about it when it does not." />
      {allowed ? (
        <Card>
          <SlaForm
            mode="create"
            teamId={team.id}
            initial={{ requestType: "", requestDays: [1, 2, 3, 4, 5], turnaround: 2, turnaroundUnit: "BUSINESS_DAYS", intakeMethod: "TICKET", active: true, escalation: [] }}
            people={people}
            workdayHours={(cal.workdayEnd - cal.workdayStart) / 60}
          />
        </Card>
      ) : (
        <EmptyState title="Only the service's leads and leadership edit its SLAs" description="Ask the service's product owner or agile lead." />
      )}
    </>
  );
}
