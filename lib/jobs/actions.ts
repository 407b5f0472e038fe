"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { loadJobRun, requestRetry } from "./mutations";
import { RetryJobRunSchema } from "./schema";

/** Runs a failed job again, with the same input (admins). The next scheduler tick sends it, within a minute. */
export const retryJobRunAction = guardedAction({
  name: "jobs.retry",
  schema: RetryJobRunSchema,
  load: (tx, input) => loadJobRun(tx, input.runId),
  authorize: () => ({ action: "ops.admin" }),
  run: (tx, run) => requestRetry(tx, run),
  revalidate: () => ["/admin/jobs"],
  notFound: "That run no longer exists.",
});
