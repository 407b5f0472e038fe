import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

/**
 * A database of one test file's own: a fresh schema in the PostgreSQL named by TEST_DATABASE_URL (dropped
 * afterwards), or, when none is given, a fresh in-memory embedded PGlite served on a local port.
 */
export interface TestDatabase {
  url: string;
  schema: string;
  poolMax: number;
  embedded: boolean;
  /** Runs raw SQL with search_path set to this database's schema. */
  sql: <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;
  drop: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    await migrate({ connectionString: base, schema });
    return {
      url: base,
      schema,
      poolMax: 4,
      embedded: false,
      sql: (text, params) => query(base, schema, text, params),
      drop: () => query(base, "public", `DROP SCHEMA IF EXISTS "${schema}" CASCADE`).then(() => {}),
    };
  }
  const embedded = await startEmbeddedDatabase();
  await migrate({ connectionString: embedded.url });
  return {
    url: embedded.url,
    schema: "public",
    poolMax: 1,
    embedded: true,
    sql: (text, params) => query(embedded.url, "public", text, params),
    drop: () => embedded.stop(),
  };
}

async function query<R extends pg.QueryResultRow>(url: string, schema: string, text: string, params?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    const result = await client.query<R>(text, params);
    return result.rows;
  } finally {
    await client.end();
  }
}
