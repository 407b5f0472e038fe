/**
 * How an audit event reads in the UI: the action in words, what it was about (with a link where that thing
 * has a page) and a compact list of the fields whose values changed. Pure: labels for ids (item keys,
 * people's names) are looked up beforehand and passed in.
 *
 * (Presentation logic with no I/O; it would sit in lib/audit/ if this change could touch lib/.)
 */
import type { AuditEventDto } from "@/lib/audit/queries";
import { enumLabel } from "@/lib/format/enum-label";

export interface AuditLabels {
  /** Backlog items by id: key and title. */
  items: ReadonlyMap<number, { key: string; title: string }>;
  /** People by id: name. */
  people: ReadonlyMap<number, string>;
}

export interface FieldChange {
  field: string;
  /** Absent for a value that was set where there was none recorded (a creation). */
  before?: string;
  /** Absent for a value that was removed (a deletion). */
  after?: string;
}

export interface EntityRef {
  label: string;
  /** A secondary text (an item's title). */
  detail?: string;
  href: string | null;
}

const VERBS: Record<string, string> = {
  "item.create": "created",
  "item.update": "edited",
  "item.move": "re-ranked",
  "user.create": "created user",
  "user.update": "changed user",
  "user.deactivate": "deactivated user",
  "user.reactivate": "reactivated user",
  "team.create": "created team",
  "team.update": "edited team",
  "sprint.started": "started sprint",
  "dependency.created": "logged dependency",
  "dependency.updated": "updated dependency",
};

/** "user.deactivate" → "deactivated user"; unknown actions are spelled out ("kpi.measure" → "kpi measure"). */
export function actionLabel(action: string): string {
  return VERBS[action] ?? action.replaceAll(/[._]/g, " ");
}

/** Bookkeeping columns that say nothing to a reader. */
const HIDDEN_FIELDS = new Set(["id", "version", "rank", "teamId", "createdAt", "updatedAt", "passwordHash", "afterId"]);

const FIELD_LABELS: Record<string, string> = {
  acceptanceCriteria: "Acceptance criteria",
  briefUrl: "Brief link",
  ownerPersonId: "Owner",
  personId: "Linked person",
  orgRole: "Org role",
  active: "Active",
  capacityPoints: "Capacity",
  toTeam: "To team",
  isTask: "Task",
  wipLimit: "WIP limit",
};

/** `acceptanceCriteria` → "Acceptance criteria" (known fields have fixed labels). */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field.replaceAll(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields a record is labelled with (see entityRef). */
const LABEL_FIELDS = new Set(["key", "email", "goal"]);
const PERSON_FIELDS = new Set(["ownerPersonId", "personId"]);
const POINT_FIELDS = new Set(["estimate", "capacityPoints"]);
const MAX_VALUE_LENGTH = 60;

function truncate(text: string): string {
  const flat = text.replaceAll(/\s+/g, " ").trim();
  return flat.length > MAX_VALUE_LENGTH ? `${flat.slice(0, MAX_VALUE_LENGTH - 1)}…` : flat;
}

/** A stored value as short text; "none" for an empty one. */
export function formatValue(field: string, value: unknown, labels: AuditLabels): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") {
    if (PERSON_FIELDS.has(field)) return labels.people.get(value) ?? `person #${value}`;
    if (POINT_FIELDS.has(field)) return `${value} pts`;
    return String(value);
  }
  if (typeof value === "string") {
    // Enum values (IN_PROGRESS, PRODUCT_OWNER) read as words.
    if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(value) && value.length > 1) return enumLabel(value);
    return truncate(value);
  }
  return truncate(JSON.stringify(value));
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The fields whose values differ between the event's before and after snapshots, in the order they were
 * stored. A move is described by where the item went rather than by its rank key.
 */
