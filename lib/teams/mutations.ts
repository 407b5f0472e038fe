import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/transaction";
import { toIsoDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionMode, MemberRole, TeamKind, TeamShape } from "@/lib/generated/prisma/enums";
import {
  allocationProblem,
  deliveryPodConflict,
  needsProductOwnerReplacement,
  productOwnerQuestion,
  roleLabel,
  type HeldMembership,
} from "./rules";

/*
 * Writes to teams, memberships and decision rights, each inside the guarded action's transaction.
 *
 * Audit: every change to a team's set-up (its fields, members, decision rights) is one event on the Team
 * (entityType "Team", entityId = the team), so the team page's history shows all of it; a member move is
 * recorded on the team the person left, with the team they joined.
 *
 * Concurrency: the one-pod and allocation rules read a person's other memberships, so two transactions
 * could each pass the check and both write. Every change to a person's memberships first takes a
 * transaction-scoped advisory lock on the person (then, for a product-owner change, on the team), so those
 * checks run one at a time per person; the partial unique index db_rule_one_product_owner_per_team is the
 * backstop for the product-owner rule. Locks are always taken person first, then team.
 */

type Result<D> = Promise<{ data: D; audit: AuditEntry[] }>;

async function lock(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
const lockPerson = (tx: Tx, personId: number) => lock(tx, `person:${personId}`);
const lockTeam = (tx: Tx, teamId: number) => lock(tx, `team:${teamId}`);

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

// ───────────────────────────── loads ─────────────────────────────

const teamSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  shape: true,
  mission: true,
  valueStreamId: true,
  cadenceDays: true,
  cadenceAnchor: true,
  wipLimit: true,
  requiresBriefLink: true,
  archivedAt: true,
  version: true,
} as const;

export function loadTeam(tx: Tx, teamId: number) {
  return tx.team.findUnique({ where: { id: teamId }, select: teamSelect });
}
export type TeamRow = NonNullable<Awaited<ReturnType<typeof loadTeam>>>;

export function loadMembership(tx: Tx, membershipId: number) {
  return tx.membership.findUnique({
    where: { id: membershipId },
    select: {
      id: true,
      personId: true,
      teamId: true,
      role: true,
      allocationPct: true,
      version: true,
      person: { select: { name: true } },
      team: { select: teamSelect },
    },
  });
}
export type MembershipRow = NonNullable<Awaited<ReturnType<typeof loadMembership>>>;

export function loadDecisionRight(tx: Tx, decisionRightId: number) {
  return tx.decisionRight.findUnique({
    where: { id: decisionRightId },
    select: {
      id: true,
      teamId: true,
      decision: true,
      mode: true,
      approverPersonId: true,
      approverRole: true,
      responseHours: true,
      escalationRoute: true,
      approver: { select: { name: true } },
      team: { select: teamSelect },
    },
  });
}
export type DecisionRightRow = NonNullable<Awaited<ReturnType<typeof loadDecisionRight>>>;

// ───────────────────────────── audit snapshots ─────────────────────────────

/** A team as the history shows it: names instead of ids, the anchor as a day. */
async function teamSnapshot(tx: Tx, teamId: number) {
  const t = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { ...teamSelect, valueStream: { select: { name: true } } } });
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    shape: t.shape,
    mission: t.mission,
    valueStream: t.valueStream?.name ?? null,
    cadenceDays: t.cadenceDays,
    cadenceAnchor: toIsoDay(t.cadenceAnchor),
    wipLimit: t.wipLimit,
    requiresBriefLink: t.requiresBriefLink,
    version: t.version,
  };
}

function memberSnapshot(m: { id: number; personName: string; teamName: string; role: MemberRole; allocationPct: number }) {
  return { id: m.id, member: m.personName, team: m.teamName, role: m.role, allocation: `${m.allocationPct}%` };
}

