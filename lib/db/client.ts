import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client (Prisma 7 with the pg driver adapter: no native engine). Cached on globalThis so
 * dev-server reloads do not open a new pool each time.
 */
function createClient(): PrismaClient {
  const e = env();
  // Rollups are raw SQL with unqualified table names: point search_path at the schema too (tests give each
  // file its own schema; the app uses public).
  const searchPath = e.DATABASE_SCHEMA === "public" ? {} : { options: `-c search_path=${e.DATABASE_SCHEMA}` };
  const adapter = new PrismaPg(
    { connectionString: e.DATABASE_URL, max: e.DATABASE_POOL_MAX, ...searchPath },
    { schema: e.DATABASE_SCHEMA },
  );
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}

export type Db = PrismaClient;
