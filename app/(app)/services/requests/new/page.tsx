import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FileRequestForm } from "@/components/services/file-request-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { parseIdParam } from "@/lib/routing/id-param";
import { getBusinessClock, listRequestableSlas, listRequestingTeams } from "@/lib/services/queries";

export const metadata: Metadata = { title: "File a service request" };

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const principal = await requirePrincipal();
  const params = await searchParams;
  const [slas, allTeams, { cal, now }] = await Promise.all([listRequestableSlas(), listRequestingTeams(), getBusinessClock()]);
  const teams = allTeams.filter((t) => can(principal, "request.file", { teamId: t.id }));
  const slaId = parseIdParam(typeof params.sla === "string" ? params.sla : "");
  const teamId = parseIdParam(typeof params.team === "string" ? params.team : "");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/services" className="font-medium text-indigo-700 hover:underline">
          ← Services
        </Link>
      </nav>
      <PageHeader title="File a service request" description="Ask a shared service for something under its SLA. You will see when the clock starts and when it is due before you file." />
      {teams.length === 0 ? (
        <EmptyState title="Only agile leads, product owners and leaders file requests" description="Ask your pod's agile lead or product owner to file it." />
      ) : (
        <Card>
          <FileRequestForm
            slas={slas}
            teams={teams}
            calendar={{ timeZone: cal.timeZone, workdayStart: cal.workdayStart, workdayEnd: cal.workdayEnd, workingDays: [...cal.workingDays], holidays: [...cal.holidays] }}
            nowIso={now.toISOString()}
            defaults={{ slaId: slas.some((s) => s.id === slaId) ? slaId : null, teamId: teams.some((t) => t.id === teamId) ? teamId : null }}
          />
        </Card>
      )}
    </>
  );
}
