import { describe, expect, it } from "vitest";
import { type Action, PERMISSIONS, type Principal, can } from "@/lib/auth/permissions";
import type { MemberRole, OrgRole } from "@/lib/generated/prisma/enums";

const TEAM_A = 1;
const TEAM_B = 2;
const ME = 100;

function who(orgRole: OrgRole, role?: MemberRole, team = TEAM_A): Principal {
  return { userId: 1, orgRole, personId: ME, teamRoles: new Map(role ? [[team, role]] : []) };
}

const P = {
  admin: who("ADMIN"),
  leader: who("LEADER"),
  poA: who("MEMBER", "PRODUCT_OWNER"),
  leadA: who("MEMBER", "AGILE_LEAD"),
  designerA: who("MEMBER", "DESIGNER"),
  oversightA: who("MEMBER", "OVERSIGHT"),
  poB: who("MEMBER", "PRODUCT_OWNER", TEAM_B),
  leadB: who("MEMBER", "AGILE_LEAD", TEAM_B),
  viewerPoA: who("VIEWER", "PRODUCT_OWNER"),
  member: who("MEMBER"),
};
type Who = keyof typeof P;

const teamA = { teamId: TEAM_A };
const mine = { teamId: TEAM_A, ownerPersonId: ME };
const depAtoB = { teamId: TEAM_A, counterpartTeamId: TEAM_B };

/** The matrix as a table: [action, resource, who may] — everyone else may not. */
const TABLE: [Action, object, Who[]][] = [
  ["portfolio.rerank", {}, ["leader"]],
  ["portfolio.edit", {}, ["leader"]],
  ["okr.edit", {}, ["leader"]],
  ["kpi.edit", {}, ["leader"]],
  ["kpi.measure", mine, ["admin", "leader", "poA", "leadA", "designerA", "oversightA", "poB", "leadB", "member"]],
  ["kpi.measure", {}, ["leader"]],
  ["team.create", {}, ["admin", "leader"]],
  ["team.edit", teamA, ["admin", "leader"]],
  ["team.members.edit", teamA, ["admin", "leader"]],
  ["backlog.create", teamA, ["leader", "poA"]],
  ["backlog.rerank", teamA, ["leader", "poA"]],
  ["item.edit", teamA, ["leader", "poA"]],
  ["item.edit", mine, ["admin", "leader", "poA", "leadA", "designerA", "oversightA", "poB", "leadB", "member"]],
  ["sprint.scope", teamA, ["leader", "poA"]],
  ["sprint.manage", teamA, ["leader", "poA", "leadA"]],
  ["retro.edit", teamA, ["leader", "poA", "leadA"]],
  ["dependency.log", teamA, ["leader", "poA", "leadA"]],
  ["dependency.update", depAtoB, ["leader", "poA", "leadA", "poB", "leadB"]],
  ["dependency.respond", { teamId: TEAM_B }, ["leader", "poB", "leadB"]],
  ["request.file", teamA, ["leader", "poA", "leadA"]],
  ["request.handle", teamA, ["leader", "poA", "leadA", "designerA", "oversightA"]],
  ["sla.edit", teamA, ["admin", "leader", "poA", "leadA"]],
  ["calendar.edit", {}, ["admin", "leader"]],
  ["notification.read", mine, ["admin", "leader", "poA", "leadA", "designerA", "oversightA", "poB", "leadB", "member"]],
  ["notification.read", { ownerPersonId: ME + 1 }, []],
  ["users.admin", {}, ["admin"]],
  ["activity.feed", {}, ["admin", "leader"]],
  ["planning.manage", {}, ["leader"]],
  ["planning.plan", teamA, ["leader", "poA"]],
  ["planning.objective", teamA, ["leader", "poA", "leadA"]],
  ["planning.score", teamA, ["leader"]],
  ["planning.risk.raise", teamA, ["leader", "poA", "leadA", "designerA"]],
  ["planning.risk.raise", {}, ["leader"]],
  ["planning.risk.update", teamA, ["leader", "poA", "leadA"]],
  ["planning.risk.update", mine, ["admin", "leader", "poA", "leadA", "designerA", "oversightA", "poB", "leadB", "member"]],
  // One's own account (tokens, e-mail choices): everyone, viewers included; nobody else's.
  ["account.self", mine, ["admin", "leader", "poA", "leadA", "designerA", "oversightA", "poB", "leadB", "viewerPoA", "member"]],
  ["account.self", { ownerPersonId: ME + 1 }, []],
  ["webhook.manage", teamA, ["admin", "leader", "poA", "leadA"]],
  ["webhook.manage", { teamId: null }, ["admin", "leader"]],
  ["ops.admin", {}, ["admin"]],
];

describe("the permission matrix", () => {
  it("has a row in this table for every action", () => {
    expect(new Set(TABLE.map(([a]) => a))).toEqual(new Set(Object.keys(PERMISSIONS)));
  });

  for (const [action, resource, allowed] of TABLE) {
    for (const name of Object.keys(P) as Who[]) {
      const expected = allowed.includes(name);
      it(`${action} on ${JSON.stringify(resource)}: ${name} ${expected ? "may" : "may not"}`, () => {
        expect(can(P[name], action, resource)).toBe(expected);
      });
    }
  }

  it("never lets a viewer write, whatever their memberships (except on their own account)", () => {
    for (const action of (Object.keys(PERMISSIONS) as Action[]).filter((a) => a !== "account.self")) {
      expect(can(P.viewerPoA, action, mine)).toBe(false);
    }
  });
});
