import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/tests/support/db";
import { makeItem, makeMembership, makePerson, makeTeam, unique } from "@/tests/support/factories";

// The queue's tables go to a schema of this file's own (set before lib/env is first read).
const bossSchema = `${process.env.DATABASE_SCHEMA}_boss`.replace(/^public_boss$/, "pgboss_jobs_test");
process.env.JOBS_SCHEMA = bossSchema;

const { getDb } = await import("@/lib/db/client");
const { runJob } = await import("@/lib/jobs/handlers");
const { runOnce } = await import("@/lib/jobs/mutations");
const { startWorker } = await import("@/lib/jobs/worker");

const db = () => getDb();
const noEnqueue = async () => {};
const runs = (name: string) => db().jobRun.findMany({ where: { name }, orderBy: { id: "asc" } });

afterAll(async () => {
  await testDatabase().sql(`DROP SCHEMA IF EXISTS "${bossSchema}" CASCADE`).catch(() => {});
});

async function makeLogin(personId: number) {
  return db().user.create({ data: { email: `${unique("u")}@test.example`, passwordHash: "x", orgRole: "MEMBER", personId } });
}

describe("every job run twice has one effect", () => {
  it("rank snapshot: the day's ranking is recorded once", async () => {
    await makeItem({ level: "EPIC", rank: "b" });
    await makeItem({ level: "EPIC", rank: "c" });
    const first = await runJob("rank.snapshot", { day: "2026-03-29" }, noEnqueue);
    const second = await runJob("rank.snapshot", { day: "2026-03-29" }, noEnqueue);
    expect(first.ran).toBe(true);
    expect(second).toEqual({ ran: false, summary: "already done" });
    const rows = await db().portfolioRankSnapshot.count();
    const epics = await db().backlogItem.count({ where: { level: "EPIC", teamId: null } });
    expect(rows).toBe(epics);
    expect(await runs("rank.snapshot")).toMatchObject([{ runKey: "2026-03-29", status: "SUCCEEDED", attempts: 1 }]);
  });

  it("KPI reminders: one notice per overdue KPI to its data owner", async () => {
    const owner = await makePerson();
    await db().kpi.create({
      data: { key: unique("KPI"), name: "MQL volume", definition: "d", unit: "leads", direction: "HIGHER_IS_BETTER", target: 10, frequency: "WEEKLY", dataOwnerId: owner.id, scope: "PORTFOLIO", createdAt: new Date("2026-01-01T00:00:00Z") },
    });
    await runJob("kpi.reminders", { day: "2026-03-30" }, noEnqueue);
    await runJob("kpi.reminders", { day: "2026-03-30" }, noEnqueue);
    // Another day's run finds the same overdue KPI with the same due date: still one notice.
    await runJob("kpi.reminders", { day: "2026-03-31" }, noEnqueue);
    const notices = await db().notification.findMany({ where: { recipientId: owner.id, kind: "kpi.overdue" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toMatch(/MQL volume/);
  });

  it("daily digest: one e-mail per person per day, listing the day's notices", async () => {
    const person = await makePerson();
    await makeLogin(person.id);
    // Monday 30 March 2026, 08:00 BST = 07:00 UTC: the digest covers the 24 hours before.
    const at = new Date("2026-03-30T09:00:00Z");
    await db().notification.createMany({
      data: [1, 2, 3].map((i) => ({ recipientId: person.id, kind: "request.filed", title: `Request ${i} filed`, link: "/services", createdAt: new Date(Date.parse("2026-03-30T07:00:00Z") - i * 3_600_000) })),
    });
    // An urgent kind goes out at once, not in the digest; one from two days ago is outside the period.
    await db().notification.createMany({
      data: [
        { recipientId: person.id, kind: "sla.breached", title: "Breached", link: "/services", createdAt: new Date("2026-03-30T05:00:00Z") },
        { recipientId: person.id, kind: "request.filed", title: "Old one", link: "/services", createdAt: new Date("2026-03-28T05:00:00Z") },
      ],
    });
    await runJob("digest.daily", { day: "2026-03-30" }, noEnqueue, at);
    await runJob("digest.daily", { day: "2026-03-30" }, noEnqueue, at);
    const mails = await db().outboundEmail.findMany({ where: { personId: person.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Your daily digest: 3 notices (2026-03-30)");
    expect(mails[0]!.textBody).toMatch(/Request 1 filed[\s\S]*Request 3 filed/);
    expect(mails[0]!.textBody).not.toMatch(/Breached|Old one/);
    expect(mails[0]!.textBody).toMatch(/\/api\/unsubscribe\?t=/);
  });

  it("SLA escalation: level 1 at breach, the next level only after another turnaround, never twice", async () => {
    const service = await makeTeam({ kind: "SHARED_SERVICE" });
    const pod = await makeTeam();
    const requester = await makePerson();
    const [first, second] = [await makePerson(), await makePerson()];
    await makeMembership({ teamId: pod.id, personId: requester.id, role: "AGILE_LEAD" });
    const sla = await db().serviceLevelAgreement.create({
      data: { teamId: service.id, requestType: unique("Design"), requestDays: [1, 2, 3, 4, 5], turnaround: 8, turnaroundUnit: "BUSINESS_HOURS", intakeMethod: "TICKET" },
    });
    await db().slaEscalationStep.createMany({ data: [{ slaId: sla.id, position: 1, personId: first.id }, { slaId: sla.id, position: 2, personId: second.id }] });
    // Due Monday 30 March 2026 at 17:30 London.
    const request = await db().serviceRequest.create({
      data: { key: unique("REQ"), slaId: sla.id, requestingTeamId: pod.id, requesterId: requester.id, title: "Banner set", submittedAt: new Date("2026-03-27T09:00:00Z"), clockStartsAt: new Date("2026-03-27T09:00:00Z"), dueAt: new Date("2026-03-30T16:30:00Z") },
    });
    const level = async () => (await db().serviceRequest.findUniqueOrThrow({ where: { id: request.id } })).escalationLevel;

    await runJob("sla.escalate", {}, noEnqueue, new Date("2026-03-30T16:00:00Z"));
    expect(await level()).toBe(0);
    // Tuesday 10:00 London: 1.5 business hours late → level 1.
    await runJob("sla.escalate", {}, noEnqueue, new Date("2026-03-31T09:00:00Z"));
    await runJob("sla.escalate", {}, noEnqueue, new Date("2026-03-31T09:05:00Z"));
    expect(await level()).toBe(1);
    // Wednesday 11:00 London: 9.5 business hours late (more than one 8-hour turnaround) → level 2.
    await runJob("sla.escalate", {}, noEnqueue, new Date("2026-04-01T10:00:00Z"));
    await runJob("sla.escalate", {}, noEnqueue, new Date("2026-04-01T10:05:00Z"));
    expect(await level()).toBe(2);
    expect(await db().notification.count({ where: { recipientId: first.id, kind: "request.escalated" } })).toBe(1);
    expect(await db().notification.count({ where: { recipientId: second.id, kind: "request.escalated" } })).toBe(1);
    const audits = await db().auditEvent.findMany({ where: { entityType: "ServiceRequest", entityId: String(request.id), action: "request.escalate" } });
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.actorId === null)).toBe(true);
  });

  it("the same unit started three times at once runs once", async () => {
    let effects = 0;
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        runOnce("test.concurrent", "k1", {}, async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.2)`;
          effects++;
          return { summary: "did it" };
        }),
      ),
    );
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(effects).toBe(1);
  });
});

describe("retry after a failure", () => {
  it("a failed unit is rolled back and recorded; the retry does it once", async () => {
    const calls: string[] = [];
    const work = (fail: boolean) => async (tx: Parameters<Parameters<typeof runOnce>[3]>[0]) => {
      await tx.notification.create({ data: { recipientId: (await makePerson()).id, kind: "test.retry", title: "x", link: "/" } });
      calls.push(fail ? "fail" : "ok");
      if (fail) throw new Error("SMTP relay said no");
      return { summary: "ok" };
    };
    await expect(runOnce("test.retry", "unit-1", {}, work(true))).rejects.toThrow("SMTP relay said no");
    expect(await runs("test.retry")).toMatchObject([{ status: "FAILED", attempts: 1, summary: "Error: SMTP relay said no" }]);
    expect(await db().notification.count({ where: { kind: "test.retry" } })).toBe(0);
    expect((await runOnce("test.retry", "unit-1", {}, work(false))).ran).toBe(true);
    expect((await runOnce("test.retry", "unit-1", {}, work(false))).ran).toBe(false);
    expect(await runs("test.retry")).toMatchObject([{ status: "SUCCEEDED", attempts: 2 }]);
    expect(await db().notification.count({ where: { kind: "test.retry" } })).toBe(1);
    expect(calls).toEqual(["fail", "ok"]);
  });

  it("through the real queue: pg-boss retries a failing job with back-off and the effect happens once", async () => {
    const owner = await makePerson();
    const kpi = await db().kpi.create({
      data: { key: unique("KPI"), name: "Pipeline", definition: "d", unit: "$", direction: "HIGHER_IS_BETTER", target: 1, frequency: "MONTHLY", dataOwnerId: owner.id, scope: "PORTFOLIO", createdAt: new Date("2025-06-01T00:00:00Z") },
    });
    // The first reminder insert fails (a sequence is not rolled back with the transaction, so only once).
    await testDatabase().sql(`
      CREATE SEQUENCE fail_once_seq;
      CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kind = 'kpi.overdue' AND nextval('fail_once_seq') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_once BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION fail_once();`);
    const worker = await startWorker({ pollingIntervalSeconds: 0.5, retry: { retryDelay: 1, retryBackoff: false }, queues: ["kpi.reminders"], schedules: false });
    try {
      await worker.boss.send("kpi.reminders", { day: "2026-04-02" }, { retryLimit: 3, retryDelay: 1 });
      const deadline = Date.now() + 45_000;
      let run = await db().jobRun.findFirst({ where: { name: "kpi.reminders", runKey: "2026-04-02" } });
      while (run?.status !== "SUCCEEDED" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        run = await db().jobRun.findFirst({ where: { name: "kpi.reminders", runKey: "2026-04-02" } });
      }
      expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
      expect(await db().notification.count({ where: { recipientId: owner.id, kind: "kpi.overdue", link: `/kpis/${kpi.id}` } })).toBe(1);
    } finally {
      await worker.stop();
      await testDatabase().sql(`DROP TRIGGER fail_once ON notification`);
    }
  });
});

beforeAll(async () => {
  await db().organization.create({ data: { name: "Test org", timezone: "Europe/London" } });
});
