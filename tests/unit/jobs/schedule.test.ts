import { describe, expect, it } from "vitest";
import { dailySlot, intervalSlot, weeklySlot } from "@/lib/jobs/schedule";
import { signBody, verifySignature } from "@/lib/webhooks/sign";
import { webhookUrlProblem } from "@/lib/webhooks/format";

const at = (iso: string) => new Date(iso);
const LONDON = "Europe/London";

describe("daily work at midnight in the organisation's zone, across DST changes", () => {
  it("takes the new day's slot the moment local midnight passes in winter (GMT = UTC)", () => {
    expect(dailySlot(LONDON, 0, at("2026-03-27T23:59:00Z")).day).toBe("2026-03-27");
    expect(dailySlot(LONDON, 0, at("2026-03-28T00:00:00Z"))).toEqual({ day: "2026-03-28", dueAt: at("2026-03-28T00:00:00Z") });
  });

  it("spring forward (29 March 2026, 01:00 GMT → 02:00 BST): midnights before and after are an hour apart in UTC", () => {
    // Midnight on the 29th is still GMT; the change happens at 01:00 that night.
    expect(dailySlot(LONDON, 0, at("2026-03-29T00:30:00Z"))).toEqual({ day: "2026-03-29", dueAt: at("2026-03-29T00:00:00Z") });
    // Midnight on the 30th is BST: 23:00 UTC on the 29th. Half an hour later it is the 30th's slot.
    expect(dailySlot(LONDON, 0, at("2026-03-29T22:59:00Z")).day).toBe("2026-03-29");
    expect(dailySlot(LONDON, 0, at("2026-03-29T23:30:00Z"))).toEqual({ day: "2026-03-30", dueAt: at("2026-03-29T23:00:00Z") });
  });

  it("fall back (25 October 2026, 02:00 BST → 01:00 GMT): no day is skipped or taken twice", () => {
    expect(dailySlot(LONDON, 0, at("2026-10-24T23:00:00Z"))).toEqual({ day: "2026-10-25", dueAt: at("2026-10-24T23:00:00Z") });
    // The 25th has 25 hours: still the 25th's slot at 23:30 UTC (23:30 GMT)…
    expect(dailySlot(LONDON, 0, at("2026-10-25T23:30:00Z")).day).toBe("2026-10-25");
    // …and the 26th's at its GMT midnight.
    expect(dailySlot(LONDON, 0, at("2026-10-26T00:00:00Z"))).toEqual({ day: "2026-10-26", dueAt: at("2026-10-26T00:00:00Z") });
  });

  it("walking a tick every 5 minutes through both changes yields each calendar day exactly once, at its local midnight", () => {
    for (const [from, to] of [["2026-03-27T00:00:00Z", "2026-04-01T00:00:00Z"], ["2026-10-23T00:00:00Z", "2026-10-28T00:00:00Z"]] as const) {
      const seen = new Map<string, Date>();
      for (let t = Date.parse(from); t < Date.parse(to); t += 5 * 60_000) {
        const slot = dailySlot(LONDON, 0, new Date(t));
        if (!seen.has(slot.day)) seen.set(slot.day, slot.dueAt);
      }
      const days = [...seen.keys()];
      expect(new Set(days).size).toBe(days.length);
      for (const [day, dueAt] of seen) {
        if (dueAt.getTime() < Date.parse(from)) continue;
        // Local wall clock at the due instant is 00:00 of that day.
        const local = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(dueAt);
        expect(local).toBe(`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}, 00:00`);
      }
    }
  });

  it("a time inside the spring-forward gap (01:30 on 29 March) happens an hour later, once", () => {
    expect(dailySlot(LONDON, 90, at("2026-03-29T00:59:00Z")).day).toBe("2026-03-28");
    expect(dailySlot(LONDON, 90, at("2026-03-29T01:30:00Z"))).toEqual({ day: "2026-03-29", dueAt: at("2026-03-29T01:30:00Z") });
  });

  it("works in a zone east of UTC with a half-hour offset (Adelaide, DST ends 5 April 2026)", () => {
    // 00:00 ACDT (+10:30) on 5 April = 13:30 UTC on 4 April; 00:00 ACST (+9:30) on 6 April = 14:30 UTC on 5 April.
    expect(dailySlot("Australia/Adelaide", 0, at("2026-04-04T13:30:00Z")).day).toBe("2026-04-05");
    expect(dailySlot("Australia/Adelaide", 0, at("2026-04-05T14:00:00Z")).day).toBe("2026-04-05");
    expect(dailySlot("Australia/Adelaide", 0, at("2026-04-05T14:30:00Z")).day).toBe("2026-04-06");
  });

  it("weekly work on Monday 08:00 local, before and after the clocks change", () => {
    // Monday 30 March 2026, 08:00 BST = 07:00 UTC.
    expect(weeklySlot(LONDON, 1, 480, at("2026-03-30T06:59:00Z")).day).toBe("2026-03-23");
    expect(weeklySlot(LONDON, 1, 480, at("2026-03-30T07:00:00Z"))).toEqual({ day: "2026-03-30", dueAt: at("2026-03-30T07:00:00Z") });
    expect(weeklySlot(LONDON, 1, 480, at("2026-04-05T20:00:00Z")).day).toBe("2026-03-30");
  });

  it("interval slots are named by their UTC start", () => {
    expect(intervalSlot(5, at("2026-03-29T10:07:31Z")).day).toBe("2026-03-29T10:05");
  });
});

describe("webhook signatures and targets", () => {
  it("a signature verifies over the exact body and secret, and not after tampering or too late", () => {
    const now = at("2026-03-29T10:00:00Z");
    const header = signBody("whsec_x", '{"a":1}', now);
    expect(verifySignature("whsec_x", '{"a":1}', header, now)).toBe(true);
    expect(verifySignature("whsec_x", '{"a":2}', header, now)).toBe(false);
    expect(verifySignature("whsec_y", '{"a":1}', header, now)).toBe(false);
    expect(verifySignature("whsec_x", '{"a":1}', header, new Date(now.getTime() + 10 * 60_000))).toBe(false);
  });

  it("refuses private and local targets unless allowed", () => {
    expect(webhookUrlProblem("https://hooks.slack.com/services/T/B/X", false)).toBeNull();
    for (const url of ["http://127.0.0.1:9/x", "http://localhost/x", "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/", "http://169.254.169.254/latest"]) {
      expect(webhookUrlProblem(url, false)).not.toBeNull();
      expect(webhookUrlProblem(url, true)).toBeNull();
    }
    expect(webhookUrlProblem("ftp://example.com/", true)).not.toBeNull();
    expect(webhookUrlProblem("https://user:pw@example.com/", true)).not.toBeNull();
  });
});
