import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchQuery } from "./schema";

/** One choice in a searchable picker (components/ui/combobox.tsx). */
export interface SearchOption {
  value: string;
  label: string;
  hint?: string;
}

export const SEARCH_LIMIT = 20;

/** `%text%` for ILIKE with the user's own wildcards taken literally. */
const contains = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The first matches of a picker search, plus whether there are more: people by name or email, teams by name,
 * backlog items by key or title (optionally one team's, some levels, open only; newest first). At most
 * SEARCH_LIMIT + 1 rows leave the database whatever the size of the table.
 */
export async function searchOptions(query: SearchQuery): Promise<{ options: SearchOption[]; more: boolean }> {
  const pattern = contains(query.q);
  const take = SEARCH_LIMIT + 1;
  let rows: SearchOption[];
  if (query.kind === "people") {
    const people = await getDb().$queryRaw<{ id: number; name: string; email: string }[]>(Prisma.sql`
      SELECT id, name, email FROM person
       WHERE name ILIKE ${pattern} OR email ILIKE ${pattern}
       ORDER BY name, id LIMIT ${take}`);
    rows = people.map((p) => ({ value: String(p.id), label: p.name, hint: p.email }));
  } else if (query.kind === "teams") {
    const teams = await getDb().$queryRaw<{ id: number; name: string; kind: string }[]>(Prisma.sql`
      SELECT id, name, kind::text AS kind FROM team
       WHERE archived_at IS NULL AND name ILIKE ${pattern}
       ORDER BY name, id LIMIT ${take}`);
    rows = teams.map((t) => ({ value: String(t.id), label: t.name, hint: t.kind === "SHARED_SERVICE" ? "Shared service" : "Delivery pod" }));
  } else {
    const filters: Prisma.Sql[] = [Prisma.sql`(i.key ILIKE ${pattern} OR i.title ILIKE ${pattern})`];
    if (query.teamId !== undefined) filters.push(Prisma.sql`i.team_id = ${query.teamId}`);
    if (query.levels?.length) filters.push(Prisma.sql`i.level::text IN (${Prisma.join(query.levels)})`);
    if (query.open) filters.push(Prisma.sql`i.status NOT IN ('DONE', 'CANCELLED')`);
    const items = await getDb().$queryRaw<{ id: number; key: string; title: string; team: string | null }[]>(Prisma.sql`
      SELECT i.id, i.key, i.title, t.name AS team
        FROM backlog_item i LEFT JOIN team t ON t.id = i.team_id
       WHERE ${Prisma.join(filters, " AND ")}
       ORDER BY i.id DESC LIMIT ${take}`);
    rows = items.map((i) => ({ value: String(i.id), label: `${i.key} ${i.title}`, hint: i.team ?? "Portfolio" }));
  }
  return { options: rows.slice(0, SEARCH_LIMIT), more: rows.length > SEARCH_LIMIT };
}
