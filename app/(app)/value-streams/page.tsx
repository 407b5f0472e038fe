import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ValueStreamsTable } from "@/components/org/value-streams-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requirePrincipal } from "@/lib/auth/principal";
import { getValueStreamCoverage, listValueStreams } from "@/lib/value-streams/queries";

export const metadata: Metadata = { title: "Value streams" };

export default async function ValueStreamsPage() {
  await connection();
  await requirePrincipal();
  const [streams, coverage] = await Promise.all([listValueStreams(), getValueStreamCoverage()]);
  const uncovered = streams.filter((s) => !s.covered);
  return (
    <>
      <PageHeader
        title="Value streams"
        description="What the pods are organised around. A stream without a delivery pod has nobody owning its outcomes end to end."
        actions={
          <Link
            href="/org"
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            Org chart
          </Link>
        }
      />
      {streams.length === 0 ? (
        <EmptyState title="No value streams yet" description="Value streams appear here once they are defined." />
      ) : (
        <>
          <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
            <StatCard
              label="Value stream coverage"
              value={`${coverage.coveragePct ?? 0}%`}
              tone={coverage.covered === coverage.streams ? "good" : "warning"}
              hint="Streams with at least one delivery pod ÷ streams"
            />
            <StatCard label="Covered streams" value={`${coverage.covered} of ${coverage.streams}`} />
            <StatCard
              label="Not covered"
              value={uncovered.length}
              tone={uncovered.length > 0 ? "danger" : "good"}
              hint={uncovered.length > 0 ? uncovered.map((s) => s.name).join(", ") : "Every stream has a pod"}
            />
          </div>
          <ValueStreamsTable streams={streams} />
        </>
      )}
    </>
  );
}
