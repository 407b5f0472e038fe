import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MigrationError, listMigrations, migrate } from "@/lib/db/migrate";
import { testDatabase } from "@/tests/support/db";

const tmp = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("db:migrate", () => {
  it("is safe to run twice: the second run applies nothing", async () => {
    const db = testDatabase();
    const all = await listMigrations(path.resolve("prisma/migrations"));
    const again = await migrate({ connectionString: db.url, schema: db.schema });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(all.map((m) => m.name));
  });

  it("records migrations the way prisma migrate deploy does (name, sha256 checksum, finished)", async () => {
    const db = testDatabase();
    const all = await listMigrations(path.resolve("prisma/migrations"));
    const rows = await db.sql<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(all.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const db = testDatabase();
    const dir = path.join(tmp, "broken");
    cpSync(path.resolve("prisma/migrations"), dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_broken"));
    writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "half_applied" (id int);\nALTER TABLE "team" ADD COLUMN "oops" no_such_type;\n`,
    );
    await expect(migrate({ connectionString: db.url, schema: db.schema, migrationsDir: dir })).rejects.toThrow(
      MigrationError,
    );
    const tables = await db.sql(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'half_applied'`, [db.schema]);
    expect(tables).toHaveLength(0);
    const recorded = await db.sql(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
    expect(recorded).toHaveLength(0);
  });
});
