import "server-only";
import { getDb } from "@/lib/db/client";

/** Round-trips to the database; resolves with the number of applied migrations. */
export async function pingDatabase(): Promise<{ migrations: number }> {
  const rows = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
  return { migrations: rows[0]?.n ?? 0 };
}
