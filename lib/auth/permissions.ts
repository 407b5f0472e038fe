import type { MemberRole, OrgRole } from "@/lib/generated/prisma/enums";

/**
 * The permission matrix: data, plus one `can(user, action, resource)` check. Every server action asks it,
 * for the team of the record it loaded (never for ids the client sent).
 *
 * Org roles: ADMIN (users and structure), LEADER (marketing leadership, portfolio owner), MEMBER, VIEWER.
 * Team roles come from memberships: PRODUCT_OWNER (the one backlog owner), AGILE_LEAD, delivery roles, and
 * OVERSIGHT (governance only). A VIEWER never writes, whatever memberships they hold.
 */
export type Action =
  | "portfolio.rerank"
  | "portfolio.edit"
  | "okr.edit"
  | "kpi.edit"
  | "kpi.measure"
  | "team.create"
  | "team.edit"
  | "team.members.edit"
  | "backlog.create"
  | "backlog.rerank"
  | "item.edit"
  | "sprint.scope"
  | "sprint.manage"
  | "retro.edit"
  | "dependency.log"
  | "dependency.update"
  | "dependency.respond"
  | "request.file"
  | "request.handle"
  | "sla.edit"
  | "calendar.edit"
  | "notification.read"
  | "users.admin"
  | "activity.feed"
  | "planning.manage"
  | "planning.plan"
  | "planning.objective"
  | "planning.score"
  | "planning.risk.raise"
  | "planning.risk.update"
  | "account.self"
  | "webhook.manage"
  | "ops.admin";

/** Who may do an action: any of the listed grants is enough. */
export interface Grant {
  /** Holders of these org roles, on any resource. */
  org?: readonly OrgRole[];
  /** Holders of these roles in the resource's team (`team`), or in the other team of a dependency (`counterpartTeam`). */
  team?: readonly TeamRoleGrant[];
  counterpart?: readonly TeamRoleGrant[];
  /** The person who owns the resource (delivery owner of an item, data owner of a KPI). */
  owner?: boolean;
}

export type TeamRoleGrant = "PRODUCT_OWNER" | "AGILE_LEAD" | "DELIVERY" | "ANY_MEMBER";

const LEADERSHIP = ["ADMIN", "LEADER"] as const;

export const PERMISSIONS: Readonly<Record<Action, readonly Grant[]>> = {
  "portfolio.rerank": [{ org: ["LEADER"] }],
  "portfolio.edit": [{ org: ["LEADER"] }],
  "okr.edit": [{ org: ["LEADER"] }],
  "kpi.edit": [{ org: ["LEADER"] }],
  "kpi.measure": [{ org: ["LEADER"] }, { owner: true }],
  "team.create": [{ org: LEADERSHIP }],
  "team.edit": [{ org: LEADERSHIP }],
  "team.members.edit": [{ org: LEADERSHIP }],
  // Stakeholder work enters through the backlog owner (rule 7).
  "backlog.create": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER"] }],
  "backlog.rerank": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER"] }],
  "item.edit": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER"] }, { owner: true }],
  "sprint.scope": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER"] }],
  "sprint.manage": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER", "AGILE_LEAD"] }],
  "retro.edit": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER", "AGILE_LEAD"] }],
  "dependency.log": [{ org: ["LEADER"] }, { team: ["AGILE_LEAD", "PRODUCT_OWNER"] }],
  "dependency.update": [{ org: ["LEADER"] }, { team: ["AGILE_LEAD", "PRODUCT_OWNER"] }, { counterpart: ["AGILE_LEAD", "PRODUCT_OWNER"] }],
  "dependency.respond": [{ org: ["LEADER"] }, { team: ["AGILE_LEAD", "PRODUCT_OWNER"] }, { owner: true }],
  "request.file": [{ org: ["LEADER"] }, { team: ["AGILE_LEAD", "PRODUCT_OWNER"] }],
  "request.handle": [{ org: ["LEADER"] }, { team: ["ANY_MEMBER"] }],
  // A shared service's lead (product owner) and agile lead keep its SLAs; leadership may too.
  "sla.edit": [{ org: LEADERSHIP }, { team: ["PRODUCT_OWNER", "AGILE_LEAD"] }],
  // The organisation's holiday calendar (business time for every SLA).
  "calendar.edit": [{ org: LEADERSHIP }],
  // Only the recipient marks their own notifications read.
  "notification.read": [{ owner: true }],
  "users.admin": [{ org: ["ADMIN"] }],
  "activity.feed": [{ org: LEADERSHIP }],
  // Planning intervals (lib/planning): leaders run the interval (dates, states, milestones) and score objectives;
  // a team's backlog owner plans its features (rule 2); product owner and agile lead write its objectives; anyone
  // delivering in the team raises a risk, which its leads, its owner or leadership sort (ROAM).
  "planning.manage": [{ org: ["LEADER"] }],
  "planning.plan": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER"] }],
  "planning.objective": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER", "AGILE_LEAD"] }],
  "planning.score": [{ org: ["LEADER"] }],
  "planning.risk.raise": [{ org: ["LEADER"] }, { team: ["DELIVERY"] }],
  "planning.risk.update": [{ org: ["LEADER"] }, { team: ["PRODUCT_OWNER", "AGILE_LEAD"] }, { owner: true }],
  // A person's own account: their API tokens and e-mail choices (viewers too: read tokens for BI, unsubscribing).
  "account.self": [{ owner: true }],
  // Where events go: organisation-wide webhooks (admins, leaders), a team's chat channel (its leads too).
  "webhook.manage": [{ org: LEADERSHIP }, { team: ["PRODUCT_OWNER", "AGILE_LEAD"] }],
  // Jobs and outbound mail: run a failed job or e-mail again.
  "ops.admin": [{ org: ["ADMIN"] }],
};

/** Actions on one's own account that a VIEWER may take (a viewer changes nothing else). */
const SELF_SERVICE: ReadonlySet<Action> = new Set(["account.self"]);

/** What the check needs to know about the caller (built from the database on every request). */
export interface Principal {
  userId: number;
  orgRole: OrgRole;
  personId: number | null;
  /** Role per team id, from the person's memberships. */
  teamRoles: ReadonlyMap<number, MemberRole>;
}

/** The resource as loaded from the database: its team, the other team (dependencies), its owner. */
export interface ResourceScope {
  teamId?: number | null;
  counterpartTeamId?: number | null;
  ownerPersonId?: number | null;
}

function holds(principal: Principal, teamId: number | null | undefined, grants: readonly TeamRoleGrant[]): boolean {
  if (teamId == null) return false;
  const role = principal.teamRoles.get(teamId);
  if (!role) return false;
  return grants.some((g) => {
    switch (g) {
      case "ANY_MEMBER":
        return true;
      case "DELIVERY":
        return role !== "OVERSIGHT";
      default:
        return role === g;
    }
  });
}

/** The one permission check. Reads are open to every signed-in user; a VIEWER never writes. */
export function can(principal: Principal, action: Action, resource: ResourceScope = {}): boolean {
  if (principal.orgRole === "VIEWER" && !SELF_SERVICE.has(action)) return false;
  return PERMISSIONS[action].some(
    (grant) =>
      (grant.org?.includes(principal.orgRole) ?? false) ||
      (grant.team ? holds(principal, resource.teamId, grant.team) : false) ||
      (grant.counterpart ? holds(principal, resource.counterpartTeamId, grant.counterpart) : false) ||
      (grant.owner === true && principal.personId != null && resource.ownerPersonId === principal.personId),
  );
}
