import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db/client";
import { makeTwoTeamOrg, makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { createUserAction, setUserActiveAction, updateUserAction } = await import("@/lib/users/actions");
const { moveItemAction, updateItemAction } = await import("@/lib/backlog/actions");

type Org = Awaited<ReturnType<typeof makeTwoTeamOrg>> & { target: Awaited<ReturnType<typeof makeUser>> };

/**
 * Every exported server action, with: an input aimed at a record of team A, a user allowed to do it, a
 * signed-in user without the right role, a user of team B, and a snapshot of what must stay unchanged.
 */
interface ActionCase {
  run: (input: never) => Promise<ActionResult<unknown>>;
  input: (org: Org) => Promise<Record<string, unknown>>;
  allowed: (org: Org) => number;
  wrongRole: (org: Org) => number;
  otherTeam: (org: Org) => number;
  snapshot: (org: Org) => Promise<unknown>;
}

const db = () => getDb();
const itemState = (id: number) => db().backlogItem.findUnique({ where: { id } });
const userState = (id: number) => db().user.findUnique({ where: { id } });
const itemInput = async (org: Org) => {
  const s = (await itemState(org.story.id))!;
  return {
    itemId: s.id, version: s.version, title: `${s.title} (edited)`, description: s.description, status: "IN_PROGRESS",
    estimate: s.estimate, acceptanceCriteria: s.acceptanceCriteria, briefUrl: s.briefUrl, ownerPersonId: s.ownerPersonId,
  };
};

const CASES: Record<string, ActionCase> = {
  "lib/users/actions.ts#createUserAction": {
    run: createUserAction as ActionCase["run"],
    input: async () => ({ email: `new-${Date.now()}-${Math.random().toString(36).slice(2)}@test.example`, password: "correct horse battery", orgRole: "MEMBER", personId: null }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.leader.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: () => db().user.count(),
  },
  "lib/users/actions.ts#updateUserAction": {
    run: updateUserAction as ActionCase["run"],
    input: async (o) => ({ userId: o.target.user.id, version: (await userState(o.target.user.id))!.version, orgRole: "LEADER", personId: o.target.person.id }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.leader.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => userState(o.target.user.id),
  },
  "lib/users/actions.ts#setUserActiveAction": {
    run: setUserActiveAction as ActionCase["run"],
    input: async (o) => ({ userId: o.target.user.id, version: (await userState(o.target.user.id))!.version, active: false }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => userState(o.target.user.id),
  },
  "lib/backlog/actions.ts#updateItemAction": {
    run: updateItemAction as ActionCase["run"],
    input: itemInput,
    allowed: (o) => o.memberA.user.id, // the story's owner
    wrongRole: (o) => o.leadA.user.id, // in team A, but neither owner nor product owner
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => itemState(o.story.id),
  },
  "lib/backlog/actions.ts#moveItemAction": {
    run: moveItemAction as ActionCase["run"],
    input: async (o) => ({ itemId: o.story2.id, afterId: null }),
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => itemState(o.story2.id),
  },
};

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
