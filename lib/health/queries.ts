import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/db/client";

/** Round-trips to the database; resolves with the number of applied migrations. */
export async function pingDatabase(): Promise<{ migrations: number }> {
  const rows = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  return { migrations: rows[0]?.n ?? 0 };
}

/** The migrations this build ships (prisma/migrations, traced into the standalone build by next.config.ts). */
async function shippedMigrations(): Promise<string[] | null> {
  try {
    const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return null;
  }
}

export interface Readiness {
  ready: boolean;
  applied: number;
  pending: string[];
  problem: string | null;
}

/**
 * Ready means: the database answers within `timeoutMs`, and every migration this build ships has been applied
 * (a replica of a newer build waits for the one-shot migrate service instead of serving a schema it does not know).
 */
export async function checkReadiness(timeoutMs = 3000): Promise<Readiness> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs).unref());
  try {
    const rows = await Promise.race([
      getDb().$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      timeout,
    ]);
    const applied = new Set(rows.map((r) => r.name));
    const shipped = await shippedMigrations();
    const pending = (shipped ?? []).filter((m) => !applied.has(m));
    return {
      ready: pending.length === 0,
      applied: applied.size,
      pending,
      problem: pending.length ? `${pending.length} migration(s) not applied yet` : null,
    };
  } catch (error) {
    const message = error instanceof Error && /_prisma_migrations/.test(error.message) ? "the database has no migrations applied" : "database unreachable";
    return { ready: false, applied: 0, pending: [], problem: message };
  }
}
