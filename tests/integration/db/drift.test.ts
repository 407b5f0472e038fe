import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/db/migrate";
import { diffSql } from "@/scripts/prisma-cli";
import { readCatalog } from "@/tests/support/catalog";
import { testDatabase } from "@/tests/support/db";

/**
 * Drift: the database built by prisma/migrations must be exactly the one schema.prisma describes.
 * The migrated schema (made by the harness) is compared with a schema built from SQL that Prisma generates
 * straight from schema.prisma; hand-written rules (db_rule_*) must exist on top.
 */
describe("migrations and schema.prisma", () => {
  it("describe the same database (no drift)", async () => {
    const db = testDatabase();
    const fromSchema = await diffSql(null, path.resolve("prisma/schema.prisma"), db.url);
    const reference = db.embedded ? "drift_ref" : `${db.schema}_ref`;
    await db.sql(`CREATE SCHEMA "${reference}"`);
    try {
      await db.sql(`SET search_path TO "${reference}"; ${fromSchema}`);
      const migrated = await readCatalog(db, db.schema);
      const expected = await readCatalog(db, reference);
      expect(migrated.objects).toEqual(expected.objects);
      expect(expected.rules).toEqual([]);
    } finally {
      await db.sql(`DROP SCHEMA "${reference}" CASCADE`);
    }
  });

  it("holds every hand-written rule the migrations declare", async () => {
    const db = testDatabase();
    const migrationsSql = (await listMigrations(path.resolve("prisma/migrations"))).map((m) => m.sql).join("\n");
    const declared = [...migrationsSql.matchAll(/"(db_rule_[a-z_]+)"/g)].map((m) => m[1]);
    const { rules } = await readCatalog(db, db.schema);
    expect(declared.length).toBeGreaterThan(20);
    for (const name of declared) expect(rules.some((r) => r.includes(`.${name} `) || r.includes(` ${name} `))).toBe(true);
  });

  it("keeps the authoring snapshot in step with schema.prisma", () => {
    // scripts/new-migration.ts diffs from this snapshot; if it lags, the next migration would be wrong.
    const snapshot = readFileSync(path.resolve("prisma/last-migrated.prisma"), "utf8");
    const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    expect(snapshot).toBe(schema);
  });
});
