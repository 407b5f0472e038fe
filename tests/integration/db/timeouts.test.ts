// Short limits for this file only (lib/env.ts reads them when the client is first made, after this line).
process.env.DATABASE_LOCK_TIMEOUT_MS = "300";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "2000";

import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { isDatabaseBusy } from "@/lib/db/errors";
import { testDatabase } from "@/tests/support/db";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { updateItemAction } = await import("@/lib/backlog/actions");

/*
 * Database hygiene (issue 10): every app connection carries a statement and a lock timeout, and a write that runs
 * into either is refused with a clear message and leaves nothing behind. The embedded PGlite is one session and
 * ignores startup settings, so the server-side checks run against PostgreSQL only.
 */
const onServer = !testDatabase().embedded;

let org: Awaited<ReturnType<typeof makeTwoTeamOrg>>;
beforeAll(async () => {
  org = await makeTwoTeamOrg();
});

describe("session settings of app connections", () => {
  it.runIf(onServer)("have the configured statement and lock timeouts, and JIT off", async () => {
    const [row] = await getDb().$queryRaw<{ statement: string; lock: string; jit: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
             current_setting('jit') AS jit, current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(row).toEqual({ statement: "2s", lock: "300ms", jit: "off", idle: "1min" });
  });

  it.runIf(onServer)("cancel a statement that runs past the timeout, as a busy database", async () => {
    const error = await getDb().$queryRaw`SELECT pg_sleep(3)`.then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    expect(isDatabaseBusy(error)).toBe(true);
  });
});

describe("a write that waits on a lock", () => {
  it.runIf(onServer)("is refused as busy, saves nothing and records no audit event", async () => {
    signInAs(org.poA.user.id);
    const item = (await getDb().backlogItem.findUnique({ where: { id: org.story.id } }))!;
    const auditBefore = await getDb().auditEvent.count();
    // Another session holds the item's row lock (an import, a stuck transaction…).
    const holder = new pg.Client({ connectionString: testDatabase().url });
    await holder.connect();
    try {
      await holder.query(`SET search_path TO "${testDatabase().schema}"`);
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM backlog_item WHERE id = $1 FOR UPDATE", [item.id]);
      const started = Date.now();
      const result = await updateItemAction({
        itemId: item.id, version: item.version, title: "Written while locked", description: "", status: item.status,
        estimate: item.estimate, acceptanceCriteria: "", briefUrl: null, ownerPersonId: item.ownerPersonId,
      });
      expect(result).toEqual({ ok: false, reason: "BUSY", message: "The database is busy; nothing was saved. Try again." });
      // Refused after the lock timeout (300 ms), not after the transaction's own 20 s.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    const after = (await getDb().backlogItem.findUnique({ where: { id: item.id } }))!;
    expect(after.title).toBe(item.title);
    expect(after.version).toBe(item.version);
    expect(await getDb().auditEvent.count()).toBe(auditBefore);
    // Once the lock is gone the same write goes through.
    const retry = await updateItemAction({
      itemId: item.id, version: item.version, title: "Written after the lock", description: "", status: item.status,
      estimate: item.estimate, acceptanceCriteria: "", briefUrl: null, ownerPersonId: item.ownerPersonId,
    });
    expect(retry).toMatchObject({ ok: true });
  });
});

describe("isDatabaseBusy", () => {
  it("finds the SQLSTATE on the error, its cause or Prisma's meta, and nothing else", () => {
    expect(isDatabaseBusy({ code: "57014" })).toBe(true);
    expect(isDatabaseBusy({ name: "DriverAdapterError", cause: { kind: "postgres", originalCode: "55P03" } })).toBe(true);
    expect(isDatabaseBusy({ code: "P2010", meta: { code: "57014" } })).toBe(true);
    expect(isDatabaseBusy(new Error("canceling statement due to lock timeout"))).toBe(true);
    expect(isDatabaseBusy({ code: "23505", message: "duplicate key value violates unique constraint" })).toBe(false);
    expect(isDatabaseBusy(new Error("Something else"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});
