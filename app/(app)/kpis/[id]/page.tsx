import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { KpiHistoryChart } from "@/components/charts/kpi-history-chart";
import { CsvUpload } from "@/components/kpis/csv-upload";
import { KpiEditor } from "@/components/kpis/kpi-editor";
import { MeasurementForm } from "@/components/kpis/measurement-form";
import { withUnit } from "@/components/okrs/okr-format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDateTime, formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { FREQUENCY_LABEL, suggestedPeriod } from "@/lib/kpis/periods";
import { getKpi, getKpiFormOptions } from "@/lib/kpis/queries";
import { getOrgToday } from "@/lib/metrics/queries";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { parseIdParam } from "@/lib/routing/id-param";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "KPI" };

const PERIOD_HINT = {
  WEEKLY: "A Monday",
  BIWEEKLY: "The fortnight's Monday",
  MONTHLY: "The 1st of the month",
  QUARTERLY: "1 Jan, 1 Apr, 1 Jul or 1 Oct",
} as const;

export default async function KpiPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const [kpi, today, timeZone] = await Promise.all([getKpi(id), getOrgToday(), getOrganizationTimeZone()]);
  if (!kpi) notFound();
  const canMeasure = can(principal, "kpi.measure", { teamId: kpi.teamId, ownerPersonId: kpi.dataOwnerId });
  const canEdit = can(principal, "kpi.edit");
  const options = canEdit ? await getKpiFormOptions() : null;
  const points = [...kpi.measurements].reverse();
  const suggested = suggestedPeriod(kpi.frequency, kpi.latestPeriod, today);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/kpis" className="font-medium text-indigo-700 hover:underline">
          ← KPIs
        </Link>
      </nav>
      <PageHeader
        title={kpi.name}
        description={kpi.definition}
        meta={
          <>
            <span className="font-mono text-sm font-semibold text-slate-600">{kpi.key}</span>
            <Badge tone="sky">
              {enumLabel(kpi.scope)}
              {kpi.scopeName ? ` · ${kpi.scopeName}` : ""}
            </Badge>
            <span className="text-sm text-slate-500">
              {FREQUENCY_LABEL[kpi.frequency]} · data owner {kpi.dataOwner}
            </span>
            {kpi.overdue ? (
              <Badge tone="rose" dot>
                Overdue since {formatDay(kpi.dueBy)}
              </Badge>
            ) : (
              <span className="text-sm text-slate-500">next due by {formatDay(kpi.dueBy)}</span>
            )}
          </>
        }
        actions={
          canEdit && options ? (
            <KpiEditor
              kpi={{
                id: kpi.id, key: kpi.key, version: kpi.version, name: kpi.name, definition: kpi.definition, unit: kpi.unit, direction: kpi.direction,
                target: kpi.target, frequency: kpi.frequency, dataOwnerId: kpi.dataOwnerId, scope: kpi.scope, teamId: kpi.teamId,
                valueStreamId: kpi.valueStreamId, keyResultId: kpi.keyResultId,
              }}
              options={options}
            />
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card
            title="History"
            description={`Target ${kpi.direction === "HIGHER_IS_BETTER" ? "at least" : "at most"} ${withUnit(kpi.target, kpi.unit)}`}
            actions={
              kpi.latestValue !== null ? (
                <span className="flex items-center gap-2 text-sm">
                  <span className="font-semibold text-slate-900">{withUnit(kpi.latestValue, kpi.unit)}</span>
                  {kpi.onTarget ? <Badge tone="emerald">On target</Badge> : <Badge tone="amber">Below target</Badge>}
                </span>
              ) : null
            }
          >
            {points.length > 0 ? <KpiHistoryChart points={points} target={kpi.target} unit={kpi.unit} name={kpi.name} /> : <p className="text-sm text-slate-500">No measurements yet.</p>}
          </Card>
          <Card title="Measurements" description={kpi.keyResult ? `Measures key result ${kpi.keyResult}` : undefined}>
            {kpi.measurements.length === 0 ? (
              <p className="text-sm text-slate-500">None recorded.</p>
            ) : (
              <table className="w-full text-sm">
                <caption className="sr-only">Measurements of {kpi.name}, newest first</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                    <th scope="col" className="py-2 pr-3 font-medium">Period from</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">Value</th>
                    <th scope="col" className="py-2 pr-3 font-medium">Recorded by</th>
                    <th scope="col" className="py-2 font-medium">At</th>
                  </tr>
                </thead>
                <tbody>
                  {kpi.measurements.map((m) => (
                    <tr key={m.periodStart} className="border-b border-slate-100 last:border-0">
                      <td className="py-1.5 pr-3">{formatDay(m.periodStart)}</td>
                      <td className="py-1.5 pr-3 text-right font-medium tabular-nums">{withUnit(m.value, kpi.unit)}</td>
                      <td className="py-1.5 pr-3 text-slate-600">{m.recordedBy ?? "—"}</td>
                      <td className="py-1.5 text-slate-500">{formatDateTime(m.recordedAt, timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          {canMeasure ? (
            <>
              <Card title="Record a measurement" description="Recording a period again replaces its value.">
                <MeasurementForm kpiId={kpi.id} unit={kpi.unit} suggestedPeriod={suggested} periodHint={PERIOD_HINT[kpi.frequency]} />
              </Card>
              <Card title="Upload a CSV" description="All rows or none: a bad row is named and nothing is saved.">
                <CsvUpload kpiId={kpi.id} example={`period,value\n${suggested},${kpi.latestValue ?? 0}`} />
              </Card>
            </>
          ) : (
            <Card title="Recording">
              <p className="text-sm text-slate-600">{kpi.dataOwner} records this KPI (leaders may too).</p>
            </Card>
          )}
          {kpi.objectiveId ? (
            <Card title="Key result">
              <Link href={`/okrs/${kpi.objectiveId}`} className="text-sm font-medium text-indigo-700 hover:underline">
                {kpi.keyResult}
              </Link>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
