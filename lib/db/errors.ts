/**
 * Recognising database errors the user can do something about. Prisma (through the pg driver adapter) wraps the
 * server's error: the SQLSTATE may sit on the error, on its `cause`, or in Prisma's `meta`, so the chain is
 * searched. Pure: no I/O.
 */

/** 57014 query_canceled (statement_timeout), 55P03 lock_not_available (lock_timeout, NOWAIT). */
const BUSY_CODES = new Set(["57014", "55P03"]);
const BUSY_TEXT = /canceling statement due to (statement|lock) timeout|could not obtain lock|lock timeout/i;

/** The error and everything it wraps (cause, Prisma's meta and its driverAdapterError, aggregated errors). */
function chain(error: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 6 || error === null || typeof error !== "object") return [];
  const e = error as Record<string, unknown>;
  const inner = [e.cause, e.meta, e.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [e, ...inner.flatMap((x) => chain(x, depth + 1))];
}

const sqlStates = (error: unknown) =>
  chain(error).flatMap((e) => [e.code, e.originalCode].filter((c): c is string => typeof c === "string"));
const messages = (error: unknown) =>
  chain(error).flatMap((e) => [e.message, e.originalMessage].filter((m): m is string => typeof m === "string"));

/** The statement was cancelled by statement_timeout, or gave up waiting for a lock (lock_timeout). */
export function isDatabaseBusy(error: unknown): boolean {
  return sqlStates(error).some((c) => BUSY_CODES.has(c)) || messages(error).some((m) => BUSY_TEXT.test(m));
}
