/**
 * Runs the Prisma CLIs offline. Prisma 7's CLI downloads engines it does not need for `generate`; pointing
 * these variables at any executable stops that (ENVIRONMENT.md). Prisma 6.19's CLI (installed as `prisma6`)
 * has a WebAssembly schema engine and is used only for `migrate diff`.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const offlineEnv = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

export function prismaGenerate(): void {
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
    stdio: "inherit",
    env: offlineEnv,
  });
}

/** Prisma 6 requires a url in the datasource block, Prisma 7 forbids one: add it to a temporary copy. */
function withUrl(schemaFile: string, dir: string, name: string): string {
  const text = readFileSync(schemaFile, "utf8").replace(
    /(datasource db \{\s*provider\s*=\s*"postgresql")/,
    '$1\n  url = env("PRISMA6_DIFF_URL")',
  );
  const out = path.join(dir, `${name}.prisma`);
  writeFileSync(out, text);
  return out;
}

/**
 * SQL that takes a database from schema `from` (or empty when null) to schema `to`. Prisma 6's wasm engine
 * opens a connection through the adapter even for a schema-to-schema diff, so `connectionString` must name a
 * reachable Postgres (it is not written to).
 */
export async function diffSql(from: string | null, to: string, connectionString: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "prisma-diff-"));
  try {
    const fromArgs = from ? ["--from-schema-datamodel", withUrl(from, dir, "from")] : ["--from-empty"];
    // Asynchronous on purpose: the embedded database may be served from this very process.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.resolve("node_modules/prisma6/build/index.js"),
        "migrate",
        "diff",
        "--config",
        path.resolve("prisma/prisma6.config.ts"),
        ...fromArgs,
        "--to-schema-datamodel",
        withUrl(to, dir, "to"),
        "--script",
      ],
      { env: { ...offlineEnv, PRISMA6_DIFF_URL: connectionString }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
