/**
 * Whether an error means the database could not be reached or dropped the connection (down, restarting,
 * refusing connections, out of connection slots) — as opposed to a bug or a rule the data broke. Callers
 * answer these with "The database is unavailable; nothing was saved. Try again." and never with the error
 * itself (it names the host and port). Recognises Prisma's codes, the pg driver adapter's error kinds,
 * PostgreSQL SQLSTATEs and Node's socket errors, anywhere in the error's cause chain.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// 08: connection exception; 57P01..57P03: admin shutdown, crash shutdown, cannot connect now; 53300: too many connections.
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ECONNABORTED"]);
const MESSAGES = /Can't reach database server|Connection terminated|Client has encountered a connection error|connection timeout|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Server has closed the connection|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== "object") return false;
  const e = error as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; name?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || NODE_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (typeof e.originalCode === "string" && SQLSTATES.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  if (meta?.driverAdapterError && isDatabaseUnavailable(meta.driverAdapterError, depth + 1)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** What a person sees when the database is unavailable. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; nothing was saved. Try again.";
