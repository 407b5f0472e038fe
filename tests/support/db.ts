import type { TestDatabase } from "./test-database";

/** The current test file's database (created by setup-database.ts). */
export function testDatabase(): TestDatabase {
  const db = (globalThis as { testDatabase?: TestDatabase }).testDatabase;
  if (!db) throw new Error("No test database: is this file in the integration project?");
  return db;
}
