/**
 * Chains and cycles of waiting between teams (pure: the caller passes the unresolved dependencies and today).
 *
 * A dependency X (team A waits on team B) is *held up by* a dependency Y when Y is B waiting on someone else,
 * so B can only deliver X once Y is resolved. When both sides name items and they differ (X asks for item
 * i of B, Y is about B's item j) the two are unrelated work and are not linked. Following these links gives
 * chains (A waits on B waits on C …); a link back to where a chain started is a cycle: nobody in it can
 * finish first without someone giving way.
 */
import type { DependencyStatus } from "@/lib/generated/prisma/enums";

export interface WaitLink {
  id: number;
  key: string;
  fromTeamId: number;
  fromTeam: string;
  toTeamId: number;
  toTeam: string;
  fromItemId: number | null;
  toItemId: number | null;
  /** `YYYY-MM-DD`. */
  neededBy: string;
  /** A date the providing side proposed instead (`YYYY-MM-DD`), if any. */
  proposedDate: string | null;
  status: DependencyStatus;
}

export interface Chain {
  /** Head first: links[0] waits on links[1], which waits on links[2] … */
  links: WaitLink[];
  /** Teams along the chain: the waiting team of the head, then each providing team. */
  teams: string[];
  /**
   * The earliest day the chain can finish, i.e. its head be resolved (`YYYY-MM-DD`): no earlier than today,
   * and no earlier than any link's expected date (the proposed date if one was made, else the needed-by
   * date), since each link can only be delivered once the one it waits on is.
   */
  earliestFinish: string;
  /** The earliest finish is after the head's needed-by date: the waiting team will get it late. */
  late: boolean;
}

export interface Cycle {
  /** links[i] waits on links[i + 1]; the last waits on the first. */
  links: WaitLink[];
  /** Teams around the cycle, starting and ending with the same team. */
  teams: string[];
}

export interface ChainAnalysis {
  /** The longest chain (most links; the latest finish breaks ties), or null when no dependency waits on another. */
  longest: Chain | null;
  /** Every chain of two or more links that starts at a dependency nothing else waits behind, longest first. */
  chains: Chain[];
  cycles: Cycle[];
}

const UNRESOLVED: ReadonlySet<DependencyStatus> = new Set(["OPEN", "ACCEPTED", "IN_PROGRESS", "BLOCKED"]);

/** X is held up by Y (see the module comment). */
export function isHeldUpBy(x: WaitLink, y: WaitLink): boolean {
  if (x.id === y.id || y.fromTeamId !== x.toTeamId) return false;
  return x.toItemId === null || y.fromItemId === null || x.toItemId === y.fromItemId;
}

function expectedBy(link: WaitLink): string {
  return link.proposedDate ?? link.neededBy;
}

const later = (a: string, b: string): string => (a >= b ? a : b);

/** Strongly connected components (Tarjan), iteratively so deep chains cannot overflow the stack. */
function components(ids: number[], next: ReadonlyMap<number, number[]>): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = next.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        out.push(component);
      }
    }
  }
  return out;
}

/** One simple cycle through `start` inside a component (breadth-first, so the shortest one). */
function cycleThrough(start: number, inComponent: ReadonlySet<number>, next: ReadonlyMap<number, number[]>): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const to of next.get(node) ?? []) {
      if (!inComponent.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
        return path;
      }
      if (!parent.has(to)) {
        parent.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start];
}

/**
 * Finds the chains of waiting and the cycles among unresolved dependencies (resolved and cancelled ones are
 * ignored). Dependencies on a cycle are reported as the cycle and left out of the chains, whose dates would
 * otherwise be undefined.
 */
export function analyseChains(links: readonly WaitLink[], today: string): ChainAnalysis {
  const open = links.filter((l) => UNRESOLVED.has(l.status));
  const byId = new Map(open.map((l) => [l.id, l]));
  const byFromTeam = new Map<number, WaitLink[]>();
  for (const l of open) byFromTeam.set(l.fromTeamId, [...(byFromTeam.get(l.fromTeamId) ?? []), l]);
  const next = new Map<number, number[]>();
  for (const x of open) {
    next.set(
      x.id,
      (byFromTeam.get(x.toTeamId) ?? []).filter((y) => isHeldUpBy(x, y)).map((y) => y.id),
    );
  }

  const ids = open.map((l) => l.id).sort((a, b) => a - b);
  const cycles: Cycle[] = [];
  const onCycle = new Set<number>();
  for (const component of components(ids, next)) {
    if (component.length < 2) continue;
    for (const id of component) onCycle.add(id);
    const members = new Set(component);
    const start = Math.min(...component);
    const path = cycleThrough(start, members, next).map((id) => byId.get(id)!);
    cycles.push({ links: path, teams: [...path.map((l) => l.fromTeam), path[0]!.fromTeam] });
  }

  // Longest path and earliest finish over what is left, which is acyclic: memoised depth-first search.
  const acyclicNext = (id: number) => (next.get(id) ?? []).filter((to) => !onCycle.has(to));
  const depth = new Map<number, number>();
  const finish = new Map<number, string>();
  const best = new Map<number, number | null>();
  const visit = (id: number): void => {
    if (depth.has(id)) return;
    // Post-order without recursion.
    const work: { id: number; expanded: boolean }[] = [{ id, expanded: false }];
    while (work.length > 0) {
      const frame = work.pop()!;
      if (depth.has(frame.id)) continue;
      const successors = acyclicNext(frame.id);
      if (!frame.expanded) {
        work.push({ id: frame.id, expanded: true });
        for (const s of successors) if (!depth.has(s)) work.push({ id: s, expanded: false });
        continue;
      }
      const link = byId.get(frame.id)!;
      // Follow the longest way on (the latest finish breaks ties, then the lower id, for a stable answer).
      let pick: number | null = null;
      for (const s of successors) {
        const sd = depth.get(s)!;
        const sf = finish.get(s)!;
        const current = pick === null ? null : { d: depth.get(pick)!, f: finish.get(pick)! };
        if (current === null || sd > current.d || (sd === current.d && sf > current.f) || (sd === current.d && sf === current.f && s < pick!)) {
          pick = s;
        }
      }
      depth.set(frame.id, pick === null ? 1 : depth.get(pick)! + 1);
      finish.set(frame.id, later(later(today, expectedBy(link)), pick === null ? today : finish.get(pick)!));
      best.set(frame.id, pick);
    }
  };
  const candidates = ids.filter((id) => !onCycle.has(id));
  for (const id of candidates) visit(id);

  const chainFrom = (head: number): Chain => {
    const path: WaitLink[] = [];
    for (let id: number | null = head; id !== null; id = best.get(id) ?? null) path.push(byId.get(id)!);
    const headLink = path[0]!;
    const earliestFinish = finish.get(head)!;
    return {
      links: path,
      teams: [headLink.fromTeam, ...path.map((l) => l.toTeam)],
      earliestFinish,
      late: earliestFinish > headLink.neededBy,
    };
  };

  const heldUp = new Set(candidates.flatMap((id) => acyclicNext(id)));
  const compare = (a: Chain, b: Chain) =>
    b.links.length - a.links.length || (a.earliestFinish < b.earliestFinish ? 1 : a.earliestFinish > b.earliestFinish ? -1 : 0) || a.links[0]!.id - b.links[0]!.id;
  const chains = candidates
    .filter((id) => !heldUp.has(id) && (depth.get(id) ?? 1) >= 2)
    .map(chainFrom)
    .sort(compare);
  return { longest: chains[0] ?? null, chains, cycles };
}
