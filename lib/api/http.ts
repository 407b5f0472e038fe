import type { ActionResult } from "@/lib/actions/result";

/**
 * HTTP pieces of the REST API: RFC 9457 problem+json errors, ETags from row versions, opaque cursors.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Per-field messages for 422 (keys are the body's field paths). */
  errors?: Record<string, string>;
  /** For 412: the version the record has now (send it in If-Match after re-reading). */
  currentVersion?: number | null;
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  412: "Precondition failed",
  415: "Unsupported media type",
  422: "Unprocessable content",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: `https://portfolio.invalid/problems/${status}`, title: TITLES[status] ?? "Error", status, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers } });
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers } });
}

/** A strong ETag for a row version: `"v7"`. */
export const etag = (version: number) => `"v${version}"`;

/** The version an If-Match header names (`"v7"`, `W/"v7"` or `7`), or null when absent/unreadable. */
export function ifMatchVersion(header: string | null): number | null | "invalid" {
  if (header === null) return null;
  const match = /^\s*(?:W\/)?"?v?(\d{1,10})"?\s*$/.exec(header);
  if (!match) return "invalid";
  const n = Number(match[1]);
  return n >= 1 && n <= 2_147_483_647 ? n : "invalid";
}

/** Cursors are opaque to clients: the last row's id, base64url-encoded. */
export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null): number | null | "invalid" {
  if (!cursor) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^id:(\d{1,10})$/.exec(text);
  if (!match) return "invalid";
  const id = Number(match[1]);
  return id <= 2_147_483_647 ? id : "invalid";
}

/** A guarded action's refusal as an HTTP problem (the same messages the UI shows). */
export function refusalProblem(result: Extract<ActionResult<unknown>, { ok: false }>): Response {
  switch (result.reason) {
    case "UNAUTHENTICATED":
      return problem(401, result.message);
    case "NOT_ALLOWED":
      return problem(403, result.message);
    case "NOT_FOUND":
      return problem(404, result.message);
    case "CONFLICT":
      return problem(412, result.message, { currentVersion: result.conflict?.currentVersion ?? null });
    case "INVALID":
      return problem(422, result.message, { errors: result.fieldErrors ?? {} });
    case "UNAVAILABLE":
    case "BUSY":
      return problem(503, result.message, {}, { "retry-after": "5" });
    default:
      return problem(500, result.message);
  }
}
