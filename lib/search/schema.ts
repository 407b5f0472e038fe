import { z } from "zod";

export const SEARCH_KINDS = ["people", "items", "teams"] as const;
export const ITEM_LEVELS_SEARCHABLE = ["THEME", "EPIC", "FEATURE", "STORY"] as const;

/** The query string of /api/search/<kind>: what was typed (bounded) and optional filters. */
export const SearchQuerySchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  q: z.string().max(100, "Search for at most 100 characters").default(""),
  teamId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  levels: z
    .string()
    .max(60)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const levels = v.split(",");
      if (!levels.every((l): l is (typeof ITEM_LEVELS_SEARCHABLE)[number] => (ITEM_LEVELS_SEARCHABLE as readonly string[]).includes(l))) {
        ctx.addIssue({ code: "custom", message: "Unknown level" });
        return z.NEVER;
      }
      return levels as (typeof ITEM_LEVELS_SEARCHABLE)[number][];
    }),
  /** Leave out finished items (done, cancelled). */
  open: z.enum(["1"]).optional(),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;
