/**
 * Cross-team coordination of the demo: dependencies between pods and from pods to shared services, and
 * service requests filed under the shared services' SLAs (due times in business time).
 */
import {
  DependencyStatus,
  DependencyType,
  ItemLevel,
  ItemStatus,
  MemberRole,
  RequestStatus,
  SprintStatus,
  TeamKind,
  TurnaroundUnit,
} from "@/lib/generated/prisma/enums";
import { addDays } from "./calendar";
import { idOf, type SeedContext, type Tx } from "./context";
import type { BacklogPlan, ItemPlan } from "./backlog";
import { FEATURES } from "./backlog-defs";
import { SLAS, agileLead, deliveryMembers, membersWithRole, productOwner, slaKey, teamDef, type OrgIds, type SlaDef } from "./org";
import type { Rng } from "./random";

// ───────────────────────────── dependencies ─────────────────────────────

type ItemRef = "active" | "done" | `feature:${string}`;

interface DependencyDef {
  from: string;
  to: string;
  type: DependencyType;
  description: string;
  /** Needed-by, in days relative to today. */
  neededBy: number;
  status: DependencyStatus;
  /** RESOLVED: days after (+) or before (−) the needed-by date it was resolved. */
  resolvedOffset?: number;
  fromItem?: ItemRef;
  toItem?: ItemRef;
  proposedDate?: number;
  rejectionReason?: string;
}

const T = DependencyType;
const D = DependencyStatus;

