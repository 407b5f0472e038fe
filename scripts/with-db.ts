/**
 * Runs a command with a database: the PostgreSQL named by DATABASE_URL (checked first, so a bad URL is one
 * clear line and a non-zero exit), or, when DATABASE_URL is unset, the embedded PGlite database with its data
 * in .data/pglite, served on a local port for as long as the command runs.
 *
 *   tsx scripts/with-db.ts <command> [args...]
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { DatabaseUrlError, describeConnectionError, parseDatabaseUrl } from "../lib/db/database-url";
import { startEmbeddedDatabase } from "../lib/db/embedded";

// EMBEDDED_DATA_DIR lets the browser tests use a database of their own beside the demo's.
const DATA_DIR = path.resolve(process.env.EMBEDDED_DATA_DIR ?? path.join(".data", "pglite"));
const LOCK_FILE = `${DATA_DIR}.lock.json`;

export interface DatabaseEnv {
  DATABASE_URL: string;
  DATABASE_POOL_MAX?: string;
  DATABASE_EMBEDDED: "0" | "1";
  NEXTAUTH_SECRET: string;
  AUTH_TRUST_HOST: string;
}

/** The session-signing secret: NEXTAUTH_SECRET when given, else one made once and kept in .data/auth-secret. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// next-auth derives its URLs from the request's host (the app runs on whatever address it is given).
const authEnv = () => ({ NEXTAUTH_SECRET: authSecret(), AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true" });

/** Checks that the URL is well formed and reachable; returns an error line, or null when usable. */
export async function checkDatabase(url: string): Promise<string | null> {
  try {
    parseDatabaseUrl(url);
  } catch (error) {
    if (error instanceof DatabaseUrlError) return error.message;
    throw error;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return describeConnectionError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Provides a database to `fn`, starting (or reusing) the embedded one when DATABASE_URL is unset. */
export async function withDatabase<T>(fn: (env: DatabaseEnv) => Promise<T>): Promise<T> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const problem = await checkDatabase(given);
    if (problem) fail(problem);
    return fn({ DATABASE_URL: given, DATABASE_EMBEDDED: "0", ...authEnv() });
  }
  const running = runningEmbedded();
  if (running) {
    return fn({ DATABASE_URL: running, DATABASE_POOL_MAX: "1", DATABASE_EMBEDDED: "1", ...authEnv() });
  }
  const embedded = await startEmbeddedDatabase({ dataDir: DATA_DIR });
  writeFileSync(LOCK_FILE, JSON.stringify({ pid: process.pid, url: embedded.url }));
  const stop = async () => {
    rmSync(LOCK_FILE, { force: true });
    await embedded.stop();
  };
  try {
    return await fn({ DATABASE_URL: embedded.url, DATABASE_POOL_MAX: "1", DATABASE_EMBEDDED: "1", ...authEnv() });
  } finally {
    await stop();
  }
}

/** PGlite's data directory can be opened by one process only: reuse the server another command started. */
function runningEmbedded(): string | null {
  if (!existsSync(LOCK_FILE)) return null;
  try {
    const { pid, url } = JSON.parse(readFileSync(LOCK_FILE, "utf8")) as { pid: number; url: string };
    process.kill(pid, 0);
    return url;
  } catch {
    rmSync(LOCK_FILE, { force: true });
    return null;
  }
}

/** Runs a command with the database variables added; resolves with its exit code. */
export function run(command: string, args: string[], extraEnv: Partial<DatabaseEnv> & Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on("error", (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(127);
    });
  });
}

export function fail(line: string): never {
  console.error(`error: ${line}`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) fail("usage: tsx scripts/with-db.ts <command> [args...]");
  const code = await withDatabase((dbEnv) => run(command, args, { ...dbEnv }));
  process.exit(code);
}
