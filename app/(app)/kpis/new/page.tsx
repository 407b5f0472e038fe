import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { KpiForm } from "@/components/kpis/kpi-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { getKpiFormOptions } from "@/lib/kpis/queries";

export const metadata: Metadata = { title: "Define a KPI" };

export default async function NewKpiPage() {
  await connection();
  const principal = await requirePrincipal();
  const back = (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href="/kpis" className="font-medium text-indigo-700 hover:underline">
        ← KPIs
      </Link>
    </nav>
  );
  if (!can(principal, "kpi.edit")) {
    return (
      <>
        {back}
        <PageHeader title="Define a KPI" />
        <p className="text-sm text-slate-600">Only leaders define KPIs.</p>
      </>
    );
  }
  const options = await getKpiFormOptions();
  return (
    <>
      {back}
      <PageHeader title="Define a KPI" description="Its data owner records the measurements, by form or CSV." />
      <Card>
        <KpiForm options={options} />
      </Card>
    </>
  );
}
