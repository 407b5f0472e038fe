import "server-only";
import type { AuditEventDto } from "@/lib/audit/queries";
import { getItemRefs } from "@/lib/items/queries";
import { listPersonOptions } from "@/lib/users/queries";
import { referencedIds, type AuditLabels } from "./describe-event";

/** Looks up the item keys and people's names a page of audit events refers to (two reads at most). */
export async function loadAuditLabels(events: readonly AuditEventDto[]): Promise<AuditLabels> {
  const { itemIds, personIds } = referencedIds(events);
  const [items, people] = await Promise.all([
    getItemRefs(itemIds),
    personIds.length > 0 ? listPersonOptions() : Promise.resolve([]),
  ]);
  return {
    items: new Map(items.map((i) => [i.id, { key: i.key, title: i.title }])),
    people: new Map(people.map((p) => [p.id, p.name])),
  };
}
