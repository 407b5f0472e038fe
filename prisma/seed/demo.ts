/**
 * The demo data set: "Northwind Marketing", five delivery pods and four shared services with twelve weeks of
 * history anchored to `today`. Deterministic (seeded PRNG), idempotent (upserts by natural key; history and
 * other children of seeded rows are replaced), and written in one transaction.
 *
 *   import { seedDemoData } from "@/prisma/seed/demo";
 *   await seedDemoData(db, { today: new Date(Date.UTC(2026, 3, 8)) });
 */
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { writeActivity, type ActivityCounts } from "./activity";
import { planBacklog } from "./backlog";
import { isoDate, parseDateOnly, toDateOnly, todayIn } from "./calendar";
import { ORGANIZATION, createContext } from "./context";
import { planCoordination, writeCoordination, type CoordinationCounts } from "./coordination";
import { writeDelivery, type DeliveryCounts } from "./delivery";
import { writeGoals, type GoalCounts } from "./goals";
import { DEMO_USER_DEFS, personDef, writeOrg, type OrgCounts } from "./org";
import { writePlanning, type PlanningCounts } from "./planning";
import { writeRankHistory } from "./rank-history";

/** The password of every demo login. */
export const DEMO_PASSWORD = "Northwind-Demo-2026";

export interface DemoUser {
  email: string;
  role: OrgRole;
  /** Name of the person the login belongs to. */
  person: string;
  /** That person's job title. */
  title: string;
}

/** The demo logins (all with DEMO_PASSWORD), for the README and the tests. */
export const DEMO_USERS: readonly DemoUser[] = DEMO_USER_DEFS.map((u) => {
  const p = personDef(u.person);
  return { email: u.email, role: u.role, person: p.name, title: p.title };
});

export type SeedCounts = OrgCounts & DeliveryCounts & GoalCounts & CoordinationCounts & ActivityCounts & PlanningCounts;

export interface SeedSummary {
  /** The date the data is anchored to (YYYY-MM-DD). */
  today: string;
  /** Rows per table that the seed wrote or confirmed (on an empty database: the table's row count). */
  counts: SeedCounts;
  durationMs: number;
}

export interface SeedOptions {
  /** Anchor date (its UTC calendar date is used). Default: today's date in the organisation's time zone. */
  today?: Date;
}

/** The seed's anchor date: SEED_TODAY (YYYY-MM-DD) when given, otherwise today's date in Europe/London. */
export function resolveSeedToday(seedToday: string | undefined): Date {
  if (seedToday === undefined || seedToday.trim() === "") return todayIn(ORGANIZATION.timezone);
  try {
    return parseDateOnly(seedToday);
  } catch (error) {
    throw new Error(`SEED_TODAY: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function seedDemoData(db: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const today = options.today ? toDateOnly(options.today) : todayIn(ORGANIZATION.timezone);
  const ctx = createContext(today);
  // Everything is planned in memory first; the transaction only writes.
  const backlog = planBacklog(ctx);
  const coordination = planCoordination(ctx, backlog);
  // One argon2id hash for every demo login keeps the seed fast (hashing is slow on purpose).
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const counts = await db.$transaction(
    async (tx) => {
      const org = await writeOrg(tx, ctx, passwordHash);
      const delivery = await writeDelivery(tx, backlog, org.ids);
      const goals = await writeGoals(tx, ctx, org.ids, delivery.itemIds);
      const coord = await writeCoordination(tx, coordination, org.ids, delivery.itemIds);
      const activity = await writeActivity(tx, ctx, backlog, coordination, org.ids, delivery.sprintIds, coord.dependencyIds);
      // Planning intervals (a closed one and the one running now) with the sprints 8–10 the running one needs.
      const planning = await writePlanning(tx, ctx, backlog, org.ids, delivery.itemIds, new Map(delivery.sprintIds));
      // Priority stability's history (not in the counts: derived from the items above, not seeded content).
      await writeRankHistory(tx, ctx);
      return {
        ...org.counts,
        ...delivery.counts,
        sprint: delivery.counts.sprint + planning.sprints,
        ...goals,
        ...coord.counts,
        ...activity,
        ...planning.counts,
      };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return { today: isoDate(today), counts, durationMs: Date.now() - started };
}

/** One paragraph for the CLI. */
export function formatSummary(summary: SeedSummary): string {
  const c = summary.counts;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  return [
    `Seeded "${ORGANIZATION.name}" anchored to ${summary.today} in ${seconds} s:`,
    `${c.value_stream} value streams, ${c.team} teams, ${c.person} people (${c.membership} memberships, ${c.app_user} logins, password ${DEMO_PASSWORD}),`,
    `${c.holiday} holidays, ${c.decision_right} decision rights, ${c.service_level_agreement} SLAs (${c.sla_escalation_step} escalation steps),`,
    `${c.backlog_item} backlog items with ${c.status_change} status changes, ${c.sprint} sprints (${c.sprint_item} sprint items, ${c.sprint_availability} availability rows, ${c.retro_action_item} retro actions),`,
    `${c.dependency} dependencies, ${c.service_request} service requests, ${c.objective} objectives (${c.key_result} key results, ${c.objective_item} epic links),`,
    `${c.kpi} KPIs (${c.kpi_measurement} measurements), ${c.audit_event} audit events and ${c.notification} notifications,`,
    `${c.planning_interval} planning intervals (${c.interval_objective} team objectives, ${c.interval_risk} risks, ${c.interval_milestone} milestones).`,
  ].join(" ");
}
