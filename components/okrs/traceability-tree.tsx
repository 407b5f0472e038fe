import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import type { TraceRow } from "@/lib/okrs/queries";

const LEVEL_TONE = { THEME: "violet", EPIC: "indigo", FEATURE: "sky", STORY: "slate" } as const;

interface Node {
  row: TraceRow;
  children: Node[];
}

/** The flat rows (tree order, with parent ids) as a tree. */
function build(rows: TraceRow[]): Node[] {
  const byId = new Map<number, Node>();
  const roots: Node[] = [];
  for (const row of rows) {
    const node = { row, children: [] };
    byId.set(row.id, node);
    const parent = row.depth > 0 && row.parentId !== null ? byId.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function Line({ row }: { row: TraceRow }) {
  const total = row.pointsDone + row.pointsToDo;
  const share = total > 0 ? row.pointsDone / total : 0;
  return (
    <span className="flex min-w-0 flex-1 items-center gap-3 text-sm">
      <span className="flex min-w-0 flex-1 items-center gap-2">
        <Badge tone={LEVEL_TONE[row.level]}>{enumLabel(row.level)}</Badge>
        <Link href={`/items/${row.id}`} className="shrink-0 font-mono text-indigo-700 hover:underline">
          {row.key}
        </Link>
        <span className="truncate text-slate-700" title={row.title}>
          {row.title}
        </span>
      </span>
      <span className="hidden w-28 shrink-0 truncate text-xs text-slate-500 md:block">{row.team ?? ""}</span>
      <span className="w-20 shrink-0 text-xs text-slate-500">{enumLabel(row.status)}</span>
      <span className="w-24 shrink-0 text-right text-xs tabular-nums text-slate-700">
        <span className="font-semibold">{row.pointsDone}</span> done
      </span>
      <span className="w-20 shrink-0 text-right text-xs tabular-nums text-slate-700">
        {row.pointsToDo} to do{row.unestimated > 0 ? <span className="text-amber-700" title={`${row.unestimated} without an estimate`}> +?</span> : null}
      </span>
      <span aria-hidden="true" className="h-1.5 w-16 shrink-0 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full rounded-full bg-emerald-500" style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}

function Branch({ node }: { node: Node }) {
  if (node.children.length === 0) {
    return (
      <li className="flex items-center py-1 pl-6">
        <Line row={node.row} />
      </li>
    );
  }
  return (
    <li>
      <details open={node.row.depth === 0}>
        <summary className="flex cursor-pointer list-none items-center gap-1 rounded py-1 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none [&::-webkit-details-marker]:hidden">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 text-slate-500 transition [[open]>summary>&]:rotate-90" fill="currentColor">
            <path fillRule="evenodd" d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
          </svg>
          <Line row={node.row} />
        </summary>
        <ul className="ml-2.5 border-l border-slate-200 pl-2">
          {node.children.map((child) => (
            <Branch key={child.row.id} node={child} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/**
 * From the objective's epics down to the stories: each row with the points done and still to do of the leaves
 * under it (itself for a leaf) and a bar of done ÷ (done + to do). Epics open, features fold (Enter or click).
 */
export function TraceabilityTree({ rows }: { rows: TraceRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">Link an epic to see the work that serves this objective.</p>;
  return (
    <ul aria-label="Epics, features and stories serving the objective" className="flex flex-col">
      {build(rows).map((node) => (
        <Branch key={node.row.id} node={node} />
      ))}
    </ul>
  );
}
