/**
 * Layout of the dependency map (pure): teams as boxes, each dependency an arrow from the team that waits to
 * the team it waits on, placed by dagre's layered layout (top to bottom: those waiting at the top). Several
 * dependencies between the same two teams get an arrow each (a multigraph), so none hides another.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";
import type { TeamKind } from "@/lib/generated/prisma/enums";
import type { DependencyRisk } from "./flow";

export interface MapNodeInput {
  id: number;
  name: string;
  kind: TeamKind;
}

export interface MapEdgeInput {
  id: number;
  key: string;
  fromTeamId: number;
  toTeamId: number;
  risk: DependencyRisk;
}

export interface PlacedNode extends MapNodeInput {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Unresolved dependencies out of (waiting) and into (providing) this team. */
  waiting: number;
  providing: number;
}

export interface PlacedEdge extends MapEdgeInput {
  points: { x: number; y: number }[];
  /** Where the key label sits. */
  labelX: number;
  labelY: number;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 56;
const LABEL_WIDTH = 58;
const LABEL_HEIGHT = 20;
const MARGIN = 24;

/** Lays out the teams that take part in at least one of the edges (the others would float unconnected). */
export function layoutDependencyMap(teams: readonly MapNodeInput[], edges: readonly MapEdgeInput[]): MapLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  // Top to bottom keeps the map about as wide as a laptop screen however long the chains get.
  g.setGraph({ rankdir: "TB", nodesep: 36, edgesep: 18, ranksep: 90, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  const used = new Set(edges.flatMap((e) => [e.fromTeamId, e.toTeamId]));
  const present = teams.filter((t) => used.has(t.id));
  for (const team of present) g.setNode(String(team.id), { width: NODE_WIDTH, height: NODE_HEIGHT });
  const known = new Set(present.map((t) => t.id));
  const drawn = edges.filter((e) => known.has(e.fromTeamId) && known.has(e.toTeamId));
  for (const edge of drawn) {
    g.setEdge(String(edge.fromTeamId), String(edge.toTeamId), { width: LABEL_WIDTH, height: LABEL_HEIGHT, labelpos: "c" }, String(edge.id));
  }
  dagre.layout(g);

  const count = (teamId: number, side: "fromTeamId" | "toTeamId") => drawn.filter((e) => e[side] === teamId && e.risk !== "DONE").length;
  const nodes: PlacedNode[] = present.map((team) => {
    const n = g.node(String(team.id));
    return { ...team, x: n.x ?? 0, y: n.y ?? 0, width: NODE_WIDTH, height: NODE_HEIGHT, waiting: count(team.id, "fromTeamId"), providing: count(team.id, "toTeamId") };
  });
  const placed: PlacedEdge[] = drawn.map((edge) => {
    const e = g.edge({ v: String(edge.fromTeamId), w: String(edge.toTeamId), name: String(edge.id) });
    const points = (e.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...edge, points, labelX: typeof e.x === "number" ? e.x : mid.x, labelY: typeof e.y === "number" ? e.y : mid.y };
  });
  const graph = g.graph();
  return {
    width: Math.ceil(Number(graph.width ?? 0)),
    height: Math.ceil(Number(graph.height ?? 0)),
    nodes,
    edges: placed,
  };
}
