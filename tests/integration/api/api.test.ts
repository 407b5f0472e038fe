import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makePerson, makeTeam, unique } from "@/tests/support/factories";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule } from "@/tests/support/session";

vi.mock("next/cache", () => cacheModule);
process.env.API_RATE_LIMIT_PER_MINUTE = "1000";

const { getDb } = await import("@/lib/db/client");
const { dispatchApi } = await import("@/lib/api/dispatch");
const { openApiDocument } = await import("@/lib/api/openapi");
const { ROUTES } = await import("@/lib/api/routes");
const { newToken } = await import("@/lib/api/tokens");
const db = () => getDb();

type Org = Awaited<ReturnType<typeof makeTwoTeamOrg>>;
let org: Org;
const tokens: Record<string, string> = {};
let kpiId = 0;
let slaId = 0;

async function token(userId: number, scope: "READ" | "READ_WRITE", extra: { expiresAt?: Date; revokedAt?: Date } = {}) {
  const t = newToken();
  await db().apiToken.create({ data: { userId, name: unique("t"), prefix: t.prefix, tokenHash: t.hash, scope, expiresAt: extra.expiresAt ?? new Date(Date.now() + 86_400_000), revokedAt: extra.revokedAt ?? null } });
  return t.token;
}

async function call(method: string, path: string, opts: { token?: string; body?: unknown; ifMatch?: string; query?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.ifMatch) headers["if-match"] = opts.ifMatch;
  const request = new Request(`http://portfolio.test/api/v1${path}${opts.query ?? ""}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const response = await dispatchApi(request, path);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

beforeAll(async () => {
  org = await makeTwoTeamOrg();
  tokens.poA = await token(org.poA.user.id, "READ_WRITE");
  tokens.memberA = await token(org.memberA.user.id, "READ_WRITE");
  tokens.leadA = await token(org.leadA.user.id, "READ_WRITE");
  tokens.readOnlyPoA = await token(org.poA.user.id, "READ");
  tokens.expired = await token(org.poA.user.id, "READ_WRITE", { expiresAt: new Date(Date.now() - 60_000) });
  tokens.revoked = await token(org.poA.user.id, "READ_WRITE", { revokedAt: new Date() });
  tokens.poB = await token(org.poB.user.id, "READ_WRITE");
  tokens.leadB = await token(org.leadB.user.id, "READ_WRITE");
  const kpi = await db().kpi.create({
    data: { key: unique("KPI"), name: "Signups", definition: "d", unit: "n", direction: "HIGHER_IS_BETTER", target: 5, frequency: "MONTHLY", dataOwnerId: org.memberA.person.id, scope: "TEAM", teamId: org.teamA.id },
  });
  kpiId = kpi.id;
  const service = await makeTeam({ kind: "SHARED_SERVICE" });
  const sla = await db().serviceLevelAgreement.create({ data: { teamId: service.id, requestType: "Design", requestDays: [1, 2, 3, 4, 5, 6, 7], turnaround: 2, turnaroundUnit: "BUSINESS_DAYS", intakeMethod: "TICKET" } });
  slaId = sla.id;
});

/** For each operation: its concrete path (aimed at team A's records), a valid body, the token allowed to do it, and the other team's token. */
function sample(operationId: string): { path: string; body?: unknown; allowed: string; otherTeam?: string; query?: string } {
  const monthStart = new Date().toISOString().slice(0, 8) + "01";
  const map: Record<string, ReturnType<typeof sample>> = {
    getMe: { path: "/me", allowed: "poA" },
    listTeams: { path: "/teams", allowed: "poA", query: "?limit=2" },
    getTeam: { path: `/teams/${org.teamA.id}`, allowed: "poA" },
    listPeople: { path: "/people", allowed: "poA" },
    getPerson: { path: `/people/${org.memberA.person.id}`, allowed: "poA" },
    listItems: { path: "/items", allowed: "poA", query: `?teamId=${org.teamA.id}` },
    getItem: { path: `/items/${org.story.id}`, allowed: "poA" },
    createItem: { path: "/items", body: { teamId: org.teamA.id, level: "STORY", parentId: org.feature.id, title: "Story from the API" }, allowed: "poA", otherTeam: "poB" },
    updateItem: { path: `/items/${org.story2.id}`, body: { title: "Renamed through the API", status: "BACKLOG", estimate: 5, ownerPersonId: org.memberA.person.id, acceptanceCriteria: "Live on the site", briefUrl: null }, allowed: "poA", otherTeam: "poB" },
    setItemStatus: { path: `/items/${org.story2.id}/status`, body: { status: "READY" }, allowed: "poA", otherTeam: "poB" },
    moveItem: { path: `/items/${org.story2.id}/move`, body: { afterId: null }, allowed: "poA", otherTeam: "poB" },
    listDependencies: { path: "/dependencies", allowed: "poA" },
    getDependency: { path: "/dependencies/0", allowed: "poA" },
    logDependency: {
      path: "/dependencies",
      body: { fromTeamId: org.teamA.id, toTeamId: org.teamB.id, type: "DATA_NEED", description: "Need the segment list", fromOwnerId: org.poA.person.id, toOwnerId: org.poB.person.id, neededBy: "2030-01-15" },
      allowed: "leadA",
      otherTeam: "leadB",
    },
    listServiceRequests: { path: "/service-requests", allowed: "poA" },
    getServiceRequest: { path: "/service-requests/0", allowed: "poA" },
    fileServiceRequest: { path: "/service-requests", body: { slaId, requestingTeamId: org.teamA.id, title: "Hero banner" }, allowed: "leadA", otherTeam: "leadB" },
    listSprints: { path: "/sprints", allowed: "poA" },
    listKpis: { path: "/kpis", allowed: "poA" },
    listMeasurements: { path: `/kpis/${kpiId}/measurements`, allowed: "poA" },
    recordMeasurement: { path: `/kpis/${kpiId}/measurements`, body: { periodStart: monthStart, value: 7 }, allowed: "memberA", otherTeam: "poB" },
    listObjectives: { path: "/objectives", allowed: "poA" },
    getMetrics: { path: "/metrics", allowed: "poA", query: "?period=4w" },
  };
  const s = map[operationId];
  if (!s) throw new Error(`no sample for ${operationId}: add one`);
  return s;
}

const auditCount = () => db().auditEvent.count();

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 and lists exactly the served operations", async () => {
    const doc = openApiDocument();
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it("is served without a token", async () => {
    const r = await call("GET", "/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ openapi: "3.1.0" });
  });
});

describe("every documented operation answers as documented", () => {
  // Dependencies and requests are created by the write cases; read them after (ordered: writes first).
  const ordered = [...ROUTES].sort((a, b) => Number(b.write) - Number(a.write));
  it.each(ordered.map((r) => [r.operationId, r] as const))("%s", async (operationId, route) => {
    const s = sample(operationId);
    let path = s.path;
    if (path.endsWith("/0")) {
      const id = operationId === "getDependency" ? (await db().dependency.findFirstOrThrow()).id : (await db().serviceRequest.findFirstOrThrow()).id;
      path = path.replace(/\/0$/, `/${id}`);
    }
    let ifMatch: string | undefined;
    if (route.ifMatch) ifMatch = (await call("GET", `/items/${org.story2.id}`, { token: tokens.poA })).headers.get("etag") ?? undefined;
    const r = await call(route.method.toUpperCase(), path, { token: tokens[s.allowed], body: s.body, ifMatch, query: s.query });
    expect(r.status, JSON.stringify(r.body)).toBe(route.status);
    const parsed = route.response.safeParse(r.body);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(r.headers.get("ratelimit-limit")).toBe("1000");
  });
});

describe("the guard matrix, for every operation", () => {
  it.each(ROUTES.map((r) => [r.operationId, r] as const))("%s", async (operationId, route) => {
    const s = sample(operationId);
    const path = s.path.replace(/\/0$/, "/1");
    const method = route.method.toUpperCase();
    const ifMatch = route.ifMatch ? '"v1"' : undefined;
    const before = await auditCount();
    for (const [who, expected] of [[undefined, 401], ["expired", 401], ["revoked", 401]] as const) {
      const r = await call(method, path, { token: who ? tokens[who] : undefined, body: s.body, ifMatch, query: s.query });
      expect(r.status, `${who ?? "no token"}`).toBe(expected);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.headers.get("www-authenticate")).toMatch(/Bearer/);
    }
    // A garbage token is refused the same way.
    expect((await call(method, path, { token: "mp_" + "x".repeat(43) })).status).toBe(401);
    if (route.write) {
      const readOnly = await call(method, path, { token: tokens.readOnlyPoA, body: s.body, ifMatch, query: s.query });
      expect(readOnly.status).toBe(403);
      expect(readOnly.body?.detail).toMatch(/read-only/);
      // The other team's user, with a read-write token, on team A's record.
      const current = route.ifMatch ? (await call("GET", `/items/${org.story2.id}`, { token: tokens.poA })).headers.get("etag") ?? undefined : undefined;
      const other = await call(method, s.path, { token: tokens[s.otherTeam!], body: s.body, ifMatch: current, query: s.query });
      expect(other.status, JSON.stringify(other.body)).toBe(403);
    } else {
      // Reads are open to every active user, as in the app: another team's user reads team A's rows.
      const other = await call(method, path.replace(/\/1$/, s.path.match(/\/\d+$/)?.[0] ?? "/1"), { token: tokens.poB, query: s.query });
      expect([200, 404]).toContain(other.status);
    }
    expect(await auditCount()).toBe(before);
  });
});

describe("versions, pages, limits and bad input", () => {
  it("PATCH needs If-Match; a stale ETag is 412 with the current version; the right one saves and returns the new ETag", async () => {
    const path = `/items/${org.story.id}`;
    const read = await call("GET", path, { token: tokens.poA });
    const tag = read.headers.get("etag")!;
    const body = { title: "Versioned edit", status: "BACKLOG", estimate: 3, ownerPersonId: org.memberA.person.id, briefUrl: null };
    expect((await call("PATCH", path, { token: tokens.poA, body })).status).toBe(428);
    const stale = await call("PATCH", path, { token: tokens.poA, body, ifMatch: '"v999"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: read.body!.version });
    const ok = await call("PATCH", path, { token: tokens.poA, body, ifMatch: tag });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: "Versioned edit" });
    expect(ok.headers.get("etag")).toBe(`"v${Number(read.body!.version) + 1}"`);
    const audit = await db().auditEvent.findFirst({ where: { entityType: "BacklogItem", entityId: String(org.story.id), action: "item.update" }, orderBy: { id: "desc" } });
    expect(audit?.actorId).toBe(org.poA.user.id);
  });

  it("invalid bodies are 422 with a message per field; malformed JSON is 400; nothing is written", async () => {
    const before = await auditCount();
    const r = await call("POST", "/items", { token: tokens.poA, body: { teamId: org.teamA.id, level: "STORY", title: "x" } });
    expect(r.status).toBe(422);
    expect((r.body!.errors as Record<string, string>).title).toMatch(/at least 3/);
    const bad = await dispatchApi(new Request("http://portfolio.test/api/v1/items", { method: "POST", headers: { authorization: `Bearer ${tokens.poA}`, "content-type": "application/json" }, body: "{not json" }), "/items");
    expect(bad.status).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it("pages with an opaque cursor: every row once, in id order", async () => {
    for (let i = 0; i < 3; i++) await makePerson();
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<typeof call>> = await call("GET", "/people", { token: tokens.poA, query: `?limit=2${cursor ? `&cursor=${cursor}` : ""}` });
      expect(r.status).toBe(200);
      seen.push(...(r.body!.data as { id: number }[]).map((p) => p.id));
      cursor = r.body!.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(await db().person.count());
    expect((await call("GET", "/people", { token: tokens.poA, query: "?cursor=bogus" })).status).toBe(400);
  });

  it("over the per-minute limit a token gets 429 with Retry-After, other tokens do not", async () => {
    const t = newToken();
    const row = await db().apiToken.create({ data: { userId: org.leader.user.id, name: "busy", prefix: t.prefix, tokenHash: t.hash, scope: "READ", expiresAt: new Date(Date.now() + 86_400_000) } });
    await db().apiRateWindow.create({ data: { tokenId: row.id, windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000), count: 1000 } });
    const r = await call("GET", "/me", { token: t.token });
    if (r.status !== 429) {
      // The minute turned over between the two lines: the window is fresh; try the same again.
      expect(r.status).toBe(200);
      return;
    }
    expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await call("GET", "/me", { token: tokens.poA })).status).toBe(200);
  });

  it("unknown paths are 404 and wrong methods 405, as problem+json", async () => {
    expect((await call("GET", "/nope", { token: tokens.poA })).status).toBe(404);
    const r = await call("DELETE", "/items", { token: tokens.poA });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, POST");
  });
});
