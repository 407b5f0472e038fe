import { z } from "zod";
import { idField } from "@/lib/validation/fields";
import { EMPTY_MAPPING, MappingSchema } from "./mapping";

/**
 * How large an upload may be: Atlassian suggests up to 1,500 issues a file (about 4 MB at real density); the
 * route takes 25 MB, room for 10,000 rows with long descriptions, and streams it (never a server action body).
 */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
export const TOO_LARGE_MESSAGE = `The file is larger than ${MB(MAX_IMPORT_BYTES)}. Export fewer issues at a time from Jira (filter by created date or epic) and import each file.`;

/**
 * An import into a team's backlog. `preview` plans and changes nothing; `commit` applies the plan in one
 * transaction — every row, or (with `skipInvalid`) every valid row — and with `expectedDigest` (the preview's)
 * only if the plan is still the one that was shown.
 */
export const ImportBacklogSchema = z.object({
  teamId: idField("Choose a team"),
  // The file stays exactly as Jira wrote it (not textField: trimming or NFC would change cells, and one stray
  // control character in a description must not refuse the whole file); each cell is checked as a row is planned.
  csv: z.string().min(1, "Choose a CSV file").max(MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE),
  mode: z.enum(["preview", "commit"]),
  mapping: MappingSchema.default(EMPTY_MAPPING),
  skipInvalid: z.boolean().default(false),
  expectedDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ImportBacklogInput = z.input<typeof ImportBacklogSchema>;

/** The request body's JSON part for the upload route (the file itself is the other part). */
export const ImportRequestSchema = z.object({
  mode: z.enum(["preview", "commit"]),
  mapping: MappingSchema,
  skipInvalid: z.boolean().default(false),
  expectedDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export const ForgetMappingSchema = z.object({ teamId: idField("Choose a team") });
