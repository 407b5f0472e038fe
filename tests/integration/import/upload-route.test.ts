import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { writeCsv } from "@/lib/csv/write";
import { EMPTY_MAPPING } from "@/lib/import/mapping";
import { MAX_IMPORT_BYTES } from "@/lib/import/schema";
import { makeTeam } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { POST } = await import("@/app/api/teams/[id]/import/route");

const db = () => getDb();
let team: Awaited<ReturnType<typeof makeTeam>>;
let po: Awaited<ReturnType<typeof makeUser>>;
let member: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  team = await makeTeam({ name: "Upload pod" });
  po = await makeUser("MEMBER", { teamId: team.id, role: "PRODUCT_OWNER" });
  member = await makeUser("MEMBER", { teamId: team.id, role: "DESIGNER" });
});

const options = (extra: object = {}) => JSON.stringify({ mode: "preview", mapping: EMPTY_MAPPING, skipInvalid: false, ...extra });
const post = (body: BodyInit, headers: Record<string, string> = {}, teamId = String(team.id)) =>
  POST(new Request(`http://localhost/api/teams/${teamId}/import`, { method: "POST", body, headers, duplex: "half" } as RequestInit), { params: Promise.resolve({ id: teamId }) });

async function events(response: Response) {
  const text = await response.text();
  return text.trim().split("\n").map((l) => JSON.parse(l) as { type: string; ok?: boolean; phase?: string; done?: number; total?: number; data?: { counts: Record<string, number>; created: number }; message?: string });
}

describe("the import upload route", () => {
  it("answers a signed-out caller, a member who may not import, and an unknown team with a message, before reading the file", async () => {
    signInAs(null);
    let r = await post(`${options()}\nIssue key,Summary\r\nUP-1,One\r\n`);
    expect(r.status).toBe(401);
    expect((await r.json()).message).toMatch(/Sign in again/);
    signInAs(member.user.id);
    r = await post(`${options()}\nIssue key,Summary\r\nUP-1,One\r\n`);
    expect(r.status).toBe(403);
    expect((await r.json()).message).toMatch(/product owner or a leader/);
    signInAs(po.user.id);
    expect((await post("x", {}, "abc")).status).toBe(404);
  });

  it("refuses unreadable options and an empty file with a message a person can act on", async () => {
    signInAs(po.user.id);
    let r = await post("not json\nIssue key,Summary\r\n");
    expect(r.status).toBe(400);
    expect((await r.json()).message).toMatch(/Reload the page/);
    r = await post(`${options({ mode: "delete" })}\nIssue key,Summary\r\n`);
    expect(r.status).toBe(400);
    r = await post(`${options()}\n`);
    expect((await r.json()).message).toMatch(/The file is empty/);
  });

  it("refuses a file above the limit, by its declared size and while streaming, with a clear message", async () => {
    signInAs(po.user.id);
    let r = await post("x", { "content-length": String(MAX_IMPORT_BYTES + 2_000_000) });
    expect(r.status).toBe(413);
    expect((await r.json()).message).toMatch(/larger than 25 MB\. Export fewer issues at a time/);
    const chunk = new Uint8Array(1024 * 1024).fill(65);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 30) controller.close();
        else controller.enqueue(chunk);
      },
    });
    r = await post(stream);
    expect(r.status).toBe(413);
    expect(sent).toBeLessThan(30); // it stopped reading as soon as the limit passed
  });

  it("takes 5,000 rows and more than 10 MB in one streamed upload, with progress, in one transaction", async () => {
    signInAs(po.user.id);
    const description = "Campaign brief: audience, channel mix, creative and measurement plan. ".repeat(30);
    const rows = Array.from({ length: 5_000 }, (_, i) => [`BIG-${i + 1}`, String(500_000 + i), `Story ${i + 1} of a large export`, i % 10 === 0 ? "Epic" : "Story", "To Do", i % 10 === 0 ? "" : String(500_000 + i - (i % 10)), String(i % 8), description]);
    const csv = writeCsv([["Issue key", "Issue id", "Summary", "Issue Type", "Status", "Parent", "Custom field (Story Points)", "Description"], ...rows]);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(10 * 1024 * 1024);
    const r = await post(`${options({ mode: "commit" })}\n${csv}`);
    expect(r.headers.get("content-type")).toMatch(/ndjson/);
    const all = await events(r);
    const result = all.at(-1)!;
    expect(result).toMatchObject({ type: "result", ok: true, data: { created: 5_000 } });
    const writing = all.filter((e) => e.type === "progress" && e.phase === "writing");
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.at(-1)).toMatchObject({ done: 5_000, total: 5_000 });
    expect(await db().backlogItem.count({ where: { teamId: team.id } })).toBe(5_000);
    expect(await db().backlogItem.count({ where: { teamId: team.id, parentId: { not: null } } })).toBe(4_500);
  }, 180_000);
});