export const DEPENDENCIES: DependencyDef[] = [
  { from: "acquisition", to: "web", type: T.TECHNOLOGY, description: "Landing page template with UTM capture for the paid social programme.", neededBy: -6, status: D.IN_PROGRESS, fromItem: "active" },
  { from: "acquisition", to: "analytics", type: T.DATA_NEED, description: "Conversions API events for LinkedIn and Meta so paid social optimises on pipeline.", neededBy: -3, status: D.BLOCKED, fromItem: "active", proposedDate: 9 },
  { from: "activation", to: "retention", type: T.AUDIENCE_OVERLAP, description: "Suppress accounts in an open save play from the trial nurture.", neededBy: 5, status: D.ACCEPTED, fromItem: "active" },
  { from: "acquisition", to: "activation", type: T.CAMPAIGN_COLLISION, description: "The free-trial paid social push and the trial nurture refresh both hit Trial users in the same weeks: agree frequency caps and sequencing.", neededBy: 4, status: D.OPEN, fromItem: "feature:Free-trial paid social push", toItem: "feature:Trial nurture refresh" },
  { from: "retention", to: "expansion", type: T.CAMPAIGN_COLLISION, description: "Win-back e-mails and the Enterprise upgrade offer target the same Enterprise accounts.", neededBy: -2, status: D.OPEN, fromItem: "feature:Win-back campaign for lapsed accounts", toItem: "feature:Enterprise upgrade offer" },
  { from: "brand-content", to: "brand", type: T.SHARED_RESOURCE, description: "Two days of brand designer time for the visual identity toolkit.", neededBy: -40, status: D.RESOLVED, resolvedOffset: -2, fromItem: "done" },
  { from: "retention", to: "legal", type: T.SHARED_RESOURCE, description: "Legal review of save-offer terms and conditions.", neededBy: -30, status: D.RESOLVED, resolvedOffset: 4, fromItem: "done" },
  { from: "expansion", to: "analytics", type: T.DATA_NEED, description: "Product usage signals in the warehouse for the upgrade propensity model.", neededBy: 10, status: D.IN_PROGRESS },
  { from: "activation", to: "web", type: T.TECHNOLOGY, description: "In-app guide snippet on the sign-up flow.", neededBy: -1, status: D.ACCEPTED, fromItem: "active" },
  { from: "brand-content", to: "acquisition", type: T.LAUNCH_CONFLICT, description: "Brand campaign launch week collides with the paid search restructure go-live.", neededBy: -25, status: D.RESOLVED, resolvedOffset: -1 },
  { from: "acquisition", to: "legal", type: T.SHARED_RESOURCE, description: "Claims sign-off for competitor comparison pages.", neededBy: -18, status: D.RESOLVED, resolvedOffset: 3, fromItem: "done" },
  { from: "activation", to: "analytics", type: T.DATA_NEED, description: "Activation milestone events defined and modelled in the warehouse.", neededBy: -55, status: D.RESOLVED, resolvedOffset: -3, fromItem: "done" },
  { from: "retention", to: "web", type: T.TECHNOLOGY, description: "Survey step in the cancellation flow.", neededBy: -35, status: D.CANCELLED, rejectionReason: "Product now owns the cancellation flow; the survey moved to their roadmap." },
  { from: "expansion", to: "brand-content", type: T.SHARED_RESOURCE, description: "Enterprise case study copy for the upgrade offer.", neededBy: 12, status: D.OPEN },
  { from: "brand-content", to: "web", type: T.TECHNOLOGY, description: "CMS component for long-form articles with a sticky table of contents.", neededBy: 8, status: D.IN_PROGRESS, fromItem: "active" },
  { from: "acquisition", to: "brand-content", type: T.AUDIENCE_OVERLAP, description: "Shared SMB audiences on LinkedIn: one frequency cap across both pods.", neededBy: -12, status: D.RESOLVED, resolvedOffset: -1 },
  { from: "retention", to: "analytics", type: T.DATA_NEED, description: "Churn-risk score synced to the CRM for the playbooks.", neededBy: -8, status: D.BLOCKED, fromItem: "active", proposedDate: 6 },
  { from: "expansion", to: "legal", type: T.SHARED_RESOURCE, description: "Terms for the time-limited Enterprise upgrade offer.", neededBy: 3, status: D.ACCEPTED, fromItem: "active" },
  { from: "activation", to: "brand", type: T.SHARED_RESOURCE, description: "Brand review of the onboarding illustrations.", neededBy: -45, status: D.RESOLVED, resolvedOffset: 5, fromItem: "done" },
  { from: "brand-content", to: "legal", type: T.SHARED_RESOURCE, description: "Rights clearance for customer story videos.", neededBy: -60, status: D.RESOLVED, resolvedOffset: -4, fromItem: "done" },
  { from: "acquisition", to: "expansion", type: T.LAUNCH_CONFLICT, description: "Pricing page test would overlap the Enterprise upgrade launch.", neededBy: -20, status: D.CANCELLED, rejectionReason: "Pricing page tests moved to next planning interval." },
  { from: "retention", to: "activation", type: T.AUDIENCE_OVERLAP, description: "Trial users who churn in week two: agree which pod owns the journey.", neededBy: -4, status: D.IN_PROGRESS, fromItem: "active" },
  { from: "activation", to: "acquisition", type: T.DATA_NEED, description: "Lead source fields passed through to trial sign-up.", neededBy: -32, status: D.RESOLVED, resolvedOffset: -2 },
  { from: "expansion", to: "web", type: T.TECHNOLOGY, description: "Tracking on the upgrade checkout.", neededBy: 15, status: D.OPEN },
  { from: "brand-content", to: "analytics", type: T.DATA_NEED, description: "Share-of-voice tracking across marketing-ops media.", neededBy: 6, status: D.ACCEPTED },
];

// ───────────────────────────── service requests ─────────────────────────────

/** What state a request is in relative to today; the times are worked out from it. */
type RequestCase = "on-time" | "late" | "open" | "at-risk" | "breached" | "submitted" | "escalated";

interface RequestDef {
  sla: [string, string];
  pod: string;
  title: string;
  case: RequestCase;
}

const r = (team: string, type: string, pod: string, title: string, c: RequestCase): RequestDef => ({ sla: [team, type], pod, title, case: c });

