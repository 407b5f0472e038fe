import { z } from "zod";

/** A job run's id (bigint, sent as digits). */
export const RetryJobRunSchema = z.object({
  runId: z.string({ message: "Choose a run" }).regex(/^\d{1,18}$/, "Choose a run").transform((s) => BigInt(s)),
});
