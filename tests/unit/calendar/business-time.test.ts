import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingDay,
  localTime,
  nextBusinessInstant,
  requestClock,
  slaHealth,
  turnaroundMinutes,
  zonedInstant,
  type WorkingCalendar,
} from "@/lib/calendar/business-time";

/** Northwind's calendar: London, 09:00–17:30, Monday to Friday, with the 2026–2027 bank holidays. */
const HOLIDAYS = [
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
];
const LONDON: WorkingCalendar = {
  timeZone: "Europe/London",
  workdayStart: 540,
  workdayEnd: 1050,
  workingDays: [1, 2, 3, 4, 5],
  holidays: new Set(HOLIDAYS),
};
/** A zone whose offset is not whole hours and whose summer time runs the other way round. */
const ADELAIDE: WorkingCalendar = { ...LONDON, timeZone: "Australia/Adelaide", workdayStart: 480, workdayEnd: 1020, holidays: new Set(["2026-12-25"]) };

const london = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("Europe/London", day, (h ?? 0) * 60 + (m ?? 0));
};

/** Any instant in 2026–2027 (both DST changes of both years inside), to the minute. */
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2027, 11, 1) / 60_000 })
  .map((minute) => new Date(minute * 60_000));
/** Up to 30 business days, in minutes. */
const minutes = fc.integer({ min: 0, max: 30 * 510 });
const calendars = fc.constantFrom(LONDON, ADELAIDE);

function inWorkingTime(cal: WorkingCalendar, at: Date): boolean {
  const { day, minutes: m } = localTime(cal.timeZone, at);
  return isWorkingDay(cal, day) && m >= cal.workdayStart && m <= cal.workdayEnd;
}

describe("zone arithmetic", () => {
  it("maps London wall-clock times to instants on both sides of the clock changes", () => {
    expect(london("2026-03-27", "09:00").toISOString()).toBe("2026-03-27T09:00:00.000Z"); // GMT
    expect(london("2026-03-30", "09:00").toISOString()).toBe("2026-03-30T08:00:00.000Z"); // BST
    expect(london("2026-10-23", "17:30").toISOString()).toBe("2026-10-23T16:30:00.000Z"); // BST
    expect(london("2026-10-26", "17:30").toISOString()).toBe("2026-10-26T17:30:00.000Z"); // GMT
  });

  it("reads an instant back as the same local day and minutes", () => {
    fc.assert(
      fc.property(instant, calendars, (at, cal) => {
        const { day, minutes: m } = localTime(cal.timeZone, at);
        expect(zonedInstant(cal.timeZone, day, m).getTime()).toBe(at.getTime());
      }),
    );
  });
});

