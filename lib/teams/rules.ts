/**
 * The structural rules of teams (DOMAIN.md rules 1–4 and the team-structure article), as pure functions with
 * no I/O. The mutations in ./mutations.ts call the refusing rules inside the write transaction, after taking
 * the locks that make them hold under concurrency; the queries call the finding rules on small per-team
 * aggregates (role lists and counts) computed in SQL.
 */
import type { MemberRole, TeamKind } from "@/lib/generated/prisma/enums";
import { POD_SIZE_MAX, POD_SIZE_MIN, isPodSizeOutOfRange } from "./pod-size";

export const MEMBER_ROLES = [
  "PRODUCT_OWNER",
  "AGILE_LEAD",
  "CONTENT_STRATEGIST",
  "PAID_MEDIA",
  "CRM_LIFECYCLE",
  "DESIGNER",
  "SEO_ANALYTICS",
  "CUSTOMER_SUCCESS_LIAISON",
  "VIDEO_CREATIVE",
  "REVOPS_ATTRIBUTION",
  "LEGAL_COUNSEL",
  "BRAND_MANAGER",
  "WEB_DEVELOPER",
  "OVERSIGHT",
] as const satisfies readonly MemberRole[];

/** Everything but OVERSIGHT is a delivery role: oversight (VP marketing, head of strategy) does no sprint work. */
export function isDeliveryRole(role: MemberRole): boolean {
  return role !== "OVERSIGHT";
}

/** Roles as job names, for tables and sentences ("Chloe Martin is already a Designer in …"). */
export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = {
  PRODUCT_OWNER: "Product Owner",
  AGILE_LEAD: "Agile Lead",
  CONTENT_STRATEGIST: "Content Strategist",
  PAID_MEDIA: "Paid Media Specialist",
  CRM_LIFECYCLE: "CRM & Lifecycle Marketer",
  DESIGNER: "Designer",
  SEO_ANALYTICS: "SEO & Analytics Specialist",
  CUSTOMER_SUCCESS_LIAISON: "Customer Success Liaison",
  VIDEO_CREATIVE: "Video & Creative Producer",
  REVOPS_ATTRIBUTION: "RevOps & Attribution Analyst",
  LEGAL_COUNSEL: "Legal Counsel",
  BRAND_MANAGER: "Brand Manager",
  WEB_DEVELOPER: "Web Developer",
  OVERSIGHT: "Oversight",
};

export function roleLabel(role: MemberRole): string {
  return ROLE_LABELS[role];
}

/** "Acquisition" → "the Acquisition pod"; two or more → "the Acquisition and Brand & Content pods". */
function podPhrase(names: readonly string[]): string {
  if (names.length === 1) return `the ${names[0]} pod`;
  return `the ${listPhrase(names)} pods`;
}

/** "A", "A and B", "A, B and C". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "a Designer", "an Agile Lead", "an SEO …" (an acronym is read letter by letter). */
function article(phrase: string): string {
  const acronym = /^[A-Z]{2,}\b/.exec(phrase);
  if (acronym) return "AEFHILMNORSX".includes(phrase[0]!) ? "an" : "a";
  return /^[aeiou]/i.test(phrase) ? "an" : "a";
}

// ───────────────────────────── rule 1: one delivery pod per person ─────────────────────────────

export interface HeldMembership {
  teamId: number;
  teamName: string;
  teamKind: TeamKind;
  role: MemberRole;
  allocationPct: number;
}

/**
 * Rule 1: a person holds a delivery role in at most one delivery pod. Giving `role` in `target` conflicts when
 * the target is a delivery pod, the role is a delivery role, and the person already holds a delivery role in
 * another delivery pod. Oversight roles are exempt on both sides; shared services are not pods.
 *
 * `held` is every membership the person holds (the target's own membership, if any, is ignored).
 * Returns the message naming the other pod(s), or null when the assignment is fine.
 */
export function deliveryPodConflict(
  personName: string,
  role: MemberRole,
  target: { id: number; kind: TeamKind },
  held: readonly HeldMembership[],
): string | null {
  if (target.kind !== "DELIVERY_POD" || !isDeliveryRole(role)) return null;
  const others = held.filter((m) => m.teamId !== target.id && m.teamKind === "DELIVERY_POD" && isDeliveryRole(m.role));
  if (others.length === 0) return null;
  const first = others[0]!;
  const sameRole = others.every((m) => m.role === first.role);
  const what = sameRole
    ? `${article(roleLabel(first.role))} ${roleLabel(first.role)} in ${podPhrase(others.map((m) => m.teamName))}`
    : listPhrase(others.map((m) => `${article(roleLabel(m.role))} ${roleLabel(m.role)} in the ${m.teamName} pod`));
  return `${personName} is already ${what}; a person delivers in one pod only. Oversight roles are exempt.`;
}

// ───────────────────────────── allocation ─────────────────────────────

export const MAX_ALLOCATION_PCT = 100;

/**
 * A person's allocation across all their memberships may not exceed 100 % (exactly 100 is fine). `after` is
 * every membership the person would hold once the change is made. Returns the refusal naming the total and
 * the teams, or null.
 */
export function allocationProblem(
  personName: string,
  after: ReadonlyArray<{ teamName: string; allocationPct: number }>,
): string | null {
  const total = after.reduce((sum, m) => sum + m.allocationPct, 0);
  if (total <= MAX_ALLOCATION_PCT) return null;
  const parts = [...after]
    .sort((a, b) => b.allocationPct - a.allocationPct || a.teamName.localeCompare(b.teamName))
    .map((m) => `${m.teamName} ${m.allocationPct}%`);
  return `That would allocate ${personName} ${total}% (${listPhrase(parts)}); nobody can be allocated more than ${MAX_ALLOCATION_PCT}%.`;
}

