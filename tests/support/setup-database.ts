/**
 * Setup file of the integration project: before a test file's own imports run, give it a migrated database of
 * its own and point lib/env at it; afterwards disconnect and drop it.
 */
import { afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";

const database: TestDatabase = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.DATABASE_SCHEMA = database.schema;
process.env.DATABASE_POOL_MAX = String(database.poolMax);
process.env.DATABASE_EMBEDDED = database.embedded ? "1" : "0";
(globalThis as { testDatabase?: TestDatabase }).testDatabase = database;

afterAll(async () => {
  const holder = globalThis as { prisma?: { $disconnect: () => Promise<void> } };
  await holder.prisma?.$disconnect();
  delete holder.prisma;
  await database.drop();
});