describe("adding business time", () => {
  it("never lands on a weekend, a holiday or outside working hours", () => {
    fc.assert(
      fc.property(instant, minutes, calendars, (at, m, cal) => {
        expect(inWorkingTime(cal, addBusinessMinutes(cal, at, m))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives back the turnaround when the result is measured from the start", () => {
    fc.assert(
      fc.property(instant, minutes, calendars, (at, m, cal) => {
        const start = nextBusinessInstant(cal, at);
        expect(businessMinutesBetween(cal, start, addBusinessMinutes(cal, at, m))).toBeCloseTo(m, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("is monotonic: more minutes never give an earlier due time", () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (at, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(LONDON, at, lo).getTime()).toBeLessThanOrEqual(addBusinessMinutes(LONDON, at, hi).getTime());
      }),
    );
  });

  it("keeps the local time of day over whole business days, across a DST change", () => {
    // Start strictly inside working hours on a working day near either clock change; whole days later the due
    // time reads the same on the wall clock, though the UTC hour moved.
    const nearChange = fc.constantFrom("2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23");
    fc.assert(
      fc.property(nearChange, fc.integer({ min: 541, max: 1049 }), fc.integer({ min: 1, max: 10 }), (day, m, days) => {
        const start = zonedInstant("Europe/London", day, m);
        const due = addBusinessMinutes(LONDON, start, turnaroundMinutes(LONDON, days, "BUSINESS_DAYS"));
        expect(localTime("Europe/London", due).minutes).toBe(m);
      }),
    );
  });

  it("counts a DST weekend as no business time at all", () => {
    // Friday 27 March 2026 16:00 GMT + 2 business hours → Monday 30 March 09:30 BST (08:30 UTC).
    const due = addBusinessMinutes(LONDON, london("2026-03-27", "16:00"), 120);
    expect(due.toISOString()).toBe("2026-03-30T08:30:00.000Z");
    expect(businessMinutesBetween(LONDON, london("2026-03-27", "16:00"), due)).toBe(120);
    // The autumn change: Friday 23 October 17:00 BST + 1 hour → Monday 26 October 09:30 GMT.
    expect(addBusinessMinutes(LONDON, london("2026-10-23", "17:00"), 60).toISOString()).toBe("2026-10-26T09:30:00.000Z");
  });

  it("skips bank holidays", () => {
    // Thursday 24 December 2026 15:00 + 1 business day: Friday 25 and Monday 28 are holidays → Tuesday 29 15:00.
    const due = addBusinessMinutes(LONDON, london("2026-12-24", "15:00"), turnaroundMinutes(LONDON, 1, "BUSINESS_DAYS"));
    expect(due.toISOString()).toBe(london("2026-12-29", "15:00").toISOString());
  });

  it("ends at the close of business rather than the next morning", () => {
    expect(addBusinessMinutes(LONDON, london("2026-11-23", "09:00"), 510).toISOString()).toBe(london("2026-11-23", "17:30").toISOString());
  });

  it("measures negative time once past the due time", () => {
    expect(businessMinutesBetween(LONDON, london("2026-11-24", "10:00"), london("2026-11-23", "17:00"))).toBe(-90);
  });
});

describe("the request-window rule", () => {
  const privacyReview = { requestDays: [2, 4], turnaround: 3, turnaroundUnit: "BUSINESS_DAYS" as const };

  it("starts the clock at once inside the window", () => {
    const submitted = london("2026-11-26", "10:15"); // Thursday
    const clock = requestClock(LONDON, submitted, privacyReview);
    expect(clock.deferred).toBe(false);
    expect(clock.clockStartsAt.toISOString()).toBe(submitted.toISOString());
    expect(clock.dueAt.toISOString()).toBe(london("2026-12-01", "10:15").toISOString());
  });

  it("counts a request outside the window from the next window opening", () => {
    // Wednesday is not a request day: the clock starts Thursday 09:00.
    const clock = requestClock(LONDON, london("2026-11-25", "11:00"), privacyReview);
    expect(clock.deferred).toBe(true);
    expect(clock.clockStartsAt.toISOString()).toBe(london("2026-11-26", "09:00").toISOString());
    // After hours on a request day: the next request day.
    expect(requestClock(LONDON, london("2026-11-24", "18:00"), privacyReview).clockStartsAt.toISOString()).toBe(london("2026-11-26", "09:00").toISOString());
    // Early on a request day: its opening.
    expect(requestClock(LONDON, london("2026-11-24", "07:30"), privacyReview).clockStartsAt.toISOString()).toBe(london("2026-11-24", "09:00").toISOString());
  });

  it("skips a request day that is a holiday", () => {
    // Christmas Day 2026 is a Friday and so is New Year's Day 2027: a Friday-only window next opens on 8 January.
    const fridays = { requestDays: [5], turnaround: 4, turnaroundUnit: "BUSINESS_HOURS" as const };
    expect(requestClock(LONDON, london("2026-12-24", "12:00"), fridays).clockStartsAt.toISOString()).toBe(london("2027-01-08", "09:00").toISOString());
  });

  it("always starts the clock on a request day, at or after submission", () => {
    fc.assert(
      fc.property(instant, fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }), (at, days) => {
        const clock = requestClock(LONDON, at, { requestDays: days, turnaround: 8, turnaroundUnit: "BUSINESS_HOURS" });
        const { day } = localTime(LONDON.timeZone, clock.clockStartsAt);
        const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
        expect(days).toContain(weekday);
        expect(clock.clockStartsAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(inWorkingTime(LONDON, clock.dueAt)).toBe(true);
      }),
    );
  });
});

describe("SLA health", () => {
  const clockStartsAt = london("2026-11-23", "09:00"); // Monday
  const dueAt = addBusinessMinutes(LONDON, clockStartsAt, turnaroundMinutes(LONDON, 4, "BUSINESS_DAYS")); // Thursday 17:30
  const open = { clockStartsAt, dueAt, deliveredAt: null };

  it("is on track with more than a quarter of the turnaround left", () => {
    expect(slaHealth(LONDON, open, london("2026-11-25", "17:30"))).toBe("ON_TRACK"); // 2 days of 4 left
  });

  it("is at risk with less than a quarter left, counted in business time", () => {
    // Thursday 09:30: 8 of 34 hours left (23.5 %). In wall-clock time it would be far more than a quarter.
    expect(slaHealth(LONDON, open, london("2026-11-26", "09:30"))).toBe("AT_RISK");
    // Wednesday 17:29: just over a day (25.1 %) left.
    expect(slaHealth(LONDON, open, london("2026-11-25", "17:29"))).toBe("ON_TRACK");
  });

  it("is breached after the due time, and met or late once delivered", () => {
    expect(slaHealth(LONDON, open, london("2026-11-27", "09:00"))).toBe("BREACHED");
    expect(slaHealth(LONDON, { ...open, deliveredAt: london("2026-11-26", "12:00") }, london("2026-12-01", "09:00"))).toBe("MET");
    expect(slaHealth(LONDON, { ...open, deliveredAt: london("2026-11-27", "12:00") }, london("2026-12-01", "09:00"))).toBe("LATE");
  });

  it("has the whole turnaround ahead before a deferred clock starts", () => {
    expect(slaHealth(LONDON, open, london("2026-11-21", "12:00"))).toBe("ON_TRACK");
  });
});