function decisionSnapshot(d: {
  id: number;
  decision: string;
  mode: DecisionMode;
  approverName: string | null;
  approverRole: string | null;
  responseHours: number | null;
  escalationRoute: string;
}) {
  return {
    id: d.id,
    decision: d.decision,
    mode: d.mode,
    approver: d.approverName ?? d.approverRole,
    responseWithin: d.responseHours === null ? null : `${d.responseHours} h`,
    escalationRoute: d.escalationRoute,
  };
}

// ───────────────────────────── teams ─────────────────────────────

export interface TeamFieldsInput {
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  mission: string;
  valueStreamId: number | null;
  cadenceDays: number;
  cadenceAnchor: Date;
  wipLimit: number;
  requiresBriefLink: boolean;
}

/** "Brand & Content" → "brand-content". */
function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return base || "team";
}

async function freeSlug(tx: Tx, name: string, exceptTeamId?: number): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await tx.team.findMany({ where: { slug: { startsWith: base }, ...(exceptTeamId ? { id: { not: exceptTeamId } } : {}) }, select: { slug: true } })).map(
      (t) => t.slug,
    ),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

async function checkTeamFields(tx: Tx, input: TeamFieldsInput, exceptTeamId?: number): Promise<void> {
  const clash = await tx.team.findFirst({
    where: { name: { equals: input.name, mode: "insensitive" }, ...(exceptTeamId ? { id: { not: exceptTeamId } } : {}) },
    select: { name: true },
  });
  if (clash) {
    throw refuse("INVALID", `A team called ${clash.name} already exists.`, { fieldErrors: { name: "Another team has this name" } });
  }
  if (input.valueStreamId !== null && !(await tx.valueStream.findUnique({ where: { id: input.valueStreamId }, select: { id: true } }))) {
    throw refuse("INVALID", "That value stream no longer exists.", { fieldErrors: { valueStreamId: "Choose a value stream from the list" } });
  }
}

