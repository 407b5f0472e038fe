/**
 * `npm run bench`: how the portfolio page holds up at 10,000 backlog items, against the demo's own size, in one run.
 *
 *   npm run bench [-- --items 10000 --requests 15 --port 3790 --build if-stale|never --keep]
 *
 * 1. A fresh database: a new database on the PostgreSQL server named by DATABASE_URL (dropped at the end), or,
 *    without DATABASE_URL, an embedded PGlite in a temporary directory. Migrated, then the demo seed.
 * 2. The production build (NEXT_DIST_DIR, default .next-bench; built when sources are newer) served by `next start`.
 * 3. Signed in as the demo leader: `--requests` timed GETs of /portfolio (after warm-up) — server time is the
 *    median time to the last byte on localhost — with the HTML size (raw and gzipped), and the same for
 *    /portfolio/rows (the JSON the page fetches after its first paint: every theme and epic with its rollups).
 * 4. `--items` more backlog items (themes, epics, features, stories; mostly epics, so the portfolio table itself
 *    grows) inserted in SQL, and step 3 again. Ratios large ÷ demo are printed last.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { keysAfter } from "../lib/backlog/rank";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { fail, run } from "./with-db";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "10000" },
    requests: { type: "string", default: "15" },
    port: { type: "string", default: "3790" },
    build: { type: "string", default: "if-stale" },
    /** Leave the database in place (and print its URL) to look into it afterwards. */
    keep: { type: "boolean", default: false },
  },
});
const ITEMS = Number(values.items);
const REQUESTS = Number(values.requests);
const PORT = Number(values.port);
if (!Number.isInteger(ITEMS) || ITEMS < 100) fail("--items must be a whole number of at least 100");
if (!Number.isInteger(REQUESTS) || REQUESTS < 3) fail("--requests must be at least 3");
const DIST = process.env.NEXT_DIST_DIR ?? ".next-bench";
const BASE = `http://127.0.0.1:${PORT}`;
const LEADER = { email: "leader@northwind.example", password: "Northwind-Demo-2026" };

// ───────────────────────────── database ─────────────────────────────

interface BenchDatabase {
  url: string;
  embedded: boolean;
  drop: () => Promise<void>;
}

