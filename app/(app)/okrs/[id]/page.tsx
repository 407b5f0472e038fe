import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { EpicLinks } from "@/components/okrs/epic-links";
import { KeyResultLine } from "@/components/okrs/key-result-line";
import { KeyResultsEditor } from "@/components/okrs/key-results-editor";
import { ObjectiveEditor } from "@/components/okrs/objective-editor";
import { LEVEL_LABEL, STATUS_TONE } from "@/components/okrs/okr-format";
import { ProgressMeter } from "@/components/okrs/progress-meter";
import { TraceabilityTree } from "@/components/okrs/traceability-tree";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { getOkrCascade, getOkrFormOptions, getTraceability } from "@/lib/okrs/queries";
import { parseIdParam } from "@/lib/routing/id-param";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Objective" };

export default async function ObjectivePage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const [all, trace] = await Promise.all([getOkrCascade(), getTraceability(id)]);
  const objective = all.find((o) => o.id === id);
  if (!objective) notFound();
  const canEdit = can(principal, "okr.edit");
  const options = canEdit ? await getOkrFormOptions() : null;
  const parent = all.find((o) => o.id === objective.parentId) ?? null;
  const children = all.filter((o) => o.parentId === objective.id);
  const roots = trace.filter((r) => r.depth === 0);
  const done = roots.reduce((n, r) => n + r.pointsDone, 0);
  const todo = roots.reduce((n, r) => n + r.pointsToDo, 0);
  const where = objective.level === "TEAM" ? objective.team : objective.level === "VALUE_STREAM" ? objective.valueStream : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 flex flex-wrap gap-2 text-sm">
        <Link href="/okrs" className="font-medium text-indigo-700 hover:underline">
          ← OKRs
        </Link>
        {parent ? (
          <span className="text-slate-500">
            · cascades from{" "}
            <Link href={`/okrs/${parent.id}`} className="font-medium text-indigo-700 hover:underline">
              {parent.key} {parent.title}
            </Link>
          </span>
        ) : null}
      </nav>
      <PageHeader
        title={objective.title}
        description={objective.description || undefined}
        meta={
          <>
            <span className="font-mono text-sm font-semibold text-slate-600">{objective.key}</span>
            <Badge tone="violet">
              {LEVEL_LABEL[objective.level]}
              {where ? ` · ${where}` : ""}
            </Badge>
            <Badge tone={STATUS_TONE[objective.status]} dot>
              {enumLabel(objective.status)}
            </Badge>
            <span className="text-sm text-slate-500">
              {formatDay(objective.periodStart)} – {formatDay(objective.periodEnd)}
              {objective.owner ? ` · owner ${objective.owner}` : ""}
            </span>
          </>
        }
        actions={canEdit && options ? <ObjectiveEditor objective={objective} options={options} /> : null}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card title="Key results" description="Progress from baseline to target, in each key result's direction" actions={<ProgressMeter value={objective.progress} label={`Progress of ${objective.key}`} wide />}>
            {canEdit ? (
              <KeyResultsEditor objectiveId={objective.id} keyResults={objective.keyResults} />
            ) : objective.keyResults.length === 0 ? (
              <p className="text-sm text-slate-500">No key results yet.</p>
            ) : (
              <div className="divide-y divide-slate-100">
                {objective.keyResults.map((kr) => (
                  <KeyResultLine key={kr.id} kr={kr} />
                ))}
              </div>
            )}
          </Card>
          <Card title="Cascades to" description="Objectives that break this one down">
            {children.length === 0 ? (
              <p className="text-sm text-slate-500">None yet.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {children.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-2">
                    <Link href={`/okrs/${c.id}`} className="min-w-0 truncate text-sm text-indigo-700 hover:underline">
                      <span className="font-mono">{c.key}</span> {c.title}
                    </Link>
                    <ProgressMeter value={c.progress} label={`Progress of ${c.key}`} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card title="Linked epics" description="The work that serves this objective">
            {canEdit && options ? (
              <EpicLinks objectiveId={objective.id} version={objective.version} linked={objective.epics} epics={options.epics} />
            ) : objective.epics.length === 0 ? (
              <p className="text-sm text-slate-500">None linked.</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {objective.epics.map((e) => (
                  <li key={e.id}>
                    <Link href={`/items/${e.id}`} className="font-mono font-medium text-indigo-700 hover:underline">
                      {e.key}
                    </Link>{" "}
                    {e.title}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
      <Card className="mt-6" title="Traceability" description={`From the linked epics down through features to stories: ${done} points done, ${todo} to do`}>
        <TraceabilityTree rows={trace} />
      </Card>
    </>
  );
}