export const REQUESTS: RequestDef[] = [
  r("legal", "Contract review", "acquisition", "Review agency SOW for paid social", "on-time"),
  r("legal", "Contract review", "brand-content", "Review video production contract", "on-time"),
  r("legal", "Contract review", "acquisition", "Review webinar platform data-processing addendum", "late"),
  r("legal", "Contract review", "retention", "Review G2 review-incentive terms", "on-time"),
  r("legal", "Contract review", "expansion", "Review reseller addendum for Enterprise offer", "at-risk"),
  r("legal", "Claims check", "acquisition", "Check “2× faster reporting” claim on comparison pages", "on-time"),
  r("legal", "Claims check", "activation", "Check onboarding e-mail proof points", "on-time"),
  r("legal", "Claims check", "expansion", "Check ROI figures in the Enterprise calculator", "breached"),
  r("legal", "Claims check", "brand-content", "Check “trusted by 3,000 teams” line in brand campaign", "late"),
  r("legal", "Privacy review", "activation", "Privacy review of product usage data in PQL scoring", "on-time"),
  r("legal", "Privacy review", "retention", "Consent check for win-back e-mails", "escalated"),
  r("brand", "Brand review", "activation", "Brand review of onboarding illustrations", "on-time"),
  r("brand", "Brand review", "acquisition", "Brand review of free-trial paid social creative", "on-time"),
  r("brand", "Brand review", "expansion", "Brand review of upgrade offer e-mails", "open"),
  r("brand", "Brand review", "retention", "Brand review of renewal reminder templates", "late"),
  r("brand", "Creative asset request", "retention", "Hero illustration for win-back e-mails", "on-time"),
  r("brand", "Creative asset request", "retention", "Icon set for the save-offer flow", "breached"),
  r("brand", "Creative asset request", "retention", "Social graphics for customer newsletter", "at-risk"),
  r("brand", "Creative asset request", "expansion", "Slide template for the ROI calculator", "submitted"),
  r("analytics", "Dashboard request", "activation", "PQL funnel dashboard", "on-time"),
  r("analytics", "Dashboard request", "retention", "Win-back campaign dashboard", "on-time"),
  r("analytics", "Dashboard request", "acquisition", "Paid social pipeline dashboard", "on-time"),
  r("analytics", "Dashboard request", "expansion", "Seat-expansion prompt dashboard", "open"),
  r("analytics", "Attribution analysis", "acquisition", "Multi-touch attribution for the webinar programme", "on-time"),
  r("analytics", "Attribution analysis", "brand-content", "Pipeline influence of the brand campaign", "escalated"),
  r("analytics", "Tracking plan review", "activation", "Tracking plan for the in-product checklist", "on-time"),
  r("analytics", "Tracking plan review", "expansion", "Tracking plan for the ROI calculator", "late"),
  r("analytics", "Tracking plan review", "acquisition", "Tracking plan for comparison pages", "submitted"),
  r("web", "Landing page build", "acquisition", "Landing page for the free-trial paid social push", "open"),
  r("web", "Landing page build", "acquisition", "Landing page for the benchmark calculator", "on-time"),
  r("web", "Landing page build", "retention", "Win-back offer landing page", "on-time"),
  r("web", "Landing page build", "expansion", "Enterprise upgrade offer page", "escalated"),
  r("web", "Website change", "brand-content", "Add G2 badge to the homepage", "on-time"),
  r("web", "Website change", "activation", "Swap hero copy on the trial sign-up page", "on-time"),
  r("web", "Website change", "brand-content", "Apply new logo to navigation and footer", "breached"),
  r("web", "Website change", "retention", "Update pricing FAQ for renewals", "submitted"),
  r("web", "Form & tracking setup", "acquisition", "Webinar registration form with UTMs", "on-time"),
  r("web", "Form & tracking setup", "retention", "Save-offer feedback form", "late"),
  r("web", "Form & tracking setup", "activation", "Trial survey form", "escalated"),
  r("web", "Form & tracking setup", "brand-content", "Newsletter sign-up form refresh", "submitted"),
];

// ───────────────────────────── planning ─────────────────────────────

export interface DependencyPlan {
  key: string;
  fromTeam: string;
  toTeam: string;
  fromItem: string | null;
  toItem: string | null;
  type: DependencyType;
  description: string;
  fromOwner: string;
  toOwner: string;
  loggedBy: string;
  neededBy: Date;
  status: DependencyStatus;
  rejectionReason: string | null;
  proposedDate: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface RequestPlan {
  key: string;
  sla: string;
  requestingTeam: string;
  requester: string;
  assignee: string | null;
  item: string | null;
  title: string;
  description: string;
  status: RequestStatus;
  submittedAt: Date;
  clockStartsAt: Date;
  dueAt: Date;
  acceptedAt: Date | null;
  deliveredAt: Date | null;
  escalatedAt: Date | null;
  escalationLevel: number;
}

export interface CoordinationPlan {
  dependencies: DependencyPlan[];
  requests: RequestPlan[];
}

function featureKey(title: string): string {
  const index = FEATURES.findIndex((f) => f.title === title);
  if (index < 0) throw new Error(`seed: unknown feature "${title}"`);
  return `FEAT-${index + 1}`;
}

/** Hands out stories of a team by kind without handing the same story out twice. */
class StoryPicker {
  private readonly used = new Set<string>();
  private readonly active = new Map<string, ItemPlan[]>();
  private readonly done = new Map<string, ItemPlan[]>();

