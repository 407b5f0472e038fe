import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { OrgChart } from "@/components/org/org-chart";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { getOrgChart } from "@/lib/teams/queries";
import { getValueStreamCoverage } from "@/lib/value-streams/queries";

export const metadata: Metadata = { title: "Org" };

export default async function OrgPage() {
  await connection();
  await requirePrincipal();
  const [chart, coverage] = await Promise.all([getOrgChart(), getValueStreamCoverage()]);
  const uncovered = coverage.streams - coverage.covered;
  return (
    <>
      <PageHeader
        title="Organisation"
        description="Value streams, the pods that deliver them and the people in each pod; shared services beside them with their service levels. Select a name to see every team a person is in."
        meta={
          <Link
            href="/value-streams"
            className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${uncovered > 0 ? "bg-amber-50 text-amber-800 ring-amber-600/30" : "bg-emerald-50 text-emerald-700 ring-emerald-600/20"}`}
          >
            {coverage.covered} of {coverage.streams} value streams covered ({coverage.coveragePct ?? 0}%)
          </Link>
        }
      />
      <OrgChart chart={chart} />
    </>
  );
}
