import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TeamsTable } from "@/components/teams/teams-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { countDoubleBookedPeople } from "@/lib/people/queries";
import { listTeams } from "@/lib/teams/queries";
import { buttonStyles } from "@/components/ui/button";

export const metadata: Metadata = { title: "Teams" };

const primaryLinkClass  = buttonStyles();
const secondaryLinkClass =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none";

export default async function TeamsPage() {
  await connection();
  const principal = await requirePrincipal();
  const [teams, doubleBooked] = await Promise.all([listTeams(), countDoubleBookedPeople()]);

  const pods = teams.filter((t) => t.kind === "DELIVERY_POD");
  const services = teams.length - pods.length;
  const podsWithFindings = pods.filter((t) => t.findings.length > 0).length;
  const deliveryPeople = pods.reduce((sum, t) => sum + t.deliveryMemberCount, 0);

  return (
    <>
      <PageHeader
        title="Teams"
        description="Delivery pods own campaigns end to end; shared services support them under service-level agreements. Findings flag pods that cannot ship alone."
        actions={
          <>
            <Link href="/org" className={secondaryLinkClass}>
              Org chart
            </Link>
            {can(principal, "team.create") ? (
              <Link href="/teams/new" className={primaryLinkClass}>
                <span aria-hidden="true">+</span> New team
              </Link>
            ) : null}
          </>
        }
      />
      {teams.length === 0 ? (
        <EmptyState title="No teams yet" description="Teams appear here once they are created." />
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
            <StatCard label="Delivery pods" value={pods.length} hint={`${deliveryPeople} delivery seats across the pods`} />
            <StatCard label="Shared services" value={services} hint="Support pods under SLAs" href="/services" />
            <StatCard
              label="Pods with findings"
              value={`${podsWithFindings} of ${pods.length}`}
              tone={podsWithFindings > 0 ? "warning" : "good"}
              hint="Incomplete, outside 5–9 or double-booked"
            />
            <StatCard
              label="Double-booked people"
              value={doubleBooked}
              tone={doubleBooked > 0 ? "danger" : "good"}
              hint="Delivering in more than one pod"
              href="/people"
            />
          </div>
          <TeamsTable teams={teams} />
        </>
      )}
    </>
  );
}
