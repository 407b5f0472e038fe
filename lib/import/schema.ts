import { z } from "zod";
import { idField, textField } from "@/lib/validation/fields";

/** Two megabytes of CSV is far more than MAX_IMPORT_ROWS rows of a Jira export. */
export const MAX_IMPORT_CHARS = 2_000_000;

/**
 * A CSV import into a team's backlog. `preview` plans and changes nothing; `commit` applies the plan in one
 * transaction, and with `expectedDigest` (the preview's) only if the plan is still the one that was shown.
 */
export const ImportBacklogSchema = z.object({
  teamId: idField("Choose a team"),
  csv: textField({ label: "The file", min: 1, max: MAX_IMPORT_CHARS, multiline: true, minMessage: "Choose a CSV file", maxMessage: "The file is larger than 2 MB; split it" }),
  mode: z.enum(["preview", "commit"]),
  expectedDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ImportBacklogInput = z.input<typeof ImportBacklogSchema>;
