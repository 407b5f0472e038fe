import type { Metadata } from "next";
import { connection } from "next/server";
import { KpisTable } from "@/components/kpis/kpis-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listKpis } from "@/lib/kpis/queries";

export const metadata: Metadata = { title: "KPIs" };

export default async function KpisPage() {
  await connection();
  await requirePrincipal();
  const kpis = await listKpis();
  return (
    <>
      <PageHeader
        title="KPI catalogue"
        description="What is measured, at which level, against what target, and who owns the data — with the latest value recorded."
      />
      {kpis.length === 0 ? (
        <EmptyState title="No KPIs defined" description="KPIs appear here once they are added to the catalogue." />
      ) : (
        <KpisTable kpis={kpis} />
      )}
    </>
  );
}
