import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole, OrgRole, TeamKind } from "@/lib/generated/prisma/enums";
import { deliveryPodConflict, MAX_ALLOCATION_PCT } from "@/lib/teams/rules";

export interface PersonMembershipDto {
  membershipId: number;
  teamId: number;
  teamName: string;
  teamKind: TeamKind;
  valueStream: string | null;
  role: MemberRole;
  allocationPct: number;
}

export interface StaffingOption {
  id: number;
  name: string;
  title: string;
  /** Sum of the person's allocations across their (active) teams. */
  allocatedPct: number;
  memberships: Omit<PersonMembershipDto, "valueStream" | "membershipId">[];
}

/**
 * Everyone who could be added to a team, with what they already hold (so the form can say "Designer in
 * Acquisition, 60 %" before anyone presses save). Memberships of archived teams are left out, as in the rules.
 */
export async function listStaffingOptions(): Promise<StaffingOption[]> {
  const people = await getDb().person.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      title: true,
      memberships: {
        where: { team: { archivedAt: null } },
        orderBy: { team: { name: "asc" } },
        select: { teamId: true, role: true, allocationPct: true, team: { select: { name: true, kind: true } } },
      },
    },
  });
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    title: p.title,
    allocatedPct: p.memberships.reduce((sum, m) => sum + m.allocationPct, 0),
    memberships: p.memberships.map((m) => ({ teamId: m.teamId, teamName: m.team.name, teamKind: m.team.kind, role: m.role, allocationPct: m.allocationPct })),
  }));
}

export interface PersonListRow {
  id: number;
  name: string;
  title: string;
  /** The person's teams, by name. */
  teams: { teamId: number; teamName: string; role: MemberRole; allocationPct: number }[];
  /** Delivery pods in which the person holds a delivery role (more than one breaks rule 1). */
  deliveryPods: number;
  allocatedPct: number;
}

/** Everyone, with their teams and total allocation aggregated in SQL. */
export async function listPeople(): Promise<PersonListRow[]> {
  return getDb().$queryRaw<PersonListRow[]>(Prisma.sql`
    SELECT p.id,
           p.name,
           p.title,
           COALESCE(jsonb_agg(jsonb_build_object('teamId', t.id, 'teamName', t.name, 'role', m.role, 'allocationPct', m.allocation_pct)
                              ORDER BY t.name) FILTER (WHERE t.id IS NOT NULL), '[]'::jsonb) AS teams,
           COUNT(t.id) FILTER (WHERE t.kind = 'DELIVERY_POD' AND m.role <> 'OVERSIGHT')::int AS "deliveryPods",
           COALESCE(SUM(m.allocation_pct) FILTER (WHERE t.id IS NOT NULL), 0)::int AS "allocatedPct"
      FROM person p
      LEFT JOIN membership m ON m.person_id = p.id
      LEFT JOIN team t ON t.id = m.team_id AND t.archived_at IS NULL
     GROUP BY p.id
     ORDER BY p.name
  `);
}

export interface PersonProfile {
  id: number;
  name: string;
  title: string;
  email: string;
  /** The org role of the person's login, if they have one. */
  orgRole: OrgRole | null;
  memberships: PersonMembershipDto[];
  allocatedPct: number;
  /** Problems with where the person sits: double-booked across pods, allocated over 100 %. */
  warnings: string[];
  /** Open backlog items (not done or cancelled) the person delivers. */
  openItems: number;
}

/** One person with every membership they hold. Null when no person has this id. */
export async function getPersonProfile(personId: number): Promise<PersonProfile | null> {
  const db = getDb();
  const person = await db.person.findUnique({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      title: true,
      email: true,
      user: { select: { orgRole: true, active: true } },
      memberships: {
        where: { team: { archivedAt: null } },
        orderBy: [{ team: { kind: "asc" } }, { team: { name: "asc" } }],
        select: {
          id: true,
          teamId: true,
          role: true,
          allocationPct: true,
          team: { select: { name: true, kind: true, valueStream: { select: { name: true } } } },
        },
      },
    },
  });
  if (!person) return null;
  const openItems = await db.backlogItem.count({ where: { ownerPersonId: personId, status: { notIn: ["DONE", "CANCELLED"] } } });
  const memberships: PersonMembershipDto[] = person.memberships.map((m) => ({
    membershipId: m.id,
    teamId: m.teamId,
    teamName: m.team.name,
    teamKind: m.team.kind,
    valueStream: m.team.valueStream?.name ?? null,
    role: m.role,
    allocationPct: m.allocationPct,
  }));
  const allocatedPct = memberships.reduce((sum, m) => sum + m.allocationPct, 0);
  const warnings: string[] = [];
  // Rule 1 as a finding: the first delivery pod against the rest (data may predate the rule).
  const pods = memberships.filter((m) => m.teamKind === "DELIVERY_POD" && m.role !== "OVERSIGHT");
  if (pods.length > 1) {
    const [first, ...rest] = pods;
    const conflict = deliveryPodConflict(person.name, first!.role, { id: first!.teamId, kind: "DELIVERY_POD" }, rest);
    if (conflict) warnings.push(conflict);
  }
  if (allocatedPct > MAX_ALLOCATION_PCT) warnings.push(`${person.name} is allocated ${allocatedPct}%, more than ${MAX_ALLOCATION_PCT}%.`);
  return {
    id: person.id,
    name: person.name,
    title: person.title,
    email: person.email,
    orgRole: person.user?.active ? person.user.orgRole : null,
    memberships,
    allocatedPct,
    warnings,
    openItems,
  };
}

/** Whether a person with this id exists (for the route's 404 before streaming). */
export async function personExists(personId: number): Promise<boolean> {
  return (await getDb().person.count({ where: { id: personId } })) > 0;
}

/** People holding a delivery role in more than one active delivery pod (rule 1 broken, e.g. by old data). */
export async function countDoubleBookedPeople(): Promise<number> {
  const [row] = await getDb().$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT COUNT(*)::int AS n FROM (
      SELECT m.person_id
        FROM membership m JOIN team t ON t.id = m.team_id
       WHERE t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL AND m.role <> 'OVERSIGHT'
       GROUP BY m.person_id
      HAVING COUNT(*) > 1
    ) d
  `);
  return row?.n ?? 0;
}
