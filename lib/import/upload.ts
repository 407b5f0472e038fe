import "server-only";
import { can } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/principal";
import { parseIdParam } from "@/lib/routing/id-param";
import { importBacklogAction } from "./actions";
import { withProgress, type ImportPhase } from "./progress";
import { ImportRequestSchema, MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "./schema";

/** One line of the route's answer. */
export type UploadEvent =
  | { type: "progress"; phase: ImportPhase; done: number; total: number }
  | { type: "result"; ok: true; data: unknown }
  | { type: "result"; ok: false; reason: string; message: string; fieldErrors?: Record<string, string> };

const jsonAnswer = (status: number, message: string) =>
  new Response(JSON.stringify({ type: "result", ok: false, reason: status === 401 ? "UNAUTHENTICATED" : status === 403 ? "NOT_ALLOWED" : "INVALID", message }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });

/** Reads the body as text, stopping (and answering null) as soon as it passes `limit` bytes. */
async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<string | null> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/**
 * The upload route: authenticates, checks the caller may import into this team (before reading a byte of the
 * file), reads the body with a size limit, validates the options, and runs the guarded import action, streaming
 * its progress. Bad input is answered with a message a person can act on, never a 500.
 */
export async function handleImportUpload(request: Request, idParam: string): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) return jsonAnswer(401, "Your session has ended. Sign in again, then choose the file again.");
  const teamId = parseIdParam(idParam);
  if (teamId === null) return jsonAnswer(404, "That team does not exist.");
  if (!can(principal, "backlog.create", { teamId })) return jsonAnswer(403, "Only the team's product owner or a leader imports into its backlog.");

  const declared = Number(request.headers.get("content-length") ?? "0");
  // The options line is small; the limit is the file's.
  const limit = MAX_IMPORT_BYTES + 1_000_000;
  if (declared > limit) return jsonAnswer(413, TOO_LARGE_MESSAGE);
  if (!request.body) return jsonAnswer(400, "The upload was empty: choose a CSV file.");
  let text: string | null;
  try {
    text = await readLimited(request.body, limit);
  } catch {
    return jsonAnswer(400, "The upload was interrupted. Choose the file again.");
  }
  if (text === null) return jsonAnswer(413, TOO_LARGE_MESSAGE);
  const newline = text.indexOf("\n");
  let options: unknown;
  try {
    options = JSON.parse(newline === -1 ? text : text.slice(0, newline));
  } catch {
    return jsonAnswer(400, "The upload is not in the form this page sends. Reload the page and try again.");
  }
  const parsed = ImportRequestSchema.safeParse(options);
  if (!parsed.success) return jsonAnswer(400, "The import settings could not be read. Reload the page and choose the file again.");
  const csv = newline === -1 ? "" : text.slice(newline + 1);
  if (!csv.trim()) return jsonAnswer(400, "The file is empty: choose a Jira CSV export.");

  const encoder = new TextEncoder();
  let send: (event: UploadEvent) => void = () => {};
  let last = 0;
  // Started here, inside the request, so the action reads this request's session.
  const work = withProgress(
    (phase, done, total) => {
      const now = Date.now();
      if (phase === "writing" && done !== total && now - last < 100) return;
      last = now;
      send({ type: "progress", phase, done, total });
    },
    () => importBacklogAction({ teamId, csv, ...parsed.data }),
  );
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const pending: UploadEvent[] = [];
      send = (event) => pending.push(event);
      const flush = () => {
        for (const e of pending.splice(0)) controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      };
      send = (event) => {
        pending.push(event);
        flush();
      };
      return work
        .then((result) => {
          flush();
          controller.enqueue(encoder.encode(`${JSON.stringify({ type: "result", ...result })}\n`));
        })
        .catch(() => {
          controller.enqueue(encoder.encode(`${JSON.stringify({ type: "result", ok: false, reason: "FAILED", message: "Something went wrong and nothing was imported. Try again." })}\n`));
        })
        .finally(() => controller.close());
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}