async function freshDatabase(): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = `bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      embedded: false,
      drop: async () => {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pglite-"));
  const db = await startEmbeddedDatabase({ dataDir: dir });
  return {
    url: db.url,
    embedded: true,
    drop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `count` items on top of the demo: 1 % themes, 79 % epics (the portfolio's rows), 5 % features, 15 % stories. */
async function addItems(url: string, count: number): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const themes = Math.max(1, Math.round(count * 0.01));
    const epics = Math.round(count * 0.79);
    const features = Math.round(count * 0.05);
    const stories = count - themes - epics - features;
    const pods = (await client.query<{ id: number }>(`SELECT id FROM team WHERE kind = 'DELIVERY_POD' ORDER BY id`)).rows.map((r) => r.id);
    const lastRank = async (where: string, params: unknown[]) =>
      (await client.query<{ rank: string | null }>(`SELECT max(rank COLLATE "C") AS rank FROM backlog_item WHERE ${where}`, params)).rows[0]?.rank ?? null;
    const rnd = mulberry32(20261121);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

    const themeRanks = keysAfter(await lastRank(`level = 'THEME' AND team_id IS NULL`, []), themes);
    const themeIds = (
      await client.query<{ id: number }>(
        `INSERT INTO backlog_item (key, level, title, status, rank, updated_at)
         SELECT 'BTHEME-' || n, 'THEME', 'Bench theme ' || n, 'IMPLEMENTING', r, now()
           FROM unnest($1::int[], $2::text[]) AS v(n, r) RETURNING id`,
        [range(themes), themeRanks],
      )
    ).rows.map((r) => r.id);

    const epicStatuses = ["FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING", "DONE"];
    const epicRanks = keysAfter(await lastRank(`level = 'EPIC' AND team_id IS NULL`, []), epics);
    const epicIds = (
      await client.query<{ id: number }>(
        `INSERT INTO backlog_item (key, level, title, status, rank, parent_id, business_value, time_criticality, risk_reduction,
                                   job_size, value_theme, updated_at)
         SELECT 'BEPIC-' || n, 'EPIC', 'Bench epic ' || n, s::"ItemStatus", r, p, bv, tc, rr, js, vt, now()
           FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::text[])
             AS v(n, r, s, p, bv, tc, rr, js, vt) RETURNING id`,
        [
          range(epics),
          epicRanks,
          range(epics).map(() => pick(epicStatuses)),
          range(epics).map(() => pick(themeIds)),
          range(epics).map(() => 1 + Math.floor(rnd() * 20)),
          range(epics).map(() => 1 + Math.floor(rnd() * 20)),
          range(epics).map(() => 1 + Math.floor(rnd() * 13)),
          range(epics).map(() => 1 + Math.floor(rnd() * 20)),
          range(epics).map(() => pick(["Pipeline growth", "Time to value", "Customer retention", "New markets"])),
        ],
      )
    ).rows.map((r) => r.id);

    // Features and stories share each pod's rank space: append per pod, below what the demo has.
    const featureTeams = range(features).map((i) => pods[i % pods.length]!);
    const featureParents = range(features).map(() => pick(epicIds));
    const storyTeams = range(stories).map((i) => pods[i % pods.length]!);
    const teamRanks = new Map<number, string[]>();
    for (const pod of pods) {
      const n = featureTeams.filter((t) => t === pod).length + storyTeams.filter((t) => t === pod).length;
      teamRanks.set(pod, keysAfter(await lastRank(`team_id = $1`, [pod]), n));
    }
    const take = (pod: number) => teamRanks.get(pod)!.shift()!;
    const featureIds = (
      await client.query<{ id: number; team_id: number }>(
        `INSERT INTO backlog_item (key, level, title, status, rank, parent_id, team_id, updated_at)
         SELECT 'BFEAT-' || n, 'FEATURE', 'Bench feature ' || n, 'IN_PROGRESS', r, p, t, now()
           FROM unnest($1::int[], $2::text[], $3::int[], $4::int[]) AS v(n, r, p, t) RETURNING id, team_id`,
        [range(features), featureTeams.map(take), featureParents, featureTeams],
      )
    ).rows;
    const storyStatuses = ["BACKLOG", "READY", "IN_PROGRESS", "IN_REVIEW", "BLOCKED", "DONE", "DONE", "DONE"];
    const storyParents = storyTeams.map((t) => pick(featureIds.filter((f) => f.team_id === t)).id);
    await client.query(
      `INSERT INTO backlog_item (key, level, title, status, rank, parent_id, team_id, estimate, updated_at)
       SELECT 'BSTORY-' || n, 'STORY', 'Bench story ' || n, s::"ItemStatus", r, p, t, e, now()
         FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[]) AS v(n, r, s, p, t, e)`,
      [range(stories), storyTeams.map(take), range(stories).map(() => pick(storyStatuses)), storyParents, storyTeams, range(stories).map(() => pick([1, 2, 3, 5, 8]))],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE backlog_item");
    return { themes, epics, features, stories };
  } finally {
    await client.end();
  }
}

// ───────────────────────────── server ─────────────────────────────

function buildIsStale(): boolean {
  const buildId = path.resolve(DIST, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name !== "generated" && newer(p);
      return statSync(p).mtimeMs > built;
    });
  return ["app", "components", "lib", "public"].some((d) => newer(path.resolve(d)));
}

function startServer(url: string, embedded: boolean): ChildProcess {
  const child = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    // Its own process group, so stopping it stops the next-server that npx starts too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST,
      DATABASE_URL: url,
      DATABASE_EMBEDDED: embedded ? "1" : "0",
      ...(embedded ? { DATABASE_POOL_MAX: "1" } : {}),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      // Plain http on localhost: session cookies without the Secure flag (lib/env.ts).
      AUTH_INSECURE_COOKIES: "1",
    },
  });
  child.stderr?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  return child;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail("the server did not come up within a minute");
}

// ───────────────────────────── measuring ─────────────────────────────

class Cookies {
  private jar = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function signIn(): Promise<string> {
  const jar = new Cookies();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ ...LEADER, csrfToken, json: "true" }),
  });
  jar.take(response);
  const cookie = jar.header();
  if (!/session-token/.test(cookie)) fail(`sign-in failed (status ${response.status})`);
  return cookie;
}

interface Sample {
  medianMs: number;
  p90Ms: number;
  bytes: number;
  gzipBytes: number;
}

async function measure(pathName: string, cookie: string, check: (body: string) => void): Promise<Sample> {
  const once = async () => {
    const start = performance.now();
    const response = await fetch(`${BASE}${pathName}`, { headers: { cookie, "accept-encoding": "identity" } });
    const body = await response.text();
    const ms = performance.now() - start;
    if (!response.ok) fail(`${pathName} answered ${response.status}`);
    return { ms, body };
  };
  for (let i = 0; i < 3; i++) check((await once()).body); // warm-up (and the first compile of each route)
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < REQUESTS; i++) {
    const r = await once();
    times.push(r.ms);
    body = r.body;
  }
  times.sort((a, b) => a - b);
  const bytes = Buffer.byteLength(body);
  return {
    medianMs: round(times[Math.floor(times.length / 2)]!),
    p90Ms: round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.9) - 1)]!),
    bytes,
    gzipBytes: gzipSync(body).length,
  };
}

async function measureAll(cookie: string, label: string) {
  const page = await measure("/portfolio", cookie, (b) => {
    if (!b.includes("Portfolio backlog")) fail("/portfolio did not render the portfolio (signed out?)");
  });
  let epicCount = 0;
  const rows = await measure("/portfolio/rows", cookie, (b) => {
    epicCount = (JSON.parse(b) as { epicCount: number }).epicCount;
  });
  console.log(`\n${label}: ${epicCount} epics`);
  console.log(`  /portfolio       median ${page.medianMs} ms (p90 ${page.p90Ms} ms), HTML ${kb(page.bytes)} (${kb(page.gzipBytes)} gzipped)`);
  console.log(`  /portfolio/rows  median ${rows.medianMs} ms (p90 ${rows.p90Ms} ms), JSON ${kb(rows.bytes)} (${kb(rows.gzipBytes)} gzipped)`);
  return { page, rows, epicCount };
}

// ───────────────────────────── main ─────────────────────────────

if (values.build !== "never" && buildIsStale()) {
  console.log(`Building the app into ${DIST} (next build)…`);
  const code = await run("npx", ["next", "build"], { NEXT_DIST_DIR: DIST });
  if (code !== 0) fail("next build failed (see above)");
}

const db = await freshDatabase();
let server: ChildProcess | null = null;
try {
  console.log(`Fresh ${db.embedded ? "embedded PGlite" : "PostgreSQL"} database; migrating and seeding the demo…`);
  await migrate({ connectionString: db.url });
  const seeded = await run("npx", ["tsx", "prisma/seed.ts"], { DATABASE_URL: db.url, DATABASE_EMBEDDED: db.embedded ? "1" : "0" });
  if (seeded !== 0) fail("seeding failed");
  const demoItems = await countItems(db.url);

  server = startServer(db.url, db.embedded);
  await waitForHealth();
  const cookie = await signIn();
  const demo = await measureAll(cookie, `Demo size (${demoItems} backlog items)`);

  const shape = await addItems(db.url, ITEMS);
  const total = await countItems(db.url);
  const large = await measureAll(cookie, `Large (${total} backlog items: demo + ${ITEMS} = ${Object.entries(shape).map(([k, v]) => `${v} ${k}`).join(", ")})`);

  console.log(`\nRatios, large ÷ demo (${REQUESTS} requests each, ${db.embedded ? "embedded PGlite" : "PostgreSQL"}):`);
  console.log(`  /portfolio       server time × ${ratio(large.page.medianMs, demo.page.medianMs)}, HTML × ${ratio(large.page.bytes, demo.page.bytes)}`);
  console.log(`  /portfolio/rows  server time × ${ratio(large.rows.medianMs, demo.rows.medianMs)}, JSON × ${ratio(large.rows.bytes, demo.rows.bytes)}`);
} finally {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await new Promise((r) => setTimeout(r, 1000));
  if (values.keep && !db.embedded) console.log(`\nKept the database: ${db.url}`);
  else await db.drop().catch((e: unknown) => console.error("could not drop the bench database:", e));
}
process.exit(0);

async function countItems(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM backlog_item`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
function round(n: number): number {
  return Math.round(n * 10) / 10;
}
function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
function ratio(a: number, b: number): string {
  return (a / b).toFixed(2);
}
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
