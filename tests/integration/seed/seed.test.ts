import { verifyPassword } from "@/lib/auth/password";
import { beforeAll, describe, expect, it } from "vitest";
import { isValidRank } from "@/lib/backlog/rank";
import { getDb } from "@/lib/db/client";
import { isoDate, parseDateOnly, ukBankHolidays } from "@/prisma/seed/calendar";
import { createContext } from "@/prisma/seed/context";
import { DEMO_PASSWORD, DEMO_USERS, resolveSeedToday, seedDemoData, type SeedSummary } from "@/prisma/seed/demo";
import { testDatabase } from "@/tests/support/db";

// A Wednesday two days after Easter Monday, ten days after the clocks went forward in London: the history
// crosses a DST change and bank holidays.
const TODAY = new Date(Date.UTC(2026, 3, 8));
const TODAY_TEXT = "2026-04-08";
/** The seed's "now": the start of today's working day in Europe/London (BST, UTC+1). */
const NOW = "2026-04-08T08:00:00Z";

const TABLES = [
  "organization",
  "holiday",
  "value_stream",
  "team",
  "person",
  "membership",
  "app_user",
  "decision_right",
  "objective",
  "key_result",
  "objective_item",
  "backlog_item",
  "status_change",
  "sprint",
  "sprint_item",
  "sprint_availability",
  "retro_action_item",
  "dependency",
  "service_level_agreement",
  "sla_escalation_step",
  "service_request",
  "kpi",
  "kpi_measurement",
  "audit_event",
  "notification",
  "planning_interval",
  "interval_objective",
  "interval_risk",
  "interval_milestone",
] as const;

const sql = <R extends Record<string, unknown>>(text: string, params?: unknown[]) => testDatabase().sql<R>(text, params);

async function tableCounts(): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, number>>(
    `SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(", ")}`,
  );
  return row ?? {};
}

/** Fingerprints of the generated content, to show the second run writes the very same data. */
async function fingerprints(): Promise<Record<string, string>> {
  const [row] = await sql<Record<string, string>>(`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', key, level, status, rank, estimate, owner_person_id IS NULL, launch_start, created_at), ',' ORDER BY key)) FROM backlog_item) AS items,
      (SELECT md5(string_agg(concat_ws('|', b.key, sc.from_status, sc.to_status, sc.changed_at), ',' ORDER BY b.key, sc.changed_at)) FROM status_change sc JOIN backlog_item b ON b.id = sc.item_id) AS history,
      (SELECT md5(string_agg(concat_ws('|', t.slug, s.number, s.status, s.start_date, s.capacity_points, s.completed_points, s.goal_met), ',' ORDER BY t.slug, s.number)) FROM sprint s JOIN team t ON t.id = s.team_id) AS sprints,
      (SELECT md5(string_agg(concat_ws('|', key, status, due_at, delivered_at), ',' ORDER BY key)) FROM service_request) AS requests,
      (SELECT md5(string_agg(concat_ws('|', key, status, needed_by, resolved_at), ',' ORDER BY key)) FROM dependency) AS dependencies,
      (SELECT md5(string_agg(concat_ws('|', pi.name, pi.start_date, pi.end_date, pi.state, pi.closed_at,
              (SELECT string_agg(concat_ws('/', o.team_id, o.title, o.committed, o.planned_value, o.actual_value), ';' ORDER BY o.team_id, o.title) FROM interval_objective o WHERE o.interval_id = pi.id),
              (SELECT string_agg(concat_ws('/', r.key, r.status, r.owner_person_id), ';' ORDER BY r.key) FROM interval_risk r WHERE r.interval_id = pi.id),
              (SELECT string_agg(b.key || '@' || COALESCE(s.number::text, '-'), ';' ORDER BY b.key) FROM backlog_item b LEFT JOIN sprint s ON s.id = b.planned_sprint_id WHERE b.planning_interval_id = pi.id)),
              ',' ORDER BY pi.name)) FROM planning_interval pi) AS planning
  `);
  return row ?? {};
}

let first: SeedSummary;
let second: SeedSummary;
let countsAfterFirst: Record<string, number>;
let countsAfterSecond: Record<string, number>;
let printsAfterFirst: Record<string, string>;
let printsAfterSecond: Record<string, string>;

beforeAll(async () => {
  first = await seedDemoData(getDb(), { today: TODAY });
  countsAfterFirst = await tableCounts();
  printsAfterFirst = await fingerprints();
  second = await seedDemoData(getDb(), { today: TODAY });
  countsAfterSecond = await tableCounts();
  printsAfterSecond = await fingerprints();
}, 300_000);