  constructor(
    backlog: BacklogPlan,
    private readonly rng: Rng,
  ) {
    const byKey = new Map(backlog.items.map((i) => [i.key, i]));
    for (const sprint of backlog.sprints) {
      for (const entry of sprint.items) {
        const item = byKey.get(entry.itemKey);
        if (!item || entry.removedAt) continue;
        if (sprint.status === SprintStatus.ACTIVE && (item.status === ItemStatus.BLOCKED || item.status === ItemStatus.IN_PROGRESS)) {
          this.push(this.active, sprint.team, item);
        }
        if (sprint.status === SprintStatus.CLOSED && item.status === ItemStatus.DONE && item.level === ItemLevel.STORY) {
          this.push(this.done, sprint.team, item);
        }
      }
    }
    // Blocked stories first: they are the ones a dependency explains.
    for (const list of this.active.values()) list.sort((a, b) => Number(b.status === ItemStatus.BLOCKED) - Number(a.status === ItemStatus.BLOCKED));
  }

  private push(map: Map<string, ItemPlan[]>, team: string, item: ItemPlan) {
    const list = map.get(team);
    if (list) {
      if (!list.includes(item)) list.push(item);
    } else map.set(team, [item]);
  }

  pick(team: string, ref: ItemRef | undefined): string | null {
    if (!ref) return null;
    if (ref.startsWith("feature:")) return featureKey(ref.slice("feature:".length));
    const list = (ref === "active" ? this.active : this.done).get(team) ?? [];
    const free = list.filter((i) => !this.used.has(i.key));
    const choice = ref === "active" ? free[0] : free.length > 0 ? this.rng.pick(free) : undefined;
    if (!choice) return null;
    this.used.add(choice.key);
    return choice.key;
  }