/** The allocation a person still has free, given what they hold elsewhere (never below 0). */
export function freeAllocation(heldElsewhere: ReadonlyArray<{ allocationPct: number }>): number {
  return Math.max(0, MAX_ALLOCATION_PCT - heldElsewhere.reduce((sum, m) => sum + m.allocationPct, 0));
}

// ───────────────────────────── rule 2: one product owner ─────────────────────────────

/** Rule 2: the question asked when a second product owner is assigned (the caller may then replace the first). */
export function productOwnerQuestion(currentOwnerName: string): string {
  return `${currentOwnerName} is the product owner; replace them?`;
}

/**
 * Whether making someone product owner of a team needs the current owner replaced: true when the team already
 * has a product owner who is a different person.
 */
export function needsProductOwnerReplacement(
  newRole: MemberRole,
  newPersonId: number,
  currentOwner: { personId: number } | null,
): boolean {
  return newRole === "PRODUCT_OWNER" && currentOwner !== null && currentOwner.personId !== newPersonId;
}

// ───────────────────────────── rule 4: capability coverage ─────────────────────────────

export type Capability = "MESSAGING" | "VISUAL_ASSETS" | "CHANNELS" | "PERFORMANCE" | "BACKLOG";

/**
 * Which roles can do each thing a pod needs to ship a campaign alone (the article's "role assignment logic").
 * Decisions: organic search is a channel, so SEO/analytics both manages a channel and monitors performance;
 * "adapt scope in response to data" is the backlog owner's job, so owning the backlog covers it.
 */
export const CAPABILITIES: ReadonlyArray<{ capability: Capability; label: string; roles: readonly MemberRole[] }> = [
  { capability: "MESSAGING", label: "define messaging", roles: ["CONTENT_STRATEGIST"] },
  { capability: "VISUAL_ASSETS", label: "produce visual assets", roles: ["DESIGNER", "VIDEO_CREATIVE"] },
  { capability: "CHANNELS", label: "manage channels", roles: ["PAID_MEDIA", "CRM_LIFECYCLE", "SEO_ANALYTICS"] },
  { capability: "PERFORMANCE", label: "monitor performance", roles: ["SEO_ANALYTICS", "REVOPS_ATTRIBUTION"] },
  { capability: "BACKLOG", label: "own the backlog", roles: ["PRODUCT_OWNER"] },
];

/** The capabilities none of `roles` covers, in the order above. Oversight covers nothing (no sprint work). */
export function missingCapabilities(roles: readonly MemberRole[]): Capability[] {
  const held = new Set(roles.filter(isDeliveryRole));
  return CAPABILITIES.filter((c) => !c.roles.some((r) => held.has(r))).map((c) => c.capability);
}

export function capabilityLabel(capability: Capability): string {
  return CAPABILITIES.find((c) => c.capability === capability)?.label ?? capability;
}

// ───────────────────────────── findings ─────────────────────────────

export type FindingKind = "NO_PRODUCT_OWNER" | "INCOMPLETE_TEAM" | "POD_SIZE" | "DOUBLE_BOOKED";

/** Something wrong with a team's structure that is shown, not refused. */
export interface TeamFinding {
  kind: FindingKind;
  /** A short badge text ("Incomplete team"). */
  title: string;
  /** The sentence naming the problem. */
  detail: string;
}

/** What the findings need to know about a team: small aggregates, computable in SQL. */
export interface TeamShapeFacts {
  kind: TeamKind;
  /** Members in a delivery role (every role but OVERSIGHT). */
  deliveryMemberCount: number;
  /** The roles held in the team (duplicates allowed). */
  roles: readonly MemberRole[];
  /** Delivery members who also deliver in another pod, with those pods' names (delivery pods only). */
  doubleBooked?: ReadonlyArray<{ name: string; otherPods: readonly string[] }>;
}

/**
 * The health findings of a team, most important first:
 * - no product owner (any team: rule 2 says exactly one);
 * - incomplete team, naming the missing capabilities (delivery pods: rule 4);
 * - delivery size outside 5–9 (delivery pods: rule 3, a warning);
 * - members double-booked in another pod (rule 1 broken by data entered before it was enforced).
 */
export function teamFindings(facts: TeamShapeFacts): TeamFinding[] {
  const findings: TeamFinding[] = [];
  if (!facts.roles.includes("PRODUCT_OWNER")) {
    findings.push({ kind: "NO_PRODUCT_OWNER", title: "No product owner", detail: "Nobody owns the backlog: every team needs exactly one product owner." });
  }
  if (facts.kind === "DELIVERY_POD") {
    const missing = missingCapabilities(facts.roles);
    if (missing.length > 0) {
      const labels = missing.map(capabilityLabel);
      findings.push({
        kind: "INCOMPLETE_TEAM",
        title: "Incomplete team",
        detail: `Nobody in the pod can ${listPhrase(labels)}.`,
      });
    }
    if (isPodSizeOutOfRange(facts.kind, facts.deliveryMemberCount)) {
      const n = facts.deliveryMemberCount;
      findings.push({
        kind: "POD_SIZE",
        title: n < POD_SIZE_MIN ? "Too small" : "Too large",
        detail: `${n} delivery ${n === 1 ? "member" : "members"}; pods work best with ${POD_SIZE_MIN}–${POD_SIZE_MAX}.`,
      });
    }
    for (const person of facts.doubleBooked ?? []) {
      findings.push({
        kind: "DOUBLE_BOOKED",
        title: "Double-booked",
        detail: `${person.name} also delivers in ${podPhrase(person.otherPods)}.`,
      });
    }
  }
  return findings;
}