describe("demo seed: idempotent and deterministic", () => {
  it("reports what it wrote, anchored to the given day", () => {
    expect(first.today).toBe(TODAY_TEXT);
    expect(countsAfterFirst).toEqual({ ...first.counts });
    expect(second.counts).toEqual(first.counts);
  });

  it("leaves the same row count in every table after a second run", () => {
    expect(countsAfterSecond).toEqual(countsAfterFirst);
  });

  it("writes the same content on the second run (seeded PRNG, no clock)", () => {
    expect(printsAfterSecond).toEqual(printsAfterFirst);
  });

  it("has the sizes the demo promises", () => {
    const c = countsAfterFirst;
    expect(c.person).toBeGreaterThanOrEqual(55);
    expect(c.person).toBeLessThanOrEqual(70);
    expect(c.dependency).toBeGreaterThanOrEqual(20);
    expect(c.service_request).toBeGreaterThanOrEqual(35);
    expect(c.kpi).toBeGreaterThanOrEqual(15);
    expect(c.kpi).toBeLessThanOrEqual(20);
  });
});

describe("demo seed: organisation", () => {
  it("is Northwind Marketing in Europe/London, 09:00–17:30, with UK bank holidays for this year and next", async () => {
    const [org] = await sql<{ name: string; timezone: string; workday_start: number; workday_end: number }>(
      `SELECT name, timezone, workday_start, workday_end FROM organization`,
    );
    expect(org).toEqual({ name: "Northwind Marketing", timezone: "Europe/London", workday_start: 540, workday_end: 1050 });
    const holidays = await sql<{ date: string }>(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holiday ORDER BY date`);
    const dates = holidays.map((h) => h.date);
    expect(dates).toEqual([...ukBankHolidays(2026), ...ukBankHolidays(2027)].map((h) => isoDate(h.date)));
    expect(dates).toEqual(expect.arrayContaining(["2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28", "2027-01-01", "2027-12-27"]));
    const weekend = await sql(`SELECT 1 FROM holiday WHERE extract(isodow FROM date) > 5`);
    expect(weekend).toHaveLength(0);
  });

  it("has at least four value streams, exactly one without a delivery pod", async () => {
    const rows = await sql<{ slug: string; pods: number }>(`
      SELECT vs.slug, count(t.id)::int AS pods FROM value_stream vs
        LEFT JOIN team t ON t.value_stream_id = vs.id AND t.kind = 'DELIVERY_POD'
       GROUP BY vs.slug`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => r.pods === 0).map((r) => r.slug)).toEqual(["emea-launch"]);
  });

  it("has the Acquisition, Activation and Retention pods, staffed per the team-structure rules", async () => {
    const pods = await sql<{ slug: string; shape: string; cadence_days: number; anchor_dow: number; pos: number; delivery: number; roles: string[]; decisions: number }>(`
      SELECT t.slug, t.shape::text AS shape, t.cadence_days, extract(isodow FROM t.cadence_anchor)::int AS anchor_dow,
             count(*) FILTER (WHERE m.role = 'PRODUCT_OWNER')::int AS pos,
             count(*) FILTER (WHERE m.role <> 'OVERSIGHT')::int AS delivery,
             array_agg(DISTINCT m.role::text) AS roles,
             (SELECT count(*)::int FROM decision_right d WHERE d.team_id = t.id) AS decisions
        FROM team t JOIN membership m ON m.team_id = t.id
       WHERE t.kind = 'DELIVERY_POD' GROUP BY t.id ORDER BY t.slug`);
    expect(pods.map((p) => p.slug)).toEqual(expect.arrayContaining(["acquisition", "activation", "retention", "expansion", "brand-content"]));
    for (const pod of pods) {
      expect(pod.pos).toBe(1);
      expect(["CROSS_FUNCTIONAL", "HYBRID"]).toContain(pod.shape);
      expect(pod.cadence_days).toBe(10);
      expect(pod.anchor_dow).toBe(1);
      expect(pod.decisions).toBeGreaterThanOrEqual(3);
      expect(pod.decisions).toBeLessThanOrEqual(4);
      expect(pod.roles).toContain("OVERSIGHT");
    }
    // Most pods are 5–9 strong; one is too small, one cannot produce visual assets.
    expect(pods.filter((p) => p.delivery >= 5 && p.delivery <= 9).length).toBeGreaterThanOrEqual(4);
    expect(pods.filter((p) => p.delivery < 5).map((p) => p.slug)).toEqual(["expansion"]);
    expect(pods.filter((p) => !p.roles.includes("DESIGNER") && !p.roles.includes("VIDEO_CREATIVE")).map((p) => p.slug)).toEqual(["retention"]);
  });

  it("books one person in a delivery role in two pods, and nobody above 100%", async () => {
    const doubles = await sql<{ name: string }>(`
      SELECT p.name FROM membership m JOIN team t ON t.id = m.team_id JOIN person p ON p.id = m.person_id
       WHERE t.kind = 'DELIVERY_POD' AND m.role <> 'OVERSIGHT' GROUP BY p.name HAVING count(*) > 1`);
    expect(doubles.map((d) => d.name)).toEqual(["Chloe Martin"]);
    const over = await sql(`SELECT person_id FROM membership GROUP BY person_id HAVING sum(allocation_pct) > 100`);
    expect(over).toHaveLength(0);
    const oversight = await sql<{ n: number }>(`SELECT count(DISTINCT team_id)::int AS n FROM membership WHERE role = 'OVERSIGHT'`);
    expect(oversight[0]?.n).toBeGreaterThanOrEqual(4);
  });

  it("has Legal, Brand, Analytics and Web shared services, each with a lead and 2–3 SLAs with 2–3 escalation steps", async () => {
    const services = await sql<{ slug: string; shape: string; pos: number; slas: number; min_steps: number; max_steps: number }>(`
      SELECT t.slug, t.shape::text AS shape,
             (SELECT count(*)::int FROM membership m WHERE m.team_id = t.id AND m.role = 'PRODUCT_OWNER') AS pos,
             count(s.id)::int AS slas,
             min((SELECT count(*) FROM sla_escalation_step e WHERE e.sla_id = s.id))::int AS min_steps,
             max((SELECT count(*) FROM sla_escalation_step e WHERE e.sla_id = s.id))::int AS max_steps
        FROM team t LEFT JOIN service_level_agreement s ON s.team_id = t.id
       WHERE t.kind = 'SHARED_SERVICE' GROUP BY t.id ORDER BY t.slug`);
    expect(services.map((s) => s.slug)).toEqual(["analytics", "brand", "legal", "web"]);
    for (const s of services) {
      expect(s.shape).toBe("FUNCTIONAL");
      expect(s.pos).toBe(1);
      expect(s.slas).toBeGreaterThanOrEqual(2);
      expect(s.slas).toBeLessThanOrEqual(3);
      expect(s.min_steps).toBeGreaterThanOrEqual(2);
      expect(s.max_steps).toBeLessThanOrEqual(3);
    }
  });

  it("has a login for every DEMO_USERS entry, with its role, its person and the demo password", async () => {
    const users = await sql<{ email: string; org_role: string; name: string; password_hash: string }>(`
      SELECT u.email, u.org_role::text AS org_role, p.name, u.password_hash FROM app_user u JOIN person p ON p.id = u.person_id`);
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email);
      expect(user, demo.email).toBeDefined();
      expect(user?.org_role).toBe(demo.role);
      expect(user?.name).toBe(demo.person);
    }
    const roles = DEMO_USERS.map((u) => u.role);
    expect(new Set(roles)).toEqual(new Set(["ADMIN", "LEADER", "MEMBER", "VIEWER"]));
    expect(roles.filter((r) => r === "LEADER")).toHaveLength(3); // CMO, VP Marketing, Head of Strategy
    expect(roles.filter((r) => r === "VIEWER")).toHaveLength(2);
    const hashes = [...new Set(users.map((u) => u.password_hash))];
    expect(hashes).toHaveLength(1);
    expect(hashes[0]).toMatch(/^\$argon2id\$/);
    expect((await verifyPassword(DEMO_PASSWORD, hashes[0] ?? null)).ok).toBe(true);
  });
});

describe("demo seed: backlog and flow", () => {
  it("has every status valid for its level, at every level below themes", async () => {
    const rows = await sql<{ level: string; statuses: string[] }>(
      `SELECT level::text AS level, array_agg(DISTINCT status::text ORDER BY status::text) AS statuses FROM backlog_item GROUP BY level`,
    );
    const byLevel = Object.fromEntries(rows.map((r) => [r.level, [...r.statuses].sort()]));
    const portfolio = ["CANCELLED", "DONE", "FUNNEL", "IMPLEMENTING", "PORTFOLIO_BACKLOG", "REVIEWING", "ANALYZING"].sort();
    const team = ["BACKLOG", "BLOCKED", "CANCELLED", "DONE", "IN_PROGRESS", "IN_REVIEW", "READY"].sort();
    expect(byLevel.EPIC).toEqual(portfolio);
    expect(byLevel.FEATURE).toEqual(team);
    expect(byLevel.STORY).toEqual(team);
    expect(portfolio).toEqual(expect.arrayContaining(byLevel.THEME ?? ["missing"]));
  });

  it("has realistic volumes, keys and ranks", async () => {
    const [n] = await sql<{ themes: number; epics: number; features: number; stories: number; tasks: number; bad_keys: number }>(`
      SELECT count(*) FILTER (WHERE level = 'THEME')::int AS themes, count(*) FILTER (WHERE level = 'EPIC')::int AS epics,
             count(*) FILTER (WHERE level = 'FEATURE')::int AS features, count(*) FILTER (WHERE level = 'STORY')::int AS stories,
             count(*) FILTER (WHERE is_task)::int AS tasks,
             count(*) FILTER (WHERE key !~ ('^' || CASE level WHEN 'THEME' THEN 'THEME' WHEN 'EPIC' THEN 'EPIC' WHEN 'FEATURE' THEN 'FEAT' ELSE 'STORY' END || '-[0-9]+$'))::int AS bad_keys
        FROM backlog_item`);
    expect(n?.themes).toBeGreaterThanOrEqual(3);
    expect(n?.themes).toBeLessThanOrEqual(4);
    expect(n?.epics).toBeGreaterThanOrEqual(14);
    expect(n?.features).toBeGreaterThanOrEqual(40);
    expect(n?.stories).toBeGreaterThanOrEqual(250);
    expect(n?.tasks).toBeGreaterThan(0);
    expect(n?.bad_keys).toBe(0);
    const ranks = await sql<{ rank: string }>(`SELECT rank FROM backlog_item`);
    expect(ranks.filter((r) => !isValidRank(r.rank))).toEqual([]);
    const [wsjf] = await sql<{ bad: number }>(`
      SELECT count(*)::int AS bad FROM backlog_item WHERE level = 'EPIC' AND NOT (
        business_value BETWEEN 1 AND 20 AND time_criticality BETWEEN 1 AND 20 AND risk_reduction BETWEEN 1 AND 20
        AND job_size IN (1, 2, 3, 5, 8, 13, 20) AND planned_benefit IS NOT NULL AND investment IS NOT NULL
        AND (status <> 'DONE' OR realised_benefit IS NOT NULL))`);
    expect(wsjf?.bad).toBe(0);
  });

  it("leaves Definition-of-Ready gaps on stories (missing estimate, acceptance criteria, owner)", async () => {
    const [gaps] = await sql<{ no_estimate: number; no_criteria: number; no_owner: number }>(`
      SELECT count(*) FILTER (WHERE estimate IS NULL)::int AS no_estimate,
             count(*) FILTER (WHERE acceptance_criteria = '')::int AS no_criteria,
             count(*) FILTER (WHERE owner_person_id IS NULL)::int AS no_owner
        FROM backlog_item WHERE level = 'STORY' AND status NOT IN ('DONE', 'CANCELLED')`);
    expect(gaps?.no_estimate).toBeGreaterThan(0);
    expect(gaps?.no_criteria).toBeGreaterThan(0);
    expect(gaps?.no_owner).toBeGreaterThan(0);
  });

  it("records a status history of at least twelve weeks, consistent with each item's status, in working hours, before now", async () => {
    const [span] = await sql<{ days: number; after_now: number; out_of_hours: number; items_without: number; mismatched: number }>(`
      SELECT extract(epoch FROM max(changed_at) - min(changed_at))::int / 86400 AS days,
             count(*) FILTER (WHERE changed_at >= $1::timestamptz)::int AS after_now,
             count(*) FILTER (WHERE (changed_at AT TIME ZONE 'Europe/London')::time NOT BETWEEN '09:00' AND '17:30'
                                 OR extract(isodow FROM changed_at AT TIME ZONE 'Europe/London') > 5
                                 OR (changed_at AT TIME ZONE 'Europe/London')::date IN (SELECT date FROM holiday))::int AS out_of_hours,
             (SELECT count(*)::int FROM backlog_item b WHERE NOT EXISTS (SELECT 1 FROM status_change s WHERE s.item_id = b.id)) AS items_without,
             (SELECT count(*)::int FROM backlog_item b WHERE b.status <> (
                SELECT s.to_status FROM status_change s WHERE s.item_id = b.id ORDER BY s.changed_at DESC LIMIT 1)) AS mismatched
        FROM status_change`, [NOW]);
    expect(span?.days).toBeGreaterThanOrEqual(84);
    expect(span?.after_now).toBe(0);
    expect(span?.out_of_hours).toBe(0);
    expect(span?.items_without).toBe(0);
    expect(span?.mismatched).toBe(0);
    // Done stories have a first IN_PROGRESS before DONE (cycle time), and some work was blocked on the way.
    const [flow] = await sql<{ done: number; with_cycle: number; blocked_once: number }>(`
      SELECT count(*)::int AS done,
             count(*) FILTER (WHERE started < finished)::int AS with_cycle,
             count(*) FILTER (WHERE was_blocked)::int AS blocked_once
        FROM (SELECT b.id,
                     min(s.changed_at) FILTER (WHERE s.to_status = 'IN_PROGRESS') AS started,
                     max(s.changed_at) FILTER (WHERE s.to_status = 'DONE') AS finished,
                     bool_or(s.to_status = 'BLOCKED') AS was_blocked
                FROM backlog_item b JOIN status_change s ON s.item_id = b.id
               WHERE b.level = 'STORY' AND b.status = 'DONE' GROUP BY b.id) x`);
    expect(flow?.done).toBeGreaterThan(100);
    expect(flow?.with_cycle).toBe(flow?.done);
    expect(flow?.blocked_once).toBeGreaterThan(0);
  });

  it("has closed sprints, one active sprint containing today and the planned ones of the running interval for every pod", async () => {
    const rows = await sql<{ slug: string; closed: number; active: number; planned: number; active_has_today: boolean }>(`
      SELECT t.slug,
             count(*) FILTER (WHERE s.status = 'CLOSED')::int AS closed,
             count(*) FILTER (WHERE s.status = 'ACTIVE')::int AS active,
             count(*) FILTER (WHERE s.status = 'PLANNED')::int AS planned,
             bool_or(s.status = 'ACTIVE' AND $1::date BETWEEN s.start_date AND s.end_date) AS active_has_today
        FROM team t JOIN sprint s ON s.team_id = t.id WHERE t.kind = 'DELIVERY_POD' GROUP BY t.slug`, [TODAY_TEXT]);
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.closed).toBeGreaterThanOrEqual(1);
      expect(r.active).toBe(1);
      // The next sprint, and sprints 8–10 that the running planning interval needs (prisma/seed/planning.ts).
      expect(r.planned).toBe(4);
      expect(r.active_has_today).toBe(true);
    }
  });

  it("has a closed planning interval with scored objectives and a running one containing today, with risks in every ROAM state", async () => {
    const intervals = await sql<{ name: string; state: string; has_today: boolean; objectives: number; scored: number; committed: number; features: number }>(`
      SELECT pi.name, pi.state::text AS state, $1::date BETWEEN pi.start_date AND pi.end_date AS has_today,
             (SELECT count(*)::int FROM interval_objective o WHERE o.interval_id = pi.id) AS objectives,
             (SELECT count(*)::int FROM interval_objective o WHERE o.interval_id = pi.id AND o.actual_value IS NOT NULL) AS scored,
             (SELECT count(*)::int FROM interval_objective o WHERE o.interval_id = pi.id AND o.committed) AS committed,
             (SELECT count(*)::int FROM backlog_item b WHERE b.planning_interval_id = pi.id AND b.level = 'FEATURE') AS features
        FROM planning_interval pi ORDER BY pi.start_date`, [TODAY_TEXT]);
    expect(intervals.map((i) => [i.name, i.state, i.has_today])).toEqual([
      ["PI 2026.1", "CLOSED", false],
      ["PI 2026.2", "RUNNING", true],
    ]);
    const [closed, running] = intervals;
    expect(closed!.scored).toBe(closed!.objectives);
    expect(running!.scored).toBe(0);
    for (const i of intervals) {
      expect(i.committed).toBeGreaterThanOrEqual(5);
      expect(i.objectives).toBeGreaterThan(i.committed);
      expect(i.features).toBeGreaterThanOrEqual(10);
    }
    const risks = await sql<{ status: string }>(`SELECT DISTINCT status::text AS status FROM interval_risk ORDER BY 1`);
    expect(risks.map((r) => r.status)).toEqual(["ACCEPTED", "MITIGATED", "OPEN", "OWNED", "RESOLVED"]);
  });

  it("closes sprints with completed points equal to the points done in them, goals met and missed", async () => {
    const rows = await sql<{ completed_points: number; done_in_sprint: number; goal_met: boolean; starts_monday: boolean }>(`
      SELECT s.completed_points, s.goal_met, extract(isodow FROM s.start_date) = 1 AS starts_monday,
             (SELECT coalesce(sum(b.estimate), 0)::int FROM sprint_item si JOIN backlog_item b ON b.id = si.item_id
               WHERE si.sprint_id = s.id AND si.removed_at IS NULL AND EXISTS (
                 SELECT 1 FROM status_change sc WHERE sc.item_id = b.id AND sc.to_status = 'DONE'
                    AND (sc.changed_at AT TIME ZONE 'Europe/London')::date BETWEEN s.start_date AND s.end_date)) AS done_in_sprint
        FROM sprint s WHERE s.status = 'CLOSED'`);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      expect(r.completed_points).toBe(r.done_in_sprint);
      expect(r.starts_monday).toBe(true);
    }
    expect(rows.some((r) => r.goal_met)).toBe(true);
    expect(rows.some((r) => !r.goal_met)).toBe(true);
    const [churn] = await sql<{ mid: number; removed: number; retro: number; retro_done: number; days_off: number }>(`
      SELECT (SELECT count(*)::int FROM sprint_item WHERE mid_sprint) AS mid,
             (SELECT count(*)::int FROM sprint_item WHERE removed_at IS NOT NULL) AS removed,
             (SELECT count(*)::int FROM retro_action_item) AS retro,
             (SELECT count(*)::int FROM retro_action_item WHERE done AND done_at IS NOT NULL) AS retro_done,
             (SELECT count(*)::int FROM sprint_availability WHERE days_off > 0) AS days_off`);
    expect(churn?.mid).toBeGreaterThan(0);
    expect(churn?.removed).toBeGreaterThan(0);
    expect(churn?.retro_done).toBeGreaterThan(0);
    expect(churn?.retro_done).toBeLessThan(churn?.retro ?? 0);
    expect(churn?.days_off).toBeGreaterThan(0);
  });

  it("plans at least one running or next sprint above capacity, and runs one pod over its WIP limit", async () => {
    const over = await sql<{ slug: string; number: number }>(`
      SELECT t.slug, s.number FROM sprint s JOIN team t ON t.id = s.team_id
       WHERE s.status IN ('ACTIVE', 'PLANNED') AND s.capacity_points < (
         SELECT sum(coalesce(si.points_at_start, b.estimate)) FROM sprint_item si JOIN backlog_item b ON b.id = si.item_id
          WHERE si.sprint_id = s.id AND si.removed_at IS NULL)`);
    expect(over.length).toBeGreaterThanOrEqual(1);
    const wip = await sql<{ slug: string }>(`
      SELECT t.slug FROM team t JOIN backlog_item b ON b.team_id = t.id
       WHERE b.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED') AND NOT EXISTS (SELECT 1 FROM backlog_item c WHERE c.parent_id = b.id)
       GROUP BY t.slug, t.wip_limit HAVING count(*) > t.wip_limit`);
    expect(wip.length).toBeGreaterThanOrEqual(1);
  });

  it("has campaign collisions: items of different teams with overlapping launch windows and a shared segment", async () => {
    const pairs = await sql<{ a: string; b: string }>(`
      SELECT DISTINCT least(x.team_id, y.team_id) AS a, greatest(x.team_id, y.team_id) AS b
        FROM backlog_item x JOIN backlog_item y ON x.team_id <> y.team_id
         AND x.launch_start <= y.launch_end AND y.launch_start <= x.launch_end
         AND x.audience_segments && y.audience_segments`);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });
});

describe("demo seed: coordination", () => {
  it("has dependencies of all six types in every status, some overdue, some resolved late, some blocking running stories", async () => {
    const [d] = await sql<{ types: number; statuses: number; overdue: number; on_time: number; late: number; blocking_active: number; owners_ok: boolean }>(`
      SELECT count(DISTINCT type)::int AS types, count(DISTINCT status)::int AS statuses,
             count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CANCELLED') AND needed_by < $1::date)::int AS overdue,
             count(*) FILTER (WHERE status = 'RESOLVED' AND (resolved_at AT TIME ZONE 'Europe/London')::date <= needed_by)::int AS on_time,
             count(*) FILTER (WHERE status = 'RESOLVED' AND (resolved_at AT TIME ZONE 'Europe/London')::date > needed_by)::int AS late,
             count(*) FILTER (WHERE status NOT IN ('RESOLVED', 'CANCELLED') AND EXISTS (
               SELECT 1 FROM sprint_item si JOIN sprint s ON s.id = si.sprint_id
                WHERE si.item_id = d.from_item_id AND s.status = 'ACTIVE' AND si.removed_at IS NULL))::int AS blocking_active,
             bool_and(from_owner_id IS NOT NULL AND to_owner_id IS NOT NULL AND from_owner_id <> to_owner_id) AS owners_ok
        FROM dependency d`, [TODAY_TEXT]);
    expect(d?.types).toBe(6);
    expect(d?.statuses).toBe(6);
    expect(d?.overdue).toBeGreaterThanOrEqual(1);
    expect(d?.on_time).toBeGreaterThanOrEqual(1);
    expect(d?.late).toBeGreaterThanOrEqual(1);
    expect(d?.blocking_active).toBeGreaterThanOrEqual(1);
    expect(d?.owners_ok).toBe(true);
  });

  it("has service requests delivered on time and late, breached while open, and at risk", async () => {
    const rows = await sql<{ status: string; submitted_at: Date; clock_starts_at: Date; due_at: Date; delivered_at: Date | null; turnaround: number; unit: string }>(`
      SELECT r.status::text AS status, r.submitted_at, r.clock_starts_at, r.due_at, r.delivered_at, s.turnaround, s.turnaround_unit::text AS unit
        FROM service_request r JOIN service_level_agreement s ON s.id = r.sla_id`);
    const now = new Date(NOW).getTime();
    const delivered = rows.filter((r) => r.status === "DELIVERED");
    const late = delivered.filter((r) => (r.delivered_at?.getTime() ?? 0) > r.due_at.getTime());
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(delivered.length - late.length).toBeGreaterThan(late.length);
    const open = rows.filter((r) => r.status !== "DELIVERED");
    expect(open.filter((r) => r.due_at.getTime() < now).length).toBeGreaterThanOrEqual(1);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["SUBMITTED", "ACCEPTED", "DELIVERED", "ESCALATED"]));
    // At risk: open, not yet due, with under a quarter of the turnaround left in business time.
    const { cal } = createContext(TODAY);
    const atRisk = open.filter((r) => {
      if (r.due_at.getTime() <= now) return false;
      const turnaround = r.unit === "BUSINESS_HOURS" ? r.turnaround * 60 : r.turnaround * cal.minutesPerDay;
      return cal.businessMinutesBetween(new Date(NOW), r.due_at) < turnaround * 0.25;
    });
    expect(atRisk.length).toBeGreaterThanOrEqual(1);
    // Due times follow the SLA in business time from the clock start.
    for (const r of rows) {
      const turnaround = r.unit === "BUSINESS_HOURS" ? r.turnaround * 60 : r.turnaround * cal.minutesPerDay;
      expect(r.clock_starts_at.getTime()).toBeGreaterThanOrEqual(r.submitted_at.getTime());
      expect(cal.businessMinutesBetween(r.clock_starts_at, r.due_at)).toBe(turnaround);
    }
  });
});

describe("demo seed: goals", () => {
  it("cascades OKRs portfolio → value stream → team, each with 2–3 key results, one not active, some epics unlinked", async () => {
    const objectives = await sql<{ key: string; level: string; status: string; parent_level: string | null; krs: number; epics: number }>(`
      SELECT o.key, o.level::text AS level, o.status::text AS status, p.level::text AS parent_level,
             (SELECT count(*)::int FROM key_result k WHERE k.objective_id = o.id) AS krs,
             (SELECT count(*)::int FROM objective_item oi WHERE oi.objective_id = o.id) AS epics
        FROM objective o LEFT JOIN objective p ON p.id = o.parent_id`);
    expect(objectives.filter((o) => o.level === "PORTFOLIO")).toHaveLength(2);
    for (const o of objectives) {
      expect(o.krs).toBeGreaterThanOrEqual(2);
      expect(o.krs).toBeLessThanOrEqual(3);
      if (o.level === "VALUE_STREAM") expect(o.parent_level).toBe("PORTFOLIO");
      if (o.level === "TEAM") expect(o.parent_level).toBe("VALUE_STREAM");
    }
    expect(objectives.filter((o) => o.level === "TEAM").length).toBeGreaterThanOrEqual(2);
    expect(objectives.some((o) => o.status !== "ACTIVE")).toBe(true);
    const [links] = await sql<{ linked: number; unlinked_with_done_work: number }>(`
      SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM objective_item oi WHERE oi.item_id = e.id))::int AS linked,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM objective_item oi JOIN objective o ON o.id = oi.objective_id
                                                 WHERE oi.item_id = e.id AND o.status = 'ACTIVE')
                                AND EXISTS (SELECT 1 FROM backlog_item f JOIN backlog_item s ON s.parent_id = f.id
                                             WHERE f.parent_id = e.id AND s.status = 'DONE'))::int AS unlinked_with_done_work
        FROM backlog_item e WHERE e.level = 'EPIC'`);
    expect(links?.linked).toBeGreaterThan(0);
    expect(links?.unlinked_with_done_work).toBeGreaterThan(0);
  });

  it("measures KPIs over the last twelve weeks, with one or two latest measurements overdue", async () => {
    const kpis = await sql<{ key: string; frequency: string; scope: string; latest: string; oldest: string; n: number; linked: boolean }>(`
      SELECT k.key, k.frequency::text AS frequency, k.scope::text AS scope, k.key_result_id IS NOT NULL AS linked,
             to_char(max(m.period_start), 'YYYY-MM-DD') AS latest, to_char(min(m.period_start), 'YYYY-MM-DD') AS oldest, count(m.id)::int AS n
        FROM kpi k LEFT JOIN kpi_measurement m ON m.kpi_id = k.id GROUP BY k.id`);
    expect(new Set(kpis.map((k) => k.scope))).toEqual(new Set(["PORTFOLIO", "VALUE_STREAM", "TEAM"]));
    expect(kpis.some((k) => k.linked)).toBe(true);
    const today = parseDateOnly(TODAY_TEXT).getTime();
    const day = 86_400_000;
    const period: Record<string, number> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 31, QUARTERLY: 92 };
    for (const k of kpis) {
      expect(k.n).toBeGreaterThanOrEqual(2);
      // Monthly KPIs cover the last three whole months, which can start a little over twelve weeks ago.
      expect(today - parseDateOnly(k.oldest).getTime()).toBeLessThanOrEqual(14 * 7 * day);
    }
    // Overdue: the latest period started more than two periods (plus a period to record it) ago.
    const overdue = kpis.filter((k) => today - parseDateOnly(k.latest).getTime() > 3 * (period[k.frequency] ?? 7) * day);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.length).toBeLessThanOrEqual(2);
  });
});

describe("demo seed: dates", () => {
  it("reads SEED_TODAY strictly", () => {
    expect(isoDate(resolveSeedToday("2026-02-28"))).toBe("2026-02-28");
    expect(() => resolveSeedToday("2026-02-30")).toThrow(/SEED_TODAY/);
    expect(() => resolveSeedToday("28/02/2026")).toThrow(/YYYY-MM-DD/);
  });

  it("knows the UK bank holidays, with weekend substitutes", () => {
    expect(ukBankHolidays(2026).map((h) => isoDate(h.date))).toEqual([
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
    ]);
    expect(ukBankHolidays(2027).map((h) => isoDate(h.date))).toEqual([
      "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ]);
  });

  it("computes business time in London whatever the process time zone (BST and GMT)", () => {
    const { cal } = createContext(TODAY);
    expect(cal.instant(parseDateOnly("2026-04-08"), 540).toISOString()).toBe("2026-04-08T08:00:00.000Z");
    expect(cal.instant(parseDateOnly("2026-03-27"), 540).toISOString()).toBe("2026-03-27T09:00:00.000Z");
    // Friday 17:00 GMT + 1 business hour = Monday 09:30 BST (the clocks changed on the Sunday).
    expect(cal.addBusinessMinutes(new Date("2026-03-27T17:00:00Z"), 60).toISOString()).toBe("2026-03-30T08:30:00.000Z");
    // Thursday before Easter 17:00 + 1 hour skips Good Friday and Easter Monday.
    expect(cal.addBusinessMinutes(new Date("2026-04-02T16:00:00Z"), 60).toISOString()).toBe("2026-04-07T08:30:00.000Z");
  });
});
