/**
 * Two production servers, one PostgreSQL (issue 16): starts the standalone build twice (each with the job worker
 * inside, so two workers compete too), then drives concurrent edits, re-ranks and job runs through both and checks
 * the database: no lost update, no duplicate rank, no duplicate notification, no job run twice. Prints figures
 * and exits non-zero on any violation.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ops_two npx tsx tests/two-instances/run.ts [--ports 3422,3423]
 *
 * Needs `npm run build` first (it runs .next/standalone/server.js). The database is emptied and re-created.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import PgBoss from "pg-boss";
import { migrate } from "../../lib/db/migrate";

const { values } = parseArgs({ options: { ports: { type: "string", default: "3422,3423" } } });
const ports = values.ports.split(",").map(Number);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database this test may empty (e.g. .../ops_two).");
const standalone = path.resolve(".next/standalone/server.js");
if (!existsSync(standalone)) throw new Error("No standalone build: run `npm run build` first.");
// The standalone server serves static assets only when they sit beside it (what the Dockerfile copies too).
cpSync(".next/static", ".next/standalone/.next/static", { recursive: true });
cpSync("public", ".next/standalone/public", { recursive: true });
cpSync("prisma/migrations", ".next/standalone/prisma/migrations", { recursive: true });

const db = new pg.Client({ connectionString: url });
await db.connect();
const q = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await db.query<R>(text, params)).rows;
await q(`DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE; CREATE SCHEMA public`);
await migrate({ connectionString: url });
await run("npx", ["tsx", "prisma/seed.ts"], { DATABASE_URL: url });

// Two servers, the same secrets, each with a worker inside (WORKER_IN_PROCESS=1).
const shared = {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  AUTH_TRUST_HOST: "true",
  WORKER_IN_PROCESS: "1",
  LOG_LEVEL: "warn",
  API_RATE_LIMIT_PER_MINUTE: "100000",
  NODE_ENV: "production" as const,
  HOSTNAME: "127.0.0.1",
};
const servers: ChildProcess[] = ports.map((port) => spawn("node", [standalone], { env: { ...process.env, ...shared, PORT: String(port) }, stdio: ["ignore", "inherit", "inherit"] }));
const stopAll = () => servers.forEach((s) => s.kill("SIGTERM"));
process.on("exit", stopAll);
const started = Date.now();
for (const port of ports) await waitReady(port);
console.log(`two standalone servers ready on ${ports.join(" and ")} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Tokens for the acquisition pod's product owner (re-ranks, edits) and a leader.
const token = async (email: string) => {
  const raw = `mp_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(raw).digest("hex");
  await q(`INSERT INTO api_token (user_id, name, prefix, token_hash, scope, expires_at) SELECT id, 'two-instances', $2, $3, 'READ_WRITE', now() + interval '1 day' FROM app_user WHERE email = $1`, [email, raw.slice(0, 10), hash]);
  return raw;
};
const po = await token("po.acquisition@northwind.example");
const api = async (i: number, method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(`http://127.0.0.1:${ports[i % ports.length]}/api/v1${p}`, {
    method,
    headers: { authorization: `Bearer ${po}`, ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, etag: r.headers.get("etag"), body: (await r.json()) as Record<string, unknown> };
};
const failures: string[] = [];

// ── 1. Concurrent edits of one item with the same If-Match: exactly one wins, the others get 412 (no lost update).
const [team] = await q<{ id: number }>(`SELECT m.team_id AS id FROM app_user u JOIN membership m ON m.person_id = u.person_id WHERE u.email = 'po.acquisition@northwind.example' AND m.role = 'PRODUCT_OWNER' LIMIT 1`);
const stories = await q<{ id: number }>(`SELECT id FROM backlog_item WHERE team_id = $1 AND level = 'STORY' AND status IN ('BACKLOG','READY') ORDER BY rank COLLATE "C" LIMIT 12`, [team!.id]);
let editWins = 0;
let editConflicts = 0;
let editOther = 0;
const EDIT_ROUNDS = 10;
const t1 = Date.now();
for (let round = 0; round < EDIT_ROUNDS; round++) {
  const item = stories[round % stories.length]!;
  const read = await api(round, "GET", `/items/${item.id}`);
  const base = read.body as { title: string; status: string; estimate: number | null; ownerPersonId: number | null; acceptanceCriteria: string; description: string; briefUrl: string | null };
  const writers = Array.from({ length: 6 }, (_, w) =>
    api(w, "PATCH", `/items/${item.id}`, { title: `Edit r${round} w${w}`, status: base.status, estimate: base.estimate, ownerPersonId: base.ownerPersonId, acceptanceCriteria: base.acceptanceCriteria, description: base.description, briefUrl: base.briefUrl }, { "if-match": read.etag! }),
  );
  const results = await Promise.all(writers);
  const wins = results.filter((r) => r.status === 200);
  editWins += wins.length;
  editConflicts += results.filter((r) => r.status === 412).length;
  editOther += results.filter((r) => r.status !== 200 && r.status !== 412).length;
  const [row] = await q<{ title: string; version: number }>(`SELECT title, version FROM backlog_item WHERE id = $1`, [item.id]);
  if (wins.length !== 1) failures.push(`round ${round}: ${wins.length} writers won with the same If-Match`);
  else if (row!.title !== wins[0]!.body.title || row!.version !== (read.body.version as number) + 1) failures.push(`round ${round}: stored ${row!.title} v${row!.version} is not the winner's`);
}
console.log(`edits: ${EDIT_ROUNDS} rounds × 6 concurrent PATCHes through both servers in ${Date.now() - t1} ms → ${editWins} saved, ${editConflicts} refused with 412, ${editOther} other`);

// ── 2. Concurrent re-ranks through both servers: ranks stay unique and every item keeps exactly one place.
const t2 = Date.now();
const moves = await Promise.all(
  Array.from({ length: 40 }, (_, k) => {
    const item = stories[k % stories.length]!;
    const after = stories[(k * 7 + 3) % stories.length]!;
    return api(k, "POST", `/items/${item.id}/move`, { afterId: after.id === item.id ? null : after.id });
  }),
);
const moved = moves.filter((m) => m.status === 200).length;
const [dupRanks] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT rank FROM backlog_item WHERE team_id = $1 GROUP BY rank HAVING count(*) > 1) d`, [team!.id]);
if (dupRanks!.n > 0) failures.push(`${dupRanks!.n} duplicate ranks in the team backlog`);
console.log(`re-ranks: 40 concurrent moves in ${Date.now() - t2} ms → ${moved} applied, ${moves.filter((m) => m.status === 409 || m.status === 412).length} conflicts, others ${moves.filter((m) => ![200, 409, 412].includes(m.status)).length}; duplicate ranks: ${dupRanks!.n}`);

// ── 3. Job runs: make every dependency overdue, then let both workers run the sweep and the tick; send the same
//      keyed unit many times through the queue from both sides.
await q(`UPDATE dependency SET needed_by = current_date - 3 WHERE status IN ('OPEN','ACCEPTED','IN_PROGRESS','BLOCKED')`);
const day = "2031-01-01";
const sender = new PgBoss({ connectionString: url, supervise: false, schedule: false });
sender.on("error", () => {});
await sender.start();
const sendJob = (name: string, data: object) => sender.send(name, data, { retryLimit: 5, retryDelay: 1 });
for (let i = 0; i < 10; i++) {
  await sendJob("rank.snapshot", { day });
  await sendJob("notifications.sweep", {});
  await sendJob("kpi.reminders", { day });
}
const deadline = Date.now() + 150_000;
let pendingJobs = 1;
while (Date.now() < deadline) {
  const [p] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('rank.snapshot','notifications.sweep','kpi.reminders') AND state IN ('created','retry','active')`);
  pendingJobs = p!.n;
  if (pendingJobs === 0) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const [jobs] = await q<{ completed: number; failed: number }>(`SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*) FILTER (WHERE state = 'failed')::int AS failed FROM pgboss.job WHERE name IN ('rank.snapshot','notifications.sweep','kpi.reminders')`);
const [snap] = await q<{ runs: number; attempts: number }>(`SELECT count(*)::int AS runs, coalesce(sum(attempts), 0)::int AS attempts FROM job_run WHERE name = 'rank.snapshot' AND run_key = $1 AND status = 'SUCCEEDED'`, [day]);
const [dupNotices] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT recipient_id, dedupe_key FROM notification WHERE dedupe_key IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d`);
// Every (owner, overdue dependency) pair has exactly one overdue notice: the sweep's (dedupe key for this date) or
// one the demo seed wrote before dedupe keys existed (link /dependencies?key=…), which the sweep counts as sent.
const [overdue] = await q<{ expected: number; got: number }>(`
  WITH pairs AS (
    SELECT DISTINCT x.p AS person_id, d.id, d.key, d.needed_by FROM dependency d CROSS JOIN LATERAL (VALUES (d.from_owner_id), (d.to_owner_id)) x(p)
     WHERE d.status IN ('OPEN','ACCEPTED','IN_PROGRESS','BLOCKED'))
  SELECT count(*)::int AS expected,
         count(*) FILTER (WHERE (SELECT count(*) FROM notification n WHERE n.recipient_id = pairs.person_id AND n.kind = 'dependency.overdue'
                                  AND (n.dedupe_key = 'dependency.overdue:' || pairs.key || ':' || to_char(pairs.needed_by, 'YYYY-MM-DD') OR n.link = '/dependencies?key=' || pairs.key)) = 1)::int AS got
    FROM pairs`);
const [runsTwice] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM job_run WHERE status = 'SUCCEEDED' AND attempts > 1 AND name IN ('rank.snapshot', 'kpi.reminders')`);
const workersSeen = await q<{ n: number }>(`SELECT count(DISTINCT name)::int AS n FROM job_run`);
if (pendingJobs > 0) failures.push(`${pendingJobs} jobs still pending after 150 s`);
if (snap!.runs !== 1 || snap!.attempts !== 1) failures.push(`rank.snapshot ${day}: ${snap!.runs} successful runs, ${snap!.attempts} attempts`);
if (dupNotices!.n > 0) failures.push(`${dupNotices!.n} duplicate notifications`);
if (overdue!.got !== overdue!.expected) failures.push(`overdue notices: expected ${overdue!.expected}, got ${overdue!.got}`);
if (runsTwice!.n > 0) failures.push(`${runsTwice!.n} keyed units ran more than once`);
console.log(
  `jobs: 30 sends (10 × rank.snapshot ${day}, 10 × sweep, 10 × kpi.reminders) worked by two workers → ${jobs!.completed} completed, ${jobs!.failed} failed; rank.snapshot ran ${snap!.runs}× (${snap!.attempts} attempt); overdue-dependency notices ${overdue!.got} for ${overdue!.expected} (owner, dependency) pairs; duplicate notifications ${dupNotices!.n}; keyed units run twice ${runsTwice!.n}; job names run ${workersSeen[0]!.n}`,
);

stopAll();
await sender.stop({ graceful: false });
await db.end();
if (failures.length) {
  console.error(`FAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("two instances, one database: 1 passed, 0 failed");
process.exit(0);

async function waitReady(port: number) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server on ${port} did not become ready`);
}

function run(cmd: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}