/** Creates a team (a pod or a shared service) with no members yet. */
export async function createTeam(tx: Tx, input: TeamFieldsInput): Result<{ teamId: number }> {
  await checkTeamFields(tx, input);
  let team: { id: number };
  try {
    const { name, kind, shape, mission, valueStreamId, cadenceDays, cadenceAnchor, wipLimit, requiresBriefLink } = input;
    team = await tx.team.create({
      data: { name, kind, shape, mission, valueStreamId, cadenceDays, cadenceAnchor, wipLimit, requiresBriefLink, slug: await freeSlug(tx, name) },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse("INVALID", `A team called ${input.name} already exists.`, { fieldErrors: { name: "Another team has this name" } });
    throw error;
  }
  const after = await teamSnapshot(tx, team.id);
  return { data: { teamId: team.id }, audit: [{ action: "team.create", entityType: "Team", entityId: team.id, teamId: team.id, after }] };
}

/**
 * Turning a shared service into a delivery pod gives each of its delivery members a delivery role in a pod:
 * refused, naming the pod, for anyone who already delivers in another pod (under every member's lock, taken in
 * id order so two such changes cannot deadlock).
 */
async function checkBecomingPod(tx: Tx, team: TeamRow): Promise<void> {
  const members = await tx.membership.findMany({
    where: { teamId: team.id, role: { not: "OVERSIGHT" } },
    orderBy: { personId: "asc" },
    select: { personId: true, role: true, person: { select: { name: true } } },
  });
  for (const m of members) await lockPerson(tx, m.personId);
  for (const m of members) {
    const rows = await tx.membership.findMany({
      where: { personId: m.personId, teamId: { not: team.id }, team: { archivedAt: null } },
      select: { teamId: true, role: true, allocationPct: true, team: { select: { name: true, kind: true } } },
      orderBy: { team: { name: "asc" } },
    });
    const held = rows.map((r) => ({ teamId: r.teamId, teamName: r.team.name, teamKind: r.team.kind, role: r.role, allocationPct: r.allocationPct }));
    const conflict = deliveryPodConflict(m.person.name, m.role, { id: team.id, kind: "DELIVERY_POD" }, held);
    if (conflict) {
      throw refuse("INVALID", `${team.name} cannot become a delivery pod: ${conflict}`, { fieldErrors: { kind: "A member already delivers in another pod" } });
    }
  }
}

/**
 * Edits a team's fields against the version the editor opened. A shared service may become a delivery pod only
 * if none of its delivery members already delivers in another pod; a pod may always become a shared service.
 */
export async function updateTeam(tx: Tx, team: TeamRow, input: TeamFieldsInput & { version: number }): Result<{ version: number }> {
  await checkTeamFields(tx, input, team.id);
  if (team.kind !== "DELIVERY_POD" && input.kind === "DELIVERY_POD") await checkBecomingPod(tx, team);
  const before = await teamSnapshot(tx, team.id);
  const { version, name, kind, shape, mission, valueStreamId, cadenceDays, cadenceAnchor, wipLimit, requiresBriefLink } = input;
  const fields = { name, kind, shape, mission, valueStreamId, cadenceDays, cadenceAnchor, wipLimit, requiresBriefLink };
  const slug = input.name === team.name ? team.slug : await freeSlug(tx, input.name, team.id);
  await expectVersion(
    tx,
    { type: "Team", id: team.id, label: `The team ${team.name}` },
    () => tx.team.updateMany({ where: { id: team.id, version }, data: { ...fields, slug, version: { increment: 1 } } }),
    async () => (await loadTeam(tx, team.id))?.version ?? null,
  );
  const after = await teamSnapshot(tx, team.id);
  return { data: { version: after.version }, audit: [{ action: "team.update", entityType: "Team", entityId: team.id, teamId: team.id, before, after }] };
}

/** Bumps the team's version for a change to its set-up held in another table (decision rights). */
async function touchTeam(tx: Tx, team: TeamRow, expectedVersion: number): Promise<void> {
  await expectVersion(
    tx,
    { type: "Team", id: team.id, label: `The team ${team.name}` },
    () => tx.team.updateMany({ where: { id: team.id, version: expectedVersion }, data: { version: { increment: 1 } } }),
    async () => (await loadTeam(tx, team.id))?.version ?? null,
  );
}

function refuseArchived(team: TeamRow): void {
  if (team.archivedAt !== null) throw refuse("INVALID", `${team.name} is archived; its set-up can no longer change.`);
}

// ───────────────────────────── members: the rules ─────────────────────────────

interface Assignment {
  person: { id: number; name: string };
  team: TeamRow;
  role: MemberRole;
  allocationPct: number;
  /** The membership being changed or moved (left out of "what the person holds elsewhere"). */
  membershipId: number | null;
  replaceProductOwner: boolean;
}

/**
 * Checks rules 1 and 2 and the allocation limit for giving `person` the role in `team`, under the person's lock
 * (and the team's, for a product owner). Refuses with a message naming the conflict. When the team's
 * product owner is being replaced (the caller confirmed), removes the current one's membership and returns
 * their name.
 *
 * Decision: a replaced product owner leaves the team rather than being given some other role. Which delivery
 * role they should take (if any) is a staffing decision the app cannot guess; removing them frees their
 * allocation, and a leader can add them back with the right role in one step.
 */
async function checkAssignment(tx: Tx, a: Assignment): Promise<{ replacedOwner: { id: number; name: string; allocationPct: number } | null }> {
  await lockPerson(tx, a.person.id);
  const rows = await tx.membership.findMany({
    // Archived teams no longer deliver or take anyone's time.
    where: { personId: a.person.id, team: { archivedAt: null }, ...(a.membershipId !== null ? { id: { not: a.membershipId } } : {}) },
    select: { teamId: true, role: true, allocationPct: true, team: { select: { name: true, kind: true } } },
    orderBy: { team: { name: "asc" } },
  });
  const held: HeldMembership[] = rows.map((m) => ({ teamId: m.teamId, teamName: m.team.name, teamKind: m.team.kind, role: m.role, allocationPct: m.allocationPct }));

  const already = held.find((m) => m.teamId === a.team.id);
  if (already) {
    throw refuse("INVALID", `${a.person.name} is already in ${a.team.name} as ${roleLabel(already.role)}; change that membership instead.`, {
      fieldErrors: { personId: `Already a member of ${a.team.name}` },
    });
  }

  const podConflict = deliveryPodConflict(a.person.name, a.role, a.team, held);
  if (podConflict) throw refuse("INVALID", podConflict, { fieldErrors: { role: "Already delivers in another pod" } });

  const overAllocated = allocationProblem(a.person.name, [...held, { teamName: a.team.name, allocationPct: a.allocationPct }]);
  if (overAllocated) throw refuse("INVALID", overAllocated, { fieldErrors: { allocationPct: "More than 100% in total" } });

  if (a.role !== "PRODUCT_OWNER") return { replacedOwner: null };
  await lockTeam(tx, a.team.id);
  const owner = await tx.membership.findFirst({
    where: { teamId: a.team.id, role: "PRODUCT_OWNER", ...(a.membershipId !== null ? { id: { not: a.membershipId } } : {}) },
    select: { id: true, personId: true, allocationPct: true, person: { select: { name: true } } },
  });
  if (!needsProductOwnerReplacement(a.role, a.person.id, owner)) return { replacedOwner: null };
  const question = productOwnerQuestion(owner!.person.name);
  if (!a.replaceProductOwner) {
    throw refuse("CONFLICT", question, { fieldErrors: { replaceProductOwner: question } });
  }
  // Conditional on it still being this team's owner: a concurrent change to that membership wins, and this
  // transaction is refused rather than deleting a row that has since become something else.
  const { count } = await tx.membership.deleteMany({ where: { id: owner!.id, teamId: a.team.id, role: "PRODUCT_OWNER" } });
  if (count !== 1) throw refuse("CONFLICT", `${a.team.name}’s product owner changed while you were editing. Reload and try again.`);
  return { replacedOwner: { id: owner!.id, name: owner!.person.name, allocationPct: owner!.allocationPct } };
}

/**
 * The product-owner index is the backstop for a writer that skipped the team lock. After a unique violation
 * the transaction is aborted, so nothing more can be read: answer with a reload.
 */
async function guardOwnerIndex<T>(team: { name: string }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw refuse("CONFLICT", `${team.name} got a product owner while you were editing. Reload and try again.`);
  }
}

function replacementNote(replaced: { name: string } | null) {
  return replaced ? { replacedProductOwner: `${replaced.name} (left the team)` } : {};
}

// ───────────────────────────── members: writes ─────────────────────────────

/** Adds a person to a team with a role and allocation, enforcing the rules. */
export async function addMember(
  tx: Tx,
  team: TeamRow,
  input: { personId: number; role: MemberRole; allocationPct: number; replaceProductOwner: boolean },
): Result<{ membershipId: number }> {
  refuseArchived(team);
  const person = await tx.person.findUnique({ where: { id: input.personId }, select: { id: true, name: true } });
  if (!person) throw refuse("INVALID", "That person does not exist.", { fieldErrors: { personId: "Choose a person from the list" } });
  const { replacedOwner } = await checkAssignment(tx, { person, team, role: input.role, allocationPct: input.allocationPct, membershipId: null, replaceProductOwner: input.replaceProductOwner });
  const created = await guardOwnerIndex(team, () =>
    tx.membership.create({ data: { personId: person.id, teamId: team.id, role: input.role, allocationPct: input.allocationPct }, select: { id: true } }),
  );
  const after = { ...memberSnapshot({ id: created.id, personName: person.name, teamName: team.name, role: input.role, allocationPct: input.allocationPct }), ...replacementNote(replacedOwner) };
  return { data: { membershipId: created.id }, audit: [{ action: "team.member.added", entityType: "Team", entityId: team.id, teamId: team.id, after }] };
}

/** Changes a member's role and allocation in their team, against the version the editor opened. */
export async function updateMember(
  tx: Tx,
  m: MembershipRow,
  input: { version: number; role: MemberRole; allocationPct: number; replaceProductOwner: boolean },
): Result<{ version: number; teamId: number }> {
  refuseArchived(m.team);
  const { replacedOwner } = await checkAssignment(tx, {
    person: { id: m.personId, name: m.person.name },
    team: m.team,
    role: input.role,
    allocationPct: input.allocationPct,
    membershipId: m.id,
    replaceProductOwner: input.replaceProductOwner,
  });
  await guardOwnerIndex(m.team, () =>
    expectVersion(
      tx,
      { type: "Team", id: m.teamId, label: `${m.person.name}’s membership of ${m.team.name}` },
      () => tx.membership.updateMany({ where: { id: m.id, version: input.version }, data: { role: input.role, allocationPct: input.allocationPct, version: { increment: 1 } } }),
      async () => (await tx.membership.findUnique({ where: { id: m.id }, select: { version: true } }))?.version ?? null,
    ),
  );
  const before = memberSnapshot({ id: m.id, personName: m.person.name, teamName: m.team.name, role: m.role, allocationPct: m.allocationPct });
  const after = { ...memberSnapshot({ id: m.id, personName: m.person.name, teamName: m.team.name, role: input.role, allocationPct: input.allocationPct }), ...replacementNote(replacedOwner) };
  return { data: { version: input.version + 1, teamId: m.teamId }, audit: [{ action: "team.member.changed", entityType: "Team", entityId: m.teamId, teamId: m.teamId, before, after }] };
}

/**
 * Moves a member to another team with the role and allocation they will have there (one membership changes
 * team; the person never holds both at once). The rules are checked for the destination.
 */
export async function moveMember(
  tx: Tx,
  m: MembershipRow,
  to: TeamRow,
  input: { version: number; role: MemberRole; allocationPct: number; replaceProductOwner: boolean },
): Result<{ version: number; fromTeamId: number }> {
  refuseArchived(m.team);
  refuseArchived(to);
  if (to.id === m.teamId) throw refuse("INVALID", `${m.person.name} is already in ${to.name}.`, { fieldErrors: { toTeamId: "Choose another team" } });
  const { replacedOwner } = await checkAssignment(tx, {
    person: { id: m.personId, name: m.person.name },
    team: to,
    role: input.role,
    allocationPct: input.allocationPct,
    membershipId: m.id,
    replaceProductOwner: input.replaceProductOwner,
  });
  await guardOwnerIndex(to, () =>
    expectVersion(
      tx,
      { type: "Team", id: m.teamId, label: `${m.person.name}’s membership of ${m.team.name}` },
      () =>
        tx.membership.updateMany({
          where: { id: m.id, version: input.version },
          data: { teamId: to.id, role: input.role, allocationPct: input.allocationPct, version: { increment: 1 } },
        }),
      async () => (await tx.membership.findUnique({ where: { id: m.id }, select: { version: true } }))?.version ?? null,
    ),
  );
  const before = memberSnapshot({ id: m.id, personName: m.person.name, teamName: m.team.name, role: m.role, allocationPct: m.allocationPct });
  const after = { ...memberSnapshot({ id: m.id, personName: m.person.name, teamName: to.name, role: input.role, allocationPct: input.allocationPct }), ...replacementNote(replacedOwner) };
  return { data: { version: input.version + 1, fromTeamId: m.teamId }, audit: [{ action: "team.member.moved", entityType: "Team", entityId: m.teamId, teamId: m.teamId, before, after }] };
}

/** Removes a member from a team (a team left without a product owner shows a finding; it is not refused). */
export async function removeMember(tx: Tx, m: MembershipRow, input: { version: number }): Result<{ teamId: number }> {
  refuseArchived(m.team);
  await lockPerson(tx, m.personId);
  await expectVersion(
    tx,
    { type: "Team", id: m.teamId, label: `${m.person.name}’s membership of ${m.team.name}` },
    () => tx.membership.deleteMany({ where: { id: m.id, version: input.version } }),
    async () => (await tx.membership.findUnique({ where: { id: m.id }, select: { version: true } }))?.version ?? null,
  );
  const before = memberSnapshot({ id: m.id, personName: m.person.name, teamName: m.team.name, role: m.role, allocationPct: m.allocationPct });
  return { data: { teamId: m.teamId }, audit: [{ action: "team.member.removed", entityType: "Team", entityId: m.teamId, teamId: m.teamId, before, after: {} }] };
}

// ───────────────────────────── decision rights ─────────────────────────────

export interface DecisionInput {
  decision: string;
  mode: DecisionMode;
  approverPersonId: number | null;
  approverRole: string | null;
  responseHours: number | null;
  escalationRoute: string;
}

async function approverName(tx: Tx, approverPersonId: number | null): Promise<string | null> {
  if (approverPersonId === null) return null;
  const person = await tx.person.findUnique({ where: { id: approverPersonId }, select: { name: true } });
  if (!person) throw refuse("INVALID", "That approver no longer exists.", { fieldErrors: { approverPersonId: "Choose a person from the list" } });
  return person.name;
}

async function checkDecisionUnique(tx: Tx, teamId: number, decision: string, exceptId?: number): Promise<void> {
  const clash = await tx.decisionRight.findFirst({
    where: { teamId, decision: { equals: decision, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw refuse("INVALID", "The team already has this decision.", { fieldErrors: { decision: "Already listed for this team" } });
}

/** Adds a decision right to a team, against the team's version (decision rights are part of its set-up). */
export async function createDecisionRight(tx: Tx, team: TeamRow, input: DecisionInput & { teamVersion: number }): Result<{ decisionRightId: number }> {
  refuseArchived(team);
  const { teamVersion, decision, mode, approverPersonId, approverRole, responseHours, escalationRoute } = input;
  const fields = { decision, mode, approverPersonId, approverRole, responseHours, escalationRoute };
  const name = await approverName(tx, fields.approverPersonId);
  await checkDecisionUnique(tx, team.id, fields.decision);
  await touchTeam(tx, team, teamVersion);
  const created = await tx.decisionRight.create({ data: { teamId: team.id, ...fields }, select: { id: true } });
  const after = decisionSnapshot({ id: created.id, ...fields, approverName: name });
  return { data: { decisionRightId: created.id }, audit: [{ action: "team.decision_right.added", entityType: "Team", entityId: team.id, teamId: team.id, after }] };
}

export async function updateDecisionRight(tx: Tx, d: DecisionRightRow, input: DecisionInput & { teamVersion: number }): Result<{ decisionRightId: number; teamId: number }> {
  refuseArchived(d.team);
  const { teamVersion, decision, mode, approverPersonId, approverRole, responseHours, escalationRoute } = input;
  const fields = { decision, mode, approverPersonId, approverRole, responseHours, escalationRoute };
  const name = await approverName(tx, fields.approverPersonId);
  await checkDecisionUnique(tx, d.teamId, fields.decision, d.id);
  await touchTeam(tx, d.team, teamVersion);
  await tx.decisionRight.update({ where: { id: d.id }, data: fields });
  const before = decisionSnapshot({ ...d, approverName: d.approver?.name ?? null });
  const after = decisionSnapshot({ id: d.id, ...fields, approverName: name });
  return { data: { decisionRightId: d.id, teamId: d.teamId }, audit: [{ action: "team.decision_right.changed", entityType: "Team", entityId: d.teamId, teamId: d.teamId, before, after }] };
}

export async function deleteDecisionRight(tx: Tx, d: DecisionRightRow, input: { teamVersion: number }): Result<{ teamId: number }> {
  refuseArchived(d.team);
  await touchTeam(tx, d.team, input.teamVersion);
  await tx.decisionRight.delete({ where: { id: d.id } });
  const before = decisionSnapshot({ ...d, approverName: d.approver?.name ?? null });
  return { data: { teamId: d.teamId }, audit: [{ action: "team.decision_right.removed", entityType: "Team", entityId: d.teamId, teamId: d.teamId, before, after: {} }] };
}