  /** Any story of the team in its running sprint (for service requests), or null. */
  anyActive(team: string): string | null {
    const list = this.active.get(team) ?? [];
    return list.length > 0 ? this.rng.pick(list).key : null;
  }
}

export function planCoordination(ctx: SeedContext, backlog: BacklogPlan): CoordinationPlan {
  const rng = ctx.rng("coordination");
  const { cal } = ctx;
  const day = cal.minutesPerDay;
  const picker = new StoryPicker(backlog, rng);
  const at = (biz: number) => cal.fromBiz(Math.round(biz));
  const startOf = (date: Date) => cal.toBiz(cal.instant(date, cal.working.workdayStart));

  const dependencies: DependencyPlan[] = DEPENDENCIES.map((def, i) => {
    const neededBy = cal.workingDayOnOrBefore(addDays(ctx.today, def.neededBy));
    const neededStart = startOf(neededBy);
    const createdBiz = Math.min(neededStart - rng.int(8, 20) * day, ctx.nowBiz - rng.int(1, 4) * day) + rng.int(0, day - 60);
    let resolvedAt: Date | null = null;
    if (def.status === D.RESOLVED) {
      const offset = def.resolvedOffset ?? 0;
      // On time: during a working day up to the needed-by date. Late: a few working days after it.
      const resolvedDay = cal.addWorkingDays(neededBy, offset);
      const biz = Math.max(startOf(resolvedDay) + rng.int(30, day - 30), createdBiz + day);
      resolvedAt = at(Math.min(biz, ctx.nowBiz - 60));
    }
    const toShared = teamDef(def.to).kind === TeamKind.SHARED_SERVICE;
    const toCandidates = toShared ? deliveryMembers(def.to).filter((p) => p !== productOwner(def.to)) : [agileLead(def.to)];
    const fromOwner = def.type === T.DATA_NEED ? (membersWithRole(def.from, MemberRole.SEO_ANALYTICS, MemberRole.REVOPS_ATTRIBUTION)[0] ?? agileLead(def.from)) : agileLead(def.from);
    return {
      key: `DEP-${i + 1}`,
      fromTeam: def.from,
      toTeam: def.to,
      fromItem: picker.pick(def.from, def.fromItem),
      toItem: picker.pick(def.to, def.toItem),
      type: def.type,
      description: def.description,
      fromOwner,
      toOwner: rng.pick(toCandidates),
      loggedBy: agileLead(def.from),
      neededBy,
      status: def.status,
      rejectionReason: def.rejectionReason ?? null,
      proposedDate: def.proposedDate === undefined ? null : cal.workingDayOnOrAfter(addDays(ctx.today, def.proposedDate)),
      resolvedAt,
      createdAt: at(createdBiz),
    };
  });

  const slaByKey = new Map(SLAS.map((s) => [slaKey(s.team, s.requestType), s]));
  const drafts = REQUESTS.map((def) => {
    const sla = slaByKey.get(slaKey(def.sla[0], def.sla[1]));
    if (!sla) throw new Error(`seed: unknown SLA ${def.sla.join("/")}`);
    return planRequest(ctx, rng, def, sla, picker);
  }).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const requests = drafts.map((d, i) => ({ ...d, key: `REQ-${i + 1}` }));
  return { dependencies, requests };
}

function turnaroundMinutes(sla: SlaDef, minutesPerDay: number): number {
  return sla.unit === TurnaroundUnit.BUSINESS_HOURS ? sla.turnaround * 60 : sla.turnaround * minutesPerDay;
}

function planRequest(ctx: SeedContext, rng: Rng, def: RequestDef, sla: SlaDef, picker: StoryPicker): RequestPlan {
  const { cal } = ctx;
  const day = cal.minutesPerDay;
  const turnaround = turnaroundMinutes(sla, day);
  const at = (biz: number) => cal.fromBiz(Math.round(biz));
  const now = ctx.nowBiz;

  // The submission time that gives the case, in business minutes.
  let submitted: number;
  switch (def.case) {
    case "on-time":
    case "late":
      submitted = now - rng.int(Math.ceil(turnaround * 1.8 / day) + 8, 58) * day - rng.int(0, day - 1);
      break;
    case "breached":
    case "escalated":
      submitted = now - turnaround - rng.int(8, 14) * day - rng.int(0, day - 1);
      break;
    case "open":
      submitted = now - turnaround * rng.float(0.05, 0.3);
      break;
    case "submitted":
      submitted = now - Math.min(turnaround, 2 * day) * rng.float(0.05, 0.3);
      break;
    case "at-risk": {
      // Due at 09:30 on the next working day: under a quarter of a five-day turnaround is left all of today.
      const nextDay = cal.addWorkingDays(ctx.today, 1);
      const due = cal.toBiz(cal.instant(nextDay, cal.working.workdayStart + 30));
      submitted = due - turnaround;
      break;
    }
  }
  const submittedAt = at(submitted);
  const clockStartsAt = cal.nextWindowOpening(submittedAt, sla.requestDays);
  const clock = cal.toBiz(clockStartsAt);
  const dueAt = at(clock + turnaround);
  const due = cal.toBiz(dueAt);

  let status: RequestStatus = RequestStatus.ACCEPTED;
  let acceptedAt: Date | null = at(clock + Math.min(turnaround * rng.float(0.05, 0.2), 4 * 60));
  let deliveredAt: Date | null = null;
  let escalatedAt: Date | null = null;
  let escalationLevel = 0;
  switch (def.case) {
    case "on-time":
      status = RequestStatus.DELIVERED;
      deliveredAt = at(clock + turnaround * rng.float(0.35, 0.95));
      break;
    case "late":
      status = RequestStatus.DELIVERED;
      deliveredAt = at(due + Math.max(60, turnaround * rng.float(0.15, 0.6)));
      break;
    case "escalated":
      status = RequestStatus.ESCALATED;
      escalatedAt = at(due + rng.int(60, day));
      escalationLevel = rng.int(1, Math.min(2, sla.escalation.length));
      break;
    case "submitted":
      status = RequestStatus.SUBMITTED;
      acceptedAt = null;
      break;
    case "breached":
      if (rng.chance(0.3)) {
        status = RequestStatus.SUBMITTED;
        acceptedAt = null;
      }
      break;
    default:
      break;
  }
  // Nothing is recorded after "now" (a request whose clock has not started yet is only submitted).
  if (acceptedAt && acceptedAt.getTime() >= ctx.now.getTime()) {
    status = status === RequestStatus.ACCEPTED ? RequestStatus.SUBMITTED : status;
    acceptedAt = null;
  }
  const team = teamDef(def.pod);
  const requester = rng.pick([productOwner(def.pod), agileLead(def.pod), ...deliveryMembers(def.pod).slice(2, 4)]);
  const assignees = deliveryMembers(sla.team).filter((p) => p !== productOwner(sla.team));
  const open = status !== RequestStatus.DELIVERED;
  return {
    key: "",
    sla: slaKey(sla.team, sla.requestType),
    requestingTeam: def.pod,
    requester,
    assignee: status === RequestStatus.SUBMITTED ? null : rng.pick(assignees),
    item: open && rng.chance(0.5) ? picker.anyActive(def.pod) : null,
    title: def.title,
    description: `${sla.requestType} requested by the ${team.name} pod via ${sla.intake.toLowerCase().replace("_", " ")}.`,
    status,
    submittedAt,
    clockStartsAt,
    dueAt,
    acceptedAt,
    deliveredAt,
    escalatedAt,
    escalationLevel,
  };
}

// ───────────────────────────── writing ─────────────────────────────

export interface CoordinationCounts {
  dependency: number;
  service_request: number;
}

export async function writeCoordination(
  tx: Tx,
  plan: CoordinationPlan,
  org: OrgIds,
  itemIds: ReadonlyMap<string, number>,
): Promise<{ counts: CoordinationCounts; dependencyIds: Map<string, number>; requestIds: Map<string, number> }> {
  const person = (handle: string) => idOf(org.people, handle, "person");
  const team = (slug: string) => idOf(org.teams, slug, "team");
  const item = (key: string | null) => (key === null ? null : idOf(itemIds, key, "item"));

  const dependencyIds = new Map<string, number>();
  for (const d of plan.dependencies) {
    const data = {
      key: d.key,
      fromTeamId: team(d.fromTeam),
      fromItemId: item(d.fromItem),
      toTeamId: team(d.toTeam),
      toItemId: item(d.toItem),
      type: d.type,
      description: d.description,
      fromOwnerId: person(d.fromOwner),
      toOwnerId: person(d.toOwner),
      neededBy: d.neededBy,
      status: d.status,
      rejectionReason: d.rejectionReason,
      proposedDate: d.proposedDate,
      resolvedAt: d.resolvedAt,
      loggedById: person(d.loggedBy),
      createdAt: d.createdAt,
    };
    const row = await tx.dependency.upsert({ where: { key: d.key }, create: data, update: data, select: { id: true } });
    dependencyIds.set(d.key, row.id);
  }

  const requestIds = new Map<string, number>();
  for (const q of plan.requests) {
    const data = {
      key: q.key,
      slaId: idOf(org.slas, q.sla, "SLA"),
      requestingTeamId: team(q.requestingTeam),
      requesterId: person(q.requester),
      assigneeId: q.assignee === null ? null : person(q.assignee),
      itemId: item(q.item),
      title: q.title,
      description: q.description,
      status: q.status,
      submittedAt: q.submittedAt,
      clockStartsAt: q.clockStartsAt,
      dueAt: q.dueAt,
      acceptedAt: q.acceptedAt,
      deliveredAt: q.deliveredAt,
      escalatedAt: q.escalatedAt,
      escalationLevel: q.escalationLevel,
      createdAt: q.submittedAt,
    };
    const row = await tx.serviceRequest.upsert({ where: { key: q.key }, create: data, update: data, select: { id: true } });
    requestIds.set(q.key, row.id);
  }
  return { counts: { dependency: plan.dependencies.length, service_request: plan.requests.length }, dependencyIds, requestIds };
}
