import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ObjectiveCard } from "@/components/okrs/objective-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import type { ObjectiveStatus } from "@/lib/generated/prisma/enums";
import { getOkrCascade, type ObjectiveDto } from "@/lib/okrs/queries";
import { buttonStyles } from "@/components/ui/button";

export const metadata: Metadata = { title: "OKRs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CURRENT: ObjectiveStatus[] = ["DRAFT", "ACTIVE", "ACHIEVED", "MISSED"];

/** Roots with their descendants, in the cascade order the query returns. */
function trees(objectives: ObjectiveDto[]): ObjectiveDto[][] {
  const out: ObjectiveDto[][] = [];
  for (const o of objectives) {
    if (o.depth === 0 || out.length === 0) out.push([o]);
    else out[out.length - 1]!.push(o);
  }
  return out;
}

export default async function OkrsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const principal = await requirePrincipal();
  const showAll = (await searchParams).status === "all";
  const objectives = await getOkrCascade(showAll ? [] : CURRENT);
  const canEdit = can(principal, "okr.edit");
  const active = objectives.filter((o) => o.status === "ACTIVE");
  const krs = active.flatMap((o) => o.keyResults);
  const onTrack = krs.filter((k) => k.progress >= 0.7).length;

  return (
    <>
      <PageHeader
        title="Objectives and key results"
        description="The cascade from portfolio to value stream to team. Progress is each key result's way from baseline to target, in its direction; an objective's is the mean of its key results."
        actions={
          canEdit ? (
            <Link href="/okrs/new" className={buttonStyles()}>
              New objective
            </Link>
          ) : null
        }
        meta={
          <>
            <span className="text-sm text-slate-600">
              {active.length} active objectives · {onTrack} of {krs.length} key results at 70% or more
            </span>
            <Link href={showAll ? "/okrs" : "/okrs?status=all"} className="text-sm font-medium text-indigo-700 hover:underline">
              {showAll ? "Hide archived" : "Show archived"}
            </Link>
          </>
        }
      />
      {objectives.length === 0 ? (
        <EmptyState title="No objectives yet" description={canEdit ? "Start with a portfolio objective, then cascade it to value streams and teams." : "Leaders set the objectives; they appear here."} />
      ) : (
        <div className="flex flex-col gap-8">
          {trees(objectives).map((tree) => (
            <section key={tree[0]!.id} aria-label={`${tree[0]!.key} and the objectives cascading from it`} className="flex flex-col gap-3">
              {tree.map((o) => (
                <div key={o.id} style={{ marginLeft: `${o.depth * 2}rem` }} className={o.depth > 0 ? "border-l-2 border-slate-200 pl-4" : ""}>
                  <ObjectiveCard objective={o} />
                </div>
              ))}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
