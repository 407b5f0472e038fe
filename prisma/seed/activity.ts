/**
 * A little activity on top of the data: audit events for the running sprints and the open dependencies, and
 * notifications for the people with a login. These tables have no natural key, so rows are only added when an
 * equal one (same action and entity, or same recipient, kind and link) is not there yet.
 */
import { DependencyStatus, RequestStatus, SprintStatus } from "@/lib/generated/prisma/enums";
import { idOf, type SeedContext, type Tx } from "./context";
import type { BacklogPlan } from "./backlog";
import type { CoordinationPlan } from "./coordination";
import { P, agileLead, productOwner, teamDef, type OrgIds } from "./org";

export interface ActivityCounts {
  audit_event: number;
  notification: number;
}

interface AuditDraft {
  at: Date;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string;
  team: string | null;
  before: Record<string, string | number | null>;
  after: Record<string, string | number | null>;
}

interface NotificationDraft {
  recipient: string;
  kind: string;
  title: string;
  link: string;
  read: boolean;
  createdAt: Date;
}

export async function writeActivity(
  tx: Tx,
  ctx: SeedContext,
  backlog: BacklogPlan,
  coordination: CoordinationPlan,
  org: OrgIds,
  sprintIds: ReadonlyMap<string, number>,
  dependencyIds: ReadonlyMap<string, number>,
): Promise<ActivityCounts> {
  const audits: AuditDraft[] = [];
  for (const sprint of backlog.sprints.filter((s) => s.status === SprintStatus.ACTIVE && s.startedAt)) {
    audits.push({
      at: sprint.startedAt ?? ctx.now,
      actor: productOwner(sprint.team),
      action: "sprint.started",
      entityType: "Sprint",
      entityId: String(idOf(sprintIds, `${sprint.team}#${sprint.number}`, "sprint")),
      team: sprint.team,
      before: { status: SprintStatus.PLANNED },
      after: { status: SprintStatus.ACTIVE, goal: sprint.goal, capacityPoints: sprint.capacityPoints },
    });
  }
  for (const dep of coordination.dependencies.filter((d) => d.status !== DependencyStatus.RESOLVED && d.status !== DependencyStatus.CANCELLED)) {
    audits.push({
      at: dep.createdAt,
      actor: dep.loggedBy,
      action: "dependency.created",
      entityType: "Dependency",
      entityId: String(idOf(dependencyIds, dep.key, "dependency")),
      team: dep.fromTeam,
      before: {},
      after: { key: dep.key, type: dep.type, status: DependencyStatus.OPEN, toTeam: teamDef(dep.toTeam).name },
    });
  }

  const existingAudits = await tx.auditEvent.findMany({
    where: { entityType: { in: ["Sprint", "Dependency"] }, action: { in: ["sprint.started", "dependency.created"] } },
    select: { action: true, entityType: true, entityId: true },
  });
  const seen = new Set(existingAudits.map((a) => `${a.action}|${a.entityType}|${a.entityId}`));
  const newAudits = audits.filter((a) => !seen.has(`${a.action}|${a.entityType}|${a.entityId}`));
  await tx.auditEvent.createMany({
    data: newAudits.map((a) => ({
      at: a.at,
      actorId: a.actor === null ? null : (org.usersByPerson.get(a.actor) ?? null),
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      teamId: a.team === null ? null : idOf(org.teams, a.team, "team"),
      before: a.before,
      after: a.after,
    })),
  });

  // Notifications for people with a login.
  const notifications: NotificationDraft[] = [];
  const recent = (daysAgo: number) => ctx.cal.fromBiz(ctx.nowBiz - daysAgo * ctx.cal.minutesPerDay - 120);
  const overdue = coordination.dependencies.filter(
    (d) => d.neededBy.getTime() < ctx.today.getTime() && d.status !== DependencyStatus.RESOLVED && d.status !== DependencyStatus.CANCELLED,
  );
  for (const dep of overdue) {
    const recipient = dep.loggedBy;
    if (!org.usersByPerson.has(recipient)) continue;
    notifications.push({
      recipient,
      kind: "dependency.overdue",
      title: `${dep.key} is past its needed-by date (${teamDef(dep.toTeam).name})`,
      link: `/dependencies?key=${dep.key}`,
      read: false,
      createdAt: recent(0),
    });
  }
  const breached = coordination.requests.filter((q) => q.status !== RequestStatus.DELIVERED && q.dueAt.getTime() < ctx.now.getTime());
  for (const req of breached) {
    const recipient = agileLead(req.requestingTeam);
    if (!org.usersByPerson.has(recipient)) continue;
    notifications.push({
      recipient,
      kind: "sla.breached",
      title: `${req.key} “${req.title}” is past its SLA due time`,
      link: `/service-requests?key=${req.key}`,
      read: false,
      createdAt: recent(1),
    });
  }
  for (const sprint of backlog.sprints.filter((s) => s.status === SprintStatus.PLANNED)) {
    const planned = sprint.items.reduce((sum, e) => sum + (backlog.items.find((i) => i.key === e.itemKey)?.estimate ?? 0), 0);
    const owner = productOwner(sprint.team);
    if (planned <= sprint.capacityPoints || !org.usersByPerson.has(owner)) continue;
    notifications.push({
      recipient: owner,
      kind: "sprint.over_capacity",
      title: `Sprint ${sprint.number} of ${teamDef(sprint.team).name} is planned at ${planned} points against a capacity of ${sprint.capacityPoints}`,
      link: `/teams/${sprint.team}`,
      read: false,
      createdAt: recent(0),
    });
  }
  notifications.push({
    recipient: P.vp,
    kind: "team.double_booked",
    title: "Chloe Martin holds a delivery role in two pods (Acquisition, Brand & Content)",
    link: "/teams/acquisition",
    read: true,
    createdAt: recent(6),
  });
  notifications.push({
    recipient: P.strategy,
    kind: "kpi.overdue",
    title: "EMEA waitlist sign-ups has no measurement for the last four weeks",
    link: "/kpis",
    read: false,
    createdAt: recent(2),
  });

  const recipients = [...new Set(notifications.map((n) => idOf(org.people, n.recipient, "person")))];
  const existing = await tx.notification.findMany({
    where: { recipientId: { in: recipients }, kind: { in: [...new Set(notifications.map((n) => n.kind))] } },
    select: { recipientId: true, kind: true, link: true },
  });
  const have = new Set(existing.map((n) => `${n.recipientId}|${n.kind}|${n.link}`));
  const fresh = notifications.filter((n) => !have.has(`${idOf(org.people, n.recipient, "person")}|${n.kind}|${n.link}`));
  await tx.notification.createMany({
    data: fresh.map((n) => ({
      recipientId: idOf(org.people, n.recipient, "person"),
      kind: n.kind,
      title: n.title,
      link: n.link,
      readAt: n.read ? n.createdAt : null,
      createdAt: n.createdAt,
    })),
  });

  return { audit_event: audits.length, notification: notifications.length };
}
