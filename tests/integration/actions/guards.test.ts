import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionCase, Org } from "./cases/types";
import { getDb } from "@/lib/db/client";
import { makeTwoTeamOrg, makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { createUserAction } = await import("@/lib/users/actions");
const { moveItemAction } = await import("@/lib/backlog/actions");

// Each domain's cases (tests/integration/actions/cases/<domain>.ts), loaded after the mocks above.
const caseLoaders = import.meta.glob<{ cases?: Record<string, ActionCase> }>("./cases/*.ts");
const CASES: Record<string, ActionCase> = Object.assign(
  {},
  ...(await Promise.all(Object.values(caseLoaders).map((load) => load()))).map((m) => m.cases ?? {}),
);
const db = () => getDb();

let org: Org;
beforeAll(async () => {
  // `target` is the user the admin actions change, so they do not disturb the other cases' actors.
  org = { ...(await makeTwoTeamOrg()), target: await makeUser("MEMBER") };
});

const auditCount = () => db().auditEvent.count();

describe("every exported server action is covered here", () => {
  it("lists exactly the actions exported from lib/**/actions.ts", async () => {
    const files = readdirSync(path.resolve("lib"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(`${path.sep}actions.ts`) || f === "actions.ts")
      .map((f) => `lib/${f.split(path.sep).join("/")}`);
    const exported: string[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") exported.push(`${file}#${name}`);
    }
    expect(exported.sort()).toEqual(Object.keys(CASES).sort());
  });
});

describe.each(Object.entries(CASES))("%s", (_name, c) => {
  it("refuses an anonymous caller and changes nothing", async () => {
    const before = [await c.snapshot(org), await auditCount()];
    signInAs(null);
    const result = await c.run((await c.input(org)) as never);
    expect(result).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
    expect([await c.snapshot(org), await auditCount()]).toEqual(before);
  });

  it("refuses a signed-in user without the right role and changes nothing", async () => {
    const before = [await c.snapshot(org), await auditCount()];
    signInAs(c.wrongRole(org));
    const result = await c.run((await c.input(org)) as never);
    expect(result).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
    expect([await c.snapshot(org), await auditCount()]).toEqual(before);
  });

  it("refuses a user of team B acting on team A's record and changes nothing", async () => {
    const before = [await c.snapshot(org), await auditCount()];
    signInAs(c.otherTeam(org));
    const result = await c.run((await c.input(org)) as never);
    expect(result).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
    expect([await c.snapshot(org), await auditCount()]).toEqual(before);
  });

  it("refuses a viewer and changes nothing", async () => {
    const before = [await c.snapshot(org), await auditCount()];
    signInAs(org.viewer.user.id);
    const result = await c.run((await c.input(org)) as never);
    expect(result).toMatchObject({ ok: false });
    expect([await c.snapshot(org), await auditCount()]).toEqual(before);
  });

  it("lets the allowed user through, with one audit event", async () => {
    const events = await auditCount();
    signInAs(c.allowed(org));
    const result = await c.run((await c.input(org)) as never);
    expect(result).toMatchObject({ ok: true });
    expect(await auditCount()).toBe(events + 1);
  });
});

describe("a deactivated user", () => {
  it("is refused at once even though their session is still live", async () => {
    const { user } = org.poA;
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    signInAs(user.id);
    const result = await moveItemAction({ itemId: org.story.id, afterId: null });
    expect(result).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
    await db().user.update({ where: { id: user.id }, data: { active: true } });
  });
});

describe("bad input", () => {
  it("is answered with field errors, not an exception", async () => {
    signInAs(org.admin.user.id);
    const result = await createUserAction({ email: "not-an-email", password: "short", orgRole: "MEMBER", personId: null });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) {
      expect(result.fieldErrors?.email).toMatch(/email address/);
      expect(result.fieldErrors?.password).toMatch(/12 characters/);
    }
  });
});
