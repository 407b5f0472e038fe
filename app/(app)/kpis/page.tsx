import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { KpisTable } from "@/components/kpis/kpis-table";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDay } from "@/lib/format/dates";
import { listKpis } from "@/lib/kpis/queries";
import { buttonStyles } from "@/components/ui/button";

export const metadata: Metadata = { title: "KPIs" };

export default async function KpisPage() {
  await connection();
  const principal = await requirePrincipal();
  const kpis = await listKpis();
  const mine = kpis.filter((k) => k.overdue && principal.personId !== null && k.dataOwnerId === principal.personId);
  const overdue = kpis.filter((k) => k.overdue).length;
  const onTarget = kpis.filter((k) => k.onTarget).length;
  return (
    <>
      <PageHeader
        title="KPI catalogue"
        description="What is measured, at which level, against what target, and who owns the data. A measurement is overdue when the period after the latest recorded one has ended without a value."
        meta={
          <>
            <span className="text-sm text-slate-600">
              {kpis.length} KPIs · {onTarget} on target
            </span>
            {overdue > 0 ? <Badge tone="rose" dot>{overdue} overdue</Badge> : null}
          </>
        }
        actions={
          can(principal, "kpi.edit") ? (
            <Link href="/kpis/new" className={buttonStyles()}>
              Define KPI
            </Link>
          ) : null
        }
      />
      {mine.length > 0 ? (
        <section aria-labelledby="my-overdue" className="mb-6 rounded-xl border border-rose-200 bg-rose-50 px-5 py-4">
          <h2 id="my-overdue" className="text-sm font-semibold text-rose-900">
            {mine.length === 1 ? "A measurement you own is overdue" : `${mine.length} measurements you own are overdue`}
          </h2>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {mine.map((k) => (
              <li key={k.id}>
                <Link href={`/kpis/${k.id}`} className="font-medium text-rose-800 underline hover:text-rose-950">
                  {k.name}
                </Link>{" "}
                <span className="text-rose-700">— due by {formatDay(k.dueBy)}; latest period {k.latestPeriod ? `from ${formatDay(k.latestPeriod)}` : "none yet"}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {kpis.length === 0 ? <EmptyState title="No KPIs defined" description="KPIs appear here once they are added to the catalogue." /> : <KpisTable kpis={kpis} />}
    </>
  );
}
