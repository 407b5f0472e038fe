import { z } from "zod";

/** A route segment that names a row by its integer id: digits only, within the int4 range. */
const IdParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

/** The id in a dynamic segment, or null when the segment is not a valid id (the page should 404). */
export function parseIdParam(value: string): number | null {
  const parsed = IdParamSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
