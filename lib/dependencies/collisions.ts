/**
 * Campaign collisions (pure): two different teams' items whose launch windows overlap and that target the
 * same audience segment or go out on the same channel. Both teams should agree sequencing and frequency caps,
 * usually by logging a CAMPAIGN_COLLISION dependency between the two items.
 */

export interface CampaignItem {
  id: number;
  key: string;
  title: string;
  teamId: number;
  team: string;
  /** `YYYY-MM-DD`, inclusive. */
  launchStart: string;
  launchEnd: string;
  audienceSegments: readonly string[];
  channel: string | null;
}

export interface Collision {
  /** The pair in a stable order (the lower item id first). */
  a: CampaignItem;
  b: CampaignItem;
  /** The days both windows share (`YYYY-MM-DD`, inclusive). */
  overlapStart: string;
  overlapEnd: string;
  /** Segments both items target (spelled as on `a`); compared without case or surrounding spaces. */
  sharedSegments: string[];
  /** The channel both use, or null. */
  sharedChannel: string | null;
}

const norm = (text: string) => text.trim().toLowerCase();

/** The collision between two items, or null when they do not collide. */
export function collisionBetween(x: CampaignItem, y: CampaignItem): Collision | null {
  if (x.teamId === y.teamId || x.id === y.id) return null;
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  const overlapStart = a.launchStart > b.launchStart ? a.launchStart : b.launchStart;
  const overlapEnd = a.launchEnd < b.launchEnd ? a.launchEnd : b.launchEnd;
  if (overlapStart > overlapEnd) return null;
  const theirs = new Set(b.audienceSegments.map(norm).filter((s) => s !== ""));
  const sharedSegments = [...new Set(a.audienceSegments.filter((s) => theirs.has(norm(s))).map((s) => s.trim()))];
  const sharedChannel = a.channel && b.channel && norm(a.channel) !== "" && norm(a.channel) === norm(b.channel) ? a.channel.trim() : null;
  if (sharedSegments.length === 0 && sharedChannel === null) return null;
  return { a, b, overlapStart, overlapEnd, sharedSegments, sharedChannel };
}

/**
 * Every colliding pair among the items, earliest overlap first. A sweep over launch starts compares each
 * item only with those whose window is still open when it starts.
 */
export function findCollisions(items: readonly CampaignItem[]): Collision[] {
  const valid = items.filter((i) => i.launchStart <= i.launchEnd);
  const sorted = [...valid].sort((p, q) => (p.launchStart < q.launchStart ? -1 : p.launchStart > q.launchStart ? 1 : p.id - q.id));
  const out: Collision[] = [];
  let active: CampaignItem[] = [];
  for (const item of sorted) {
    active = active.filter((other) => other.launchEnd >= item.launchStart);
    for (const other of active) {
      const collision = collisionBetween(other, item);
      if (collision) out.push(collision);
    }
    active.push(item);
  }
  return out.sort(
    (p, q) => (p.overlapStart < q.overlapStart ? -1 : p.overlapStart > q.overlapStart ? 1 : p.a.id - q.a.id || p.b.id - q.b.id),
  );
}
