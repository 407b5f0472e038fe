import Link from "next/link";
import { DependencyStatusBadge } from "@/components/dependencies/dependency-status-badge";
import { Card } from "@/components/ui/card";
import type { CollisionRow } from "@/lib/dependencies/queries";
import { formatShortDay } from "@/lib/format/dates";

/** The link that opens the log form prefilled for a collision, logged by `fromTeamId`'s side (default: the first item's). */
export function collisionLogHref(c: CollisionRow, fromTeamId?: number): string {
  const [mine, theirs] = fromTeamId === c.b.teamId ? [c.b, c.a] : [c.a, c.b];
  const params = new URLSearchParams({
    from: String(mine.teamId),
    fromItem: String(mine.id),
    to: String(theirs.teamId),
    toItem: String(theirs.id),
    type: "CAMPAIGN_COLLISION",
    needed: c.overlapStart,
    description: `${c.a.title} and ${c.b.title} overlap ${c.overlapStart} – ${c.overlapEnd}${c.sharedSegments.length ? ` for ${c.sharedSegments.join(", ")}` : ""}${c.sharedChannel ? ` on ${c.sharedChannel}` : ""}: agree sequencing and frequency caps.`,
  });
  return `/dependencies/new?${params.toString()}`;
}

/**
 * Campaign collisions: two teams' launches that overlap and target the same audience segment (or channel),
 * each with a link to log (or open) the CAMPAIGN_COLLISION dependency for it.
 */
export function CollisionsPanel({
  collisions,
  canLog,
  title = "Campaign collisions",
  emptyText = "No two teams launch to the same audience at the same time.",
  teamId,
}: {
  collisions: CollisionRow[];
  /** Whether to offer the log link (the form and its action check again). */
  canLog: boolean;
  title?: string;
  emptyText?: string;
  /** On a team's page: that team logs the dependency. */
  teamId?: number;
}) {
  return (
    <Card title={title} description="Launch windows that overlap for the same audience segment or channel, across teams.">
      {collisions.length === 0 ? (
        <p className="text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100">
          {collisions.map((c) => (
            <li key={`${c.a.id}-${c.b.id}`} className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
              <div className="min-w-0 flex-1">
                <p className="text-sm text-slate-900">
                  <ItemRef item={c.a} /> <span className="text-slate-500">and</span> <ItemRef item={c.b} />
                </p>
                <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500">
                  <span>
                    Overlap <strong className="font-medium text-slate-700">{formatShortDay(c.overlapStart)} – {formatShortDay(c.overlapEnd)}</strong>
                  </span>
                  {c.sharedSegments.length > 0 ? (
                    <span>
                      Audience <strong className="font-medium text-amber-800">{c.sharedSegments.join(", ")}</strong>
                    </span>
                  ) : null}
                  {c.sharedChannel ? (
                    <span>
                      Channel <strong className="font-medium text-slate-700">{c.sharedChannel}</strong>
                    </span>
                  ) : null}
                </p>
              </div>
              {c.logged ? (
                <Link href={`/dependencies/${c.logged.id}`} className="flex items-center gap-2 text-sm font-medium text-indigo-700 hover:underline">
                  {c.logged.key} <DependencyStatusBadge status={c.logged.status} />
                </Link>
              ) : canLog ? (
                <Link
                  href={collisionLogHref(c, teamId)}
                  className="inline-flex items-center rounded-md bg-amber-50 px-2.5 py-1.5 text-sm font-medium text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100 ring-inset focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                >
                  Log a dependency
                </Link>
              ) : (
                <span className="text-xs text-slate-500">Not logged yet</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ItemRef({ item }: { item: CollisionRow["a"] }) {
  return (
    <span>
      <Link href={`/items/${item.id}`} className="font-mono text-xs text-indigo-700 hover:underline">
        {item.key}
      </Link>{" "}
      <span className="font-medium">{item.title}</span> <span className="text-slate-500">({item.team})</span>
    </span>
  );
}
