import type { TestDatabase } from "./test-database";

/**
 * A comparable description of one schema's structure: enums, columns, constraints and indexes, with the
 * schema name taken out of definitions. Objects named db_rule_* (hand-written rules Prisma cannot express)
 * are listed separately.
 */
export interface Catalog {
  objects: string[];
  rules: string[];
}

export async function readCatalog(db: TestDatabase, schema: string): Promise<Catalog> {
  const strip = (s: string) => s.replaceAll(`"${schema}".`, "").replaceAll(`${schema}.`, "");
  const enums = await db.sql<{ name: string; labels: string }>(
    `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  const columns = await db.sql<{ tbl: string; col: string; type: string; notnull: boolean; def: string | null }>(
    `SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'`,
    [schema],
  );
  const constraints = await db.sql<{ tbl: string; name: string; def: string }>(
    `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations' AND k.contype <> 'n'`,
    [schema],
  );
  const indexes = await db.sql<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`,
    [schema],
  );
  const objects: string[] = [];
  const rules: string[] = [];
  for (const e of enums) objects.push(`enum ${e.name} (${e.labels})`);
  for (const c of columns) {
    // Sequence names embed the schema-independent table name; normalise the nextval() argument.
    const def = c.def ? strip(c.def).replace(/nextval\('[^']+'::regclass\)/, "nextval(<seq>)") : "";
    objects.push(`column ${c.tbl}.${c.col} ${strip(c.type)}${c.notnull ? " not null" : ""}${def ? ` default ${def}` : ""}`);
  }
  for (const k of constraints) (k.name.startsWith("db_rule_") ? rules : objects).push(`constraint ${k.tbl}.${k.name} ${strip(k.def)}`);
  for (const i of indexes) (i.name.startsWith("db_rule_") ? rules : objects).push(`index ${strip(i.def)}`);
  return { objects: objects.sort(), rules: rules.sort() };
}
