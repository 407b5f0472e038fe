import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env, type Env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sharedPool } from "./pool";

/**
 * The one Prisma client (Prisma 7 with the pg driver adapter: no native engine). Cached on globalThis so
 * dev-server reloads do not open a new pool each time.
 *
 * Every connection of the pool starts with the app's session settings (PostgreSQL servers only: the embedded
 * PGlite ignores startup options and is one session anyway):
 * - statement_timeout and lock_timeout (DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_LOCK_TIMEOUT_MS): one slow query or
 *   one held lock cannot stall every request; a write that hits either is answered "the database is busy"
 *   (lib/actions/guarded.ts, SQLSTATE 57014 / 55P03) and rolled back whole;
 * - idle_in_transaction_session_timeout, so a transaction abandoned by a crashed request frees its locks;
 * - jit = off: every query here is short; JIT compilation only ever added time (up to seconds on the rollups and
 *   metrics, whose recursive CTEs have large row estimates);
 * - the pool size is DATABASE_POOL_MAX.
 */
export function sessionOptions(e: Pick<Env, "DATABASE_SCHEMA" | "DATABASE_STATEMENT_TIMEOUT_MS" | "DATABASE_LOCK_TIMEOUT_MS" | "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS">): string {
  const settings = [
    // Rollups are raw SQL with unqualified table names: point search_path at the schema too (tests give each
    // file its own schema; the app uses public).
    ...(e.DATABASE_SCHEMA === "public" ? [] : [`search_path=${e.DATABASE_SCHEMA}`]),
    `statement_timeout=${e.DATABASE_STATEMENT_TIMEOUT_MS}`,
    `lock_timeout=${e.DATABASE_LOCK_TIMEOUT_MS}`,
    `idle_in_transaction_session_timeout=${e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
    "jit=off",
  ];
  return settings.map((s) => `-c ${s}`).join(" ");
}

function createClient(): PrismaClient {
  const e = env();
  // The process's one pool, shared with the job queue (lib/db/pool.ts: on the embedded database everything must go
  // through one connection).
  const pool = sharedPool(() => {
    const created = new pg.Pool({ connectionString: e.DATABASE_URL, max: e.DATABASE_POOL_MAX, options: sessionOptions(e) });
    if (e.DATABASE_LOG_QUERIES === "1") logStatementTimes(created);
    return created;
  });
  const adapter = new PrismaPg(pool, { schema: e.DATABASE_SCHEMA, disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/**
 * Reports each statement's time on stderr, measured on the connection (after it left the pool, so waiting for a
 * free connection is not counted): what `npm run bench` compares a page's time with.
 */
function logStatementTimes(pool: pg.Pool) {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const started = performance.now();
      const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
      const report = () => process.stderr.write(`[db] ${(performance.now() - started).toFixed(1)} ms ${text.replace(/\s+/g, " ").slice(0, 100)}\n`);
      const result = query(...args);
      if (result instanceof Promise) void result.then(report, report);
      return result;
    };
  });
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

/** The pool under the Prisma client (the job queue runs its SQL on it). */
export function getPool(): pg.Pool {
  getDb();
  return sharedPool(() => {
    throw new Error("unreachable: getDb() created the pool");
  });
}

export function getDb(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}

export type Db = PrismaClient;