export function changedFields(event: AuditEventDto, labels: AuditLabels): FieldChange[] {
  const before = asRecord(event.before);
  const after = asRecord(event.after);

  if (event.action === "item.move") {
    const afterId = after?.afterId;
    if (afterId === null) return [{ field: "Position", after: "top of the backlog" }];
    if (typeof afterId === "number") {
      const ref = labels.items.get(afterId);
      return [{ field: "Position", after: `after ${ref?.key ?? `item #${afterId}`}` }];
    }
    return [];
  }

  // Snapshots may be partial (a sprint start records only its status before): a field missing on one side is
  // shown as set (or removed), never as a change from "none".
  const deletion = !after || Object.keys(after).length === 0;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((f) => !HIDDEN_FIELDS.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const hadBefore = before !== null && Object.hasOwn(before, field);
    const hasAfter = after !== null && Object.hasOwn(after, field);
    if (!hasAfter && !deletion) continue; // not recorded afterwards: unknown, not removed
    const was = before?.[field];
    const now = after?.[field];
    if (hadBefore && hasAfter && sameValue(was, now)) continue;
    // A newly set name-like field is what the row is already labelled with.
    if (!hadBefore && LABEL_FIELDS.has(field)) continue;
    changes.push({
      field: fieldLabel(field),
      ...(hadBefore ? { before: formatValue(field, was, labels) } : {}),
      ...(hasAfter ? { after: formatValue(field, now, labels) } : {}),
    });
  }
  return changes;
}

function snapshotText(event: AuditEventDto, field: string): string | null {
  for (const snapshot of [asRecord(event.after), asRecord(event.before)]) {
    const value = snapshot?.[field];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return null;
}

/** What the event was about, and where its page is (if it has one the viewer can use). */
export function entityRef(event: AuditEventDto, labels: AuditLabels, options: { canAdminUsers: boolean }): EntityRef {
  const id = Number(event.entityId);
  switch (event.entityType) {
    case "BacklogItem": {
      const ref = Number.isInteger(id) ? labels.items.get(id) : undefined;
      if (ref) return { label: ref.key, detail: ref.title, href: `/items/${id}` };
      // The item is gone: its key as recorded.
      return { label: snapshotText(event, "key") ?? `item #${event.entityId}`, href: null };
    }
    case "User":
      return {
        label: snapshotText(event, "email") ?? `user #${event.entityId}`,
        href: options.canAdminUsers ? "/admin/users" : null,
      };
    case "Team":
      return {
        label: snapshotText(event, "name") ?? (event.teamId === id ? event.teamName : null) ?? `team #${event.entityId}`,
        href: `/teams/${event.entityId}`,
      };
    case "Dependency":
      return { label: snapshotText(event, "key") ?? `dependency #${event.entityId}`, href: "/dependencies" };
    case "Sprint": {
      const goal = snapshotText(event, "goal");
      return { label: goal ? `“${truncate(goal)}”` : `sprint #${event.entityId}`, href: null };
    }
    default:
      return {
        label: snapshotText(event, "key") ?? snapshotText(event, "name") ?? `${fieldLabel(event.entityType).toLowerCase()} #${event.entityId}`,
        href: null,
      };
  }
}

/** Ids the events refer to that need a label: backlog items (the entity, a move's anchor) and people. */
export function referencedIds(events: readonly AuditEventDto[]): { itemIds: number[]; personIds: number[] } {
  const itemIds = new Set<number>();
  const personIds = new Set<number>();
  for (const event of events) {
    if (event.entityType === "BacklogItem") {
      const id = Number(event.entityId);
      if (Number.isInteger(id)) itemIds.add(id);
    }
    for (const snapshot of [asRecord(event.before), asRecord(event.after)]) {
      if (!snapshot) continue;
      if (event.action === "item.move" && typeof snapshot.afterId === "number") itemIds.add(snapshot.afterId);
      for (const field of PERSON_FIELDS) {
        const value = snapshot[field];
        if (typeof value === "number") personIds.add(value);
      }
    }
  }
  return { itemIds: [...itemIds], personIds: [...personIds] };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", "6 weeks ago" (past instants). */
export function formatRelative(isoInstant: string, nowMs: number): string {
  const at = new Date(isoInstant).getTime();
  if (Number.isNaN(at)) return isoInstant;
  const diff = nowMs - at;
  if (diff < MINUTE) return "just now";
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (diff < HOUR) return plural(Math.floor(diff / MINUTE), "minute");
  if (diff < DAY) return plural(Math.floor(diff / HOUR), "hour");
  const days = Math.floor(diff / DAY);
  if (days === 1) return "yesterday";
  if (days < 14) return plural(days, "day");
  if (days < 60) return plural(Math.floor(days / 7), "week");
  return plural(Math.floor(days / 30), "month");
}
