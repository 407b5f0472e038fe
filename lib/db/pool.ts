import type pg from "pg";

/**
 * The process's one connection pool, shared by Prisma (lib/db/client.ts creates it, with the app's session
 * settings) and the job queue (lib/jobs/boss.ts, through getPool in client.ts).
 *
 * Sharing matters on the embedded database: PGlite is one session, so every query of the process has to go
 * through one connection (DATABASE_POOL_MAX=1) or two transactions interleave. With one pool the queue waits
 * for the app's transaction to finish, like any other query. On PostgreSQL it just saves connections.
 */
const holder = globalThis as unknown as { dbPool?: pg.Pool };

export function sharedPool(create: () => pg.Pool): pg.Pool {
  if (holder.dbPool && !holder.dbPool.ended) return holder.dbPool;
  const pool = create();
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  holder.dbPool = pool;
  return pool;
}

/** Closes the shared pool (scripts and tests, at exit). */
export async function closePool(): Promise<void> {
  const pool = holder.dbPool;
  delete holder.dbPool;
  await pool?.end();
}
