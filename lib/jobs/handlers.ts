import "server-only";
import { now as clockNow } from "@/lib/clock";
import { queueDigests, queueImmediateEmails, sendPendingEmails } from "@/lib/mail/mutations";
import { takeRankSnapshot } from "@/lib/metrics/mutations";
import { sweepNotifications } from "@/lib/notifications/mutations";
import { createDeliveries, deliverPendingWebhooks } from "@/lib/webhooks/mutations";
import { isJobName, LOCAL_TIMES, type JobName } from "./catalog";
import { escalateBreachedRequests, pruneJobRuns, raiseKpiReminders, recordRun, runOnce, takeRetryRequests, type RunResult } from "./mutations";
import { getOrganizationZone } from "./queries";
import { dailySlot, intervalSlot, weeklySlot } from "./schedule";

/**
 * What each job does. Every handler is idempotent: keyed units go through runOnce (effect and success commit
 * together), sends go through rows claimed one by one (lib/mail, lib/webhooks). `at` is the app's clock
 * (lib/clock: the browser tests move it).
 *
 * Keyed daily work carries its slot in the job's data ({ day }), so a retry or an admin's "run again" redoes
 * exactly that day's unit, and `scheduler.tick` can ask for it any number of times.
 */
export type Enqueue = (name: JobName, data: Record<string, string>) => Promise<void>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (data: Record<string, unknown>): string => {
  const day = data.day;
  if (typeof day !== "string" || !DAY.test(day)) throw new Error("job data needs a day (YYYY-MM-DD)");
  return day;
};

export async function runJob(name: JobName, data: Record<string, unknown>, enqueue: Enqueue, at: Date = clockNow()): Promise<RunResult> {
  switch (name) {
    case "scheduler.tick": {
      // Asks for the latest due slot of each daily/weekly unit; units already done are no-ops (runOnce).
      const zone = await getOrganizationZone();
      const slots: [JobName, string][] = [
        ["rank.snapshot", dailySlot(zone, LOCAL_TIMES.rankSnapshot, at).day],
        ["kpi.reminders", dailySlot(zone, LOCAL_TIMES.kpiReminders, at).day],
        ["digest.daily", dailySlot(zone, LOCAL_TIMES.digest, at).day],
        ["digest.weekly", weeklySlot(zone, 1, LOCAL_TIMES.digest, at).day],
      ];
      for (const [job, day] of slots) await enqueue(job, { day });
      // Failed runs an admin asked to run again (/admin/jobs).
      const retries = await takeRetryRequests();
      for (const r of retries) {
        if (isJobName(r.name)) await enqueue(r.name, (r.payload ?? {}) as Record<string, string>);
      }
      const pruned = Math.random() < 0.02 ? await pruneJobRuns() : 0;
      return { ran: true, summary: `asked for ${slots.map(([j, d]) => `${j} ${d}`).join(", ")}${retries.length ? `; ${retries.length} retries` : ""}${pruned ? `; pruned ${pruned} old runs` : ""}` };
    }
    case "rank.snapshot": {
      const day = dayOf(data);
      return runOnce(name, day, { day }, async (tx) => ({ summary: `${await takeRankSnapshot(tx)} epic positions recorded for ${day}` }));
    }
    case "kpi.reminders": {
      const day = dayOf(data);
      return runOnce(name, day, { day }, async (tx) => ({ summary: `${await raiseKpiReminders(tx)} reminders raised` }));
    }
    case "digest.daily":
    case "digest.weekly": {
      const day = dayOf(data);
      const cadence = name === "digest.daily" ? "DAILY" : "WEEKLY";
      const zone = await getOrganizationZone();
      const slot = cadence === "DAILY" ? dailySlot(zone, LOCAL_TIMES.digest, at) : weeklySlot(zone, 1, LOCAL_TIMES.digest, at);
      // The digest covers the period ending at its slot's time (asked for an older day, that day's slot).
      const until = slot.day === day ? slot.dueAt : new Date(`${day}T00:00:00Z`);
      return runOnce(name, day, { day }, async (tx) => ({ summary: `${await queueDigests(tx, cadence, day, until)} digests queued` }));
    }
    case "notifications.sweep": {
      const slot = intervalSlot(5, at);
      return runOnce(name, slot.day, {}, async (tx) => ({ summary: `${(await sweepNotifications(tx, at)).raised} notices raised` }));
    }
    case "sla.escalate": {
      const slot = intervalSlot(5, at);
      return recordRun(name, slot.day, {}, async () => {
        const r = await escalateBreachedRequests(at);
        return { summary: `${r.escalated} requests escalated${r.skipped ? `, ${r.skipped} skipped (changed meanwhile)` : ""}` };
      });
    }
    case "notifications.deliver": {
      const slot = intervalSlot(1, at);
      return recordRun(name, slot.day, {}, async () => {
        const queued = await queueImmediateEmails();
        const sent = await sendPendingEmails();
        return { summary: `${queued} e-mails queued, ${sent.sent} sent, ${sent.failed} failed${sent.skipped ? ` (${sent.skipped})` : ""}` };
      });
    }
    case "webhooks.deliver": {
      const slot = intervalSlot(1, at);
      return recordRun(name, slot.day, {}, async () => {
        const created = await createDeliveries();
        const r = await deliverPendingWebhooks();
        return { summary: `${created} new deliveries, ${r.delivered} delivered, ${r.failed} failed` };
      });
    }
  }
}
