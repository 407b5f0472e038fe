"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { RISK_STYLE } from "@/components/dependencies/risk-badge";
import type { DependencyRisk } from "@/lib/dependencies/flow";
import { layoutDependencyMap, type MapEdgeInput, type MapNodeInput, type PlacedEdge } from "@/lib/dependencies/map-layout";

export interface MapEdge extends MapEdgeInput {
  fromTeam: string;
  toTeam: string;
  neededBy: string;
  /** Resolved within the last 30 days (shown only on request). */
  recentlyResolved: boolean;
}

const RISKS: DependencyRisk[] = ["OVERDUE", "AT_RISK", "ON_TRACK", "DONE"];

/** A smooth path through dagre's points (quadratic curves through the midpoints). */
function pathOf(points: PlacedEdge["points"]): string {
  if (points.length === 0) return "";
  const [first, ...rest] = points;
  if (rest.length === 0) return `M${first!.x},${first!.y}`;
  let d = `M${first!.x},${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
  }
  const last = rest[rest.length - 1]!;
  return `${d} L${last.x},${last.y}`;
}

/**
 * The dependency map: teams as boxes, each unresolved dependency an arrow from the team that waits to the one
 * it waits on, coloured by risk; laid out by dagre (lib/dependencies/map-layout.ts). Every arrow is a link to
 * its dependency; every team box filters the board to that team.
 */
export function DependencyMap({ teams, edges }: { teams: MapNodeInput[]; edges: MapEdge[] }) {
  const router = useRouter();
  const uid = useId().replaceAll(":", "");
  const [showResolved, setShowResolved] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = useMemo(() => edges.filter((e) => e.risk !== "DONE" || (showResolved && e.recentlyResolved)), [edges, showResolved]);
  const layout = useMemo(() => layoutDependencyMap(teams, shown), [teams, shown]);
  const byId = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges]);
  const counts = RISKS.map((risk) => ({ risk, count: shown.filter((e) => e.risk === risk).length }));
  const go = (href: string) => (event: React.MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    router.push(href);
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ul className="flex flex-wrap items-center gap-4 text-sm text-slate-700" aria-label="Legend">
          {counts
            .filter((c) => c.risk !== "DONE" || showResolved)
            .map(({ risk, count }) => (
              <li key={risk} className="flex items-center gap-2">
                <svg aria-hidden="true" width="28" height="10">
                  <line x1="0" y1="5" x2="28" y2="5" stroke={RISK_STYLE[risk].stroke} strokeWidth="3" strokeDasharray={risk === "DONE" ? "4 3" : undefined} />
                </svg>
                {RISK_STYLE[risk].label} <span className="text-slate-500 tabular-nums">({count})</span>
              </li>
            ))}
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-3.5 w-5 rounded border border-dashed border-violet-400 bg-violet-50" />
            Shared service
          </li>
        </ul>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500" />
          Show resolved in the last 30 days
        </label>
      </div>

      {layout.nodes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-500">No unresolved dependencies to draw.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-[radial-gradient(circle,_#e2e8f0_1px,_transparent_1px)] [background-size:18px_18px] bg-slate-50/60">
          <svg
            role="group"
            aria-label={`Dependency map: ${layout.nodes.length} teams, ${layout.edges.length} dependencies`}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            width={layout.width}
            height={layout.height}
            // Shrinks to fit the card (never below 70 % size, then the card scrolls sideways); never grows.
            style={{ minWidth: Math.round(layout.width * 0.7) }}
            className="mx-auto block h-auto max-w-full"
          >
            <defs>
              {RISKS.map((risk) => (
                <marker key={risk} id={`${uid}-arrow-${risk}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" fill={RISK_STYLE[risk].stroke} />
                </marker>
              ))}
            </defs>
            {/* Edges under nodes; the hovered one is drawn last so it sits on top. */}
            {[...layout.edges]
              .sort((a, b) => Number(a.id === hovered) - Number(b.id === hovered) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk))
              .map((edge) => {
                const info = byId.get(edge.id)!;
                const style = RISK_STYLE[edge.risk];
                const href = `/dependencies/${edge.id}`;
                const active = hovered === edge.id;
                return (
                  <a
                    key={edge.id}
                    href={href}
                    onClick={go(href)}
                    onMouseEnter={() => setHovered(edge.id)}
                    onMouseLeave={() => setHovered(null)}
                    onFocus={() => setHovered(edge.id)}
                    onBlur={() => setHovered(null)}
                    aria-label={`${edge.key}: ${info.fromTeam} waits on ${info.toTeam}, needed by ${info.neededBy}, ${style.label.toLowerCase()}`}
                    className="cursor-pointer outline-none"
                  >
                    <title>{`${edge.key}: ${info.fromTeam} → ${info.toTeam} (${style.label})`}</title>
                    {/* A wide transparent stroke makes the thin arrow easy to hit. */}
                    <path d={pathOf(edge.points)} fill="none" stroke="transparent" strokeWidth={14} />
                    <path
                      d={pathOf(edge.points)}
                      fill="none"
                      stroke={style.stroke}
                      strokeWidth={active ? 3.5 : edge.risk === "ON_TRACK" || edge.risk === "DONE" ? 1.6 : 2.4}
                      strokeOpacity={hovered !== null && !active ? 0.35 : 1}
                      strokeDasharray={edge.risk === "DONE" ? "5 4" : undefined}
                      markerEnd={`url(#${uid}-arrow-${edge.risk})`}
                    />
                    <g transform={`translate(${edge.labelX - 29}, ${edge.labelY - 10})`} opacity={hovered !== null && !active ? 0.5 : 1}>
                      <rect width="58" height="20" rx="10" fill="white" stroke={style.stroke} strokeWidth={active ? 2 : 1} />
                      <text x="29" y="14" textAnchor="middle" className="fill-slate-700 font-mono text-[10px] font-semibold">
                        {edge.key}
                      </text>
                    </g>
                  </a>
                );
              })}
            {layout.nodes.map((node) => {
              const href = `/dependencies?team=${node.id}`;
              const service = node.kind === "SHARED_SERVICE";
              return (
                <a key={node.id} href={href} onClick={go(href)} aria-label={`${node.name}: waits on ${node.waiting}, provides ${node.providing}. Show its dependencies`} className="group cursor-pointer outline-none">
                  <rect
                    x={node.x - node.width / 2}
                    y={node.y - node.height / 2}
                    width={node.width}
                    height={node.height}
                    rx="10"
                    className={`${service ? "fill-violet-50 stroke-violet-400" : "fill-white stroke-slate-300"} group-hover:stroke-indigo-500 group-focus-visible:stroke-indigo-600`}
                    strokeWidth="1.5"
                    strokeDasharray={service ? "5 3" : undefined}
                    filter="drop-shadow(0 1px 1px rgb(15 23 42 / 0.08))"
                  />
                  <text x={node.x} y={node.y - 4} textAnchor="middle" className="fill-slate-900 text-[13px] font-semibold">
                    {node.name}
                  </text>
                  <text x={node.x} y={node.y + 13} textAnchor="middle" className="fill-slate-500 text-[11px]">
                    {node.waiting > 0 ? `waits on ${node.waiting}` : ""}
                    {node.waiting > 0 && node.providing > 0 ? " · " : ""}
                    {node.providing > 0 ? `provides ${node.providing}` : ""}
                  </text>
                </a>
              );
            })}
          </svg>
        </div>
      )}
      <p className="text-xs text-slate-500">Arrows point from the team that waits to the team it waits on. Select an arrow to open the dependency, a team to see its dependencies on the board.</p>
    </div>
  );
}
