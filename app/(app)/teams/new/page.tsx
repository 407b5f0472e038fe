import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { TeamForm } from "@/components/teams/team-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { nextMonday } from "@/lib/teams/cadence";
import { getCommonCadence } from "@/lib/teams/queries";
import { listValueStreamOptions } from "@/lib/value-streams/queries";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  await connection();
  const principal = await requirePrincipal();
  if (!can(principal, "team.create")) {
    return <RestrictedPanel title="Only leaders and admins create teams" description="Team structure is set by marketing leadership. Ask a leader to create the team you need." />;
  }
  const [valueStreams, cadence] = await Promise.all([listValueStreamOptions(), getCommonCadence()]);
  return (
    <>
      <Link
        href="/teams"
        className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span aria-hidden="true">←</span> All teams
      </Link>
      <PageHeader title="New team" description="Create the team first, then staff it from its page: roles, allocation and decision rights." />
      <Card className="max-w-3xl">
        <TeamForm
          mode="create"
          valueStreams={valueStreams}
          initial={{
            name: "",
            kind: "DELIVERY_POD",
            shape: "CROSS_FUNCTIONAL",
            mission: "",
            valueStreamId: null,
            // Join the rhythm the other teams share; a first team starts next Monday on two-week sprints.
            cadenceDays: cadence?.cadenceDays ?? 10,
            cadenceAnchor: cadence?.cadenceAnchor ?? nextMonday(readToday()),
            wipLimit: 6,
            requiresBriefLink: false,
          }}
        />
      </Card>
    </>
  );
}

/** The request's date (a server component renders once per request). */
function readToday(): Date {
  return new Date();
}
