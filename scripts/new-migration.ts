/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
 * that takes the last migrated schema (prisma/last-migrated.prisma) to prisma/schema.prisma, then records the
 * new snapshot. Add hand-written rules (CHECK constraints, partial indexes named db_rule_*) to the file before
 * committing; the drift test checks the result against schema.prisma.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSql } from "./prisma-cli";
import { withDatabase } from "./with-db";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(1);
}
const snapshot = path.resolve("prisma/last-migrated.prisma");
const schema = path.resolve("prisma/schema.prisma");
const sql = await withDatabase(async (dbEnv) =>
  diffSql(existsSync(snapshot) ? snapshot : null, schema, dbEnv.DATABASE_URL),
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("schema.prisma has no changes since the last migration; nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.resolve("prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, snapshot);
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
