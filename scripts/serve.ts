/**
 * Serves the production app with a migrated (and, when asked, seeded) database.
 *
 *   tsx scripts/serve.ts [--port 3000] [--seed if-empty|always|never] [--build if-stale|never]
 *
 * `npm run demo` (README's first command) uses it with the defaults: build when the sources are newer than the
 * last build, migrate, seed the demo organisation into an empty database, start the local SMTP server (mail is
 * kept in .data/mail and shown at /admin/mail), then `next start` with the job worker inside the app server.
 * The Playwright tests use it with `--seed always` on a database of their own.
 *
 * Why the worker runs inside the app server here (`--worker in-process`, the default): on the embedded database
 * (PGlite) there is one database session, so every query must go through one connection; a worker in another
 * process would open a second one and interleave its transactions with the app's. Inside the app server it
 * shares the app's one-connection pool (lib/db/pool.ts). `--worker none` leaves jobs to a separate
 * `npm run worker` (PostgreSQL only).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { MigrationError, migrate } from "../lib/db/migrate";
import { type CaptureServer, startCaptureServer } from "../lib/mail/capture-server";
import { describeConnectionError } from "../lib/db/database-url";
import { fail, run, withDatabase } from "./with-db";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    seed: { type: "string", default: "if-empty" },
    build: { type: "string", default: "if-stale" },
    worker: { type: "string", default: "in-process" },
    mail: { type: "string", default: "local" },
  },
});
if (!["in-process", "none"].includes(values.worker)) fail(`--worker must be in-process or none (got "${values.worker}")`);
if (!["local", "env"].includes(values.mail)) fail(`--mail must be local or env (got "${values.mail}")`);
const port = values.port;
if (!/^\d+$/.test(port)) fail(`--port must be a number (got "${port}")`);

if (values.build === "if-stale" && buildIsStale()) {
  console.log("Building the app (next build)…");
  const code = await run("npx", ["next", "build"]);
  if (code !== 0) fail("next build failed (see above)");
}

const code = await withDatabase(async (dbEnv) => {
  try {
    const result = await migrate({ connectionString: dbEnv.DATABASE_URL });
    if (result.applied.length) console.log(`Applied ${result.applied.length} migration(s).`);
  } catch (error) {
    fail(error instanceof MigrationError ? error.message : describeConnectionError(error, dbEnv.DATABASE_URL));
  }
  if (values.seed === "always" || (values.seed === "if-empty" && (await isEmpty(dbEnv.DATABASE_URL)))) {
    const seeded = await run("npx", ["tsx", "prisma/seed.ts"], { ...dbEnv });
    if (seeded !== 0) fail("seeding the demo data failed (see above)");
  }
  const opsEnv: Record<string, string> = {
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    WORKER_IN_PROCESS: values.worker === "in-process" ? "1" : "0",
    // The demo's webhooks may point at a receiver on this machine.
    WEBHOOK_ALLOW_PRIVATE: process.env.WEBHOOK_ALLOW_PRIVATE ?? "1",
  };
  let mail: CaptureServer | null = null;
  if (values.mail === "local" && !process.env.SMTP_URL) {
    // The project's own SMTP server: nothing leaves the machine; /admin/mail shows what arrived.
    const dir = path.resolve(process.env.MAIL_CAPTURE_DIR ?? path.join(".data", `mail-${port}`));
    mail = await startCaptureServer({ dir });
    Object.assign(opsEnv, { SMTP_URL: mail.url, MAIL_CAPTURE_DIR: dir });
    console.log(`Local mail server on ${mail.url} (messages in ${path.relative(process.cwd(), dir)}, shown at /admin/mail)`);
  }
  console.log(`\nMarketing Portfolio is running at http://localhost:${port}  (Ctrl+C to stop)\n`);
  try {
    return await run("npx", ["next", "start", "-p", port, "-H", "0.0.0.0"], { ...dbEnv, ...opsEnv });
  } finally {
    await mail?.stop();
  }
});
process.exit(code);

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM organization`);
    return (rows[0]?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

/** True when there is no production build or a source file changed after it. */
function buildIsStale(): boolean {
  const buildId = path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name !== "generated" && newer(p);
      return statSync(p).mtimeMs > built;
    });
  return ["app", "components", "lib", "public"].some((d) => newer(path.resolve(d))) ||
    ["next.config.ts", "package.json", "tailwind.config.ts"].some((f) => existsSync(f) && statSync(f).mtimeMs > built);
}
