import "server-only";
import { randomUUID } from "node:crypto";
import { actAs } from "@/lib/actions/acting-as";
import { loadPrincipal } from "@/lib/auth/queries";
import { now as clockNow } from "@/lib/clock";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { logger, withLogContext } from "@/lib/log/logger";
import { decodeCursor, ifMatchVersion, json, problem } from "./http";
import { hitRateLimit, touchToken } from "./mutations";
import { openApiDocument } from "./openapi";
import { findTokenByHash } from "./queries";
import { ROUTES, type ApiRoute } from "./routes";
import { bearerToken, hashToken } from "./tokens";

const MAX_BODY_BYTES = 256 * 1024;

function match(path: string): { route: ApiRoute; params: Record<string, string> }[] {
  const parts = path.split("/").filter(Boolean);
  const found: { route: ApiRoute; params: Record<string, string> }[] = [];
  for (const route of ROUTES) {
    const template = route.path.split("/").filter(Boolean);
    if (template.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (template.every((t, i) => (t.startsWith("{") ? ((params[t.slice(1, -1)] = parts[i]!), true) : t === parts[i]))) found.push({ route, params });
  }
  return found;
}

const fieldErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((i) => [i.path.map(String).join(".") || "_", i.message]));

/**
 * Serves /api/v1/*: authenticate the bearer token (hashed lookup; revoked, expired or deactivated → 401),
 * count it against its per-minute limit (429), refuse writes with a read-only token (403), parse the path and
 * query, require If-Match where the operation updates a versioned record (428), then run the operation as the
 * token's user. Every answer is JSON; every error problem+json. Every log line carries the request id and the
 * operation.
 */
export async function dispatchApi(request: Request, path: string): Promise<Response> {
  const requestId = request.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
  const method = request.method.toLowerCase();
  if (path === "/openapi.json" && method === "get") return json(openApiDocument(), 200, { "cache-control": "public, max-age=300" });

  const candidates = match(path);
  const hit = candidates.find((c) => c.route.method === method);
  if (!hit) {
    if (candidates.length) return problem(405, `Use ${candidates.map((c) => c.route.method.toUpperCase()).join(" or ")} here.`, {}, { allow: candidates.map((c) => c.route.method.toUpperCase()).join(", ") });
    return problem(404, "There is no such API endpoint. The list is at /api/v1/openapi.json.");
  }
  const { route, params: rawParams } = hit;

  return withLogContext({ requestId, action: `api.${route.operationId}` }, async () => {
    const started = Date.now();
    const log = logger();
    try {
      const response = await serve(request, route, rawParams);
      response.headers.set("x-request-id", requestId);
      log.info({ method: route.method.toUpperCase(), path: route.path, status: response.status, ms: Date.now() - started }, "api request");
      return response;
    } catch (error) {
      if (isDatabaseUnavailable(error)) return problem(503, "The database is unavailable. Try again shortly.", {}, { "retry-after": "5" });
      log.error({ err: error }, "api request failed");
      return problem(500, "Something went wrong and nothing was saved. Try again.");
    }
  });
}

async function serve(request: Request, route: ApiRoute, rawParams: Record<string, string>): Promise<Response> {
  const unauthorized = (detail: string) => problem(401, detail, {}, { "www-authenticate": 'Bearer realm="api"' });
  const raw = bearerToken(request.headers.get("authorization"));
  if (!raw) return unauthorized("Send a personal access token: Authorization: Bearer mp_… (create one on your account page).");
  const token = await findTokenByHash(hashToken(raw));
  const now = clockNow();
  if (!token) return unauthorized("That token is not valid.");
  if (token.revokedAt) return unauthorized("That token was revoked.");
  if (token.expiresAt <= now) return unauthorized(`That token expired on ${token.expiresAt.toISOString().slice(0, 10)}.`);
  if (!token.user.active) return unauthorized("The token's account is deactivated.");

  const limit = env().API_RATE_LIMIT_PER_MINUTE;
  const rate = await hitRateLimit(token.id, now);
  const rateHeaders = {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, limit - rate.count)),
    "ratelimit-reset": String(Math.max(0, Math.ceil((rate.resetAt.getTime() - now.getTime()) / 1000))),
  };
  if (rate.count > limit) return problem(429, `This token may make ${limit} requests a minute. Wait for the next minute.`, {}, { ...rateHeaders, "retry-after": rateHeaders["ratelimit-reset"] });

  const principal = await loadPrincipal(token.userId);
  if (!principal) return unauthorized("The token's account is deactivated.");
  if (route.write && token.scope !== "READ_WRITE") return problem(403, "This token is read-only: create a read-write token to make changes.", {}, rateHeaders);
  void touchToken(token.id).catch(() => {});

  return withLogContext({ userId: principal.userId, tokenId: token.id }, async () => {
    const params: Record<string, number> = {};
    if (route.params) {
      const parsed = route.params.safeParse(rawParams);
      if (!parsed.success) return problem(404, "There is no record with that id.", {}, rateHeaders);
      Object.assign(params, parsed.data);
    }
    const url = new URL(request.url);
    const query: Record<string, unknown> = {};
    if (route.query) {
      const parsed = route.query.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) return problem(400, "Some query parameters are not valid.", { errors: fieldErrors(parsed.error.issues) }, rateHeaders);
      Object.assign(query, parsed.data);
      const cursor = decodeCursor(url.searchParams.get("cursor"));
      if (cursor === "invalid") return problem(400, "That cursor is not one this API gave out: start again without it.", {}, rateHeaders);
      query.cursorId = cursor;
    }
    let ifMatch: number | null = null;
    if (route.ifMatch) {
      const v = ifMatchVersion(request.headers.get("if-match"));
      if (v === null) return problem(428, "Send If-Match with the ETag you read (GET the record first), so a change made meanwhile is not overwritten.", {}, rateHeaders);
      if (v === "invalid") return problem(400, 'If-Match must be an ETag this API gave out, like "v3".', {}, rateHeaders);
      ifMatch = v;
    }
    let body: unknown = undefined;
    if (route.body) {
      if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return problem(415, "Send the body as JSON (Content-Type: application/json).", {}, rateHeaders);
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return problem(400, "The body is too large (at most 256 kB).", {}, rateHeaders);
      try {
        body = JSON.parse(text);
      } catch {
        return problem(400, "The body is not valid JSON.", {}, rateHeaders);
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) return problem(422, "The body must be a JSON object.", { errors: { _: "Expected an object" } }, rateHeaders);
    }
    const response = await actAs(principal, () =>
      route.handle({
        params,
        query,
        body,
        ifMatch,
        me: { userId: principal.userId, personId: principal.personId, name: principal.name, orgRole: principal.orgRole, token: { name: token.name, scope: token.scope, expiresAt: token.expiresAt.toISOString() } },
      }),
    );
    for (const [k, v] of Object.entries(rateHeaders)) response.headers.set(k, v);
    return response;
  });
}
