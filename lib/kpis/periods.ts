import type { KpiFrequency } from "@/lib/generated/prisma/enums";

/**
 * The periods a KPI is measured in. A measurement is keyed by its period's first day, which must be where a period
 * of the KPI's frequency starts: a Monday (weekly; biweekly — fortnights follow the sprint cadence, so any Monday),
 * the 1st of a month (monthly) or of a quarter (quarterly). Pure.
 *
 * Overdue (the same rule as the SQL in ./queries.ts): the period after the latest measured one has ended and is
 * still not recorded — i.e. latest period start + 2 periods ≤ today; a KPI never measured is overdue once one
 * period has passed since it was defined.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(text: string): Date | null {
  if (!ISO_DAY.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

/** Why `day` cannot start a period of `frequency`, or null when it can. */
export function periodStartProblem(frequency: KpiFrequency, day: string, today: string): string | null {
  const date = parseDay(day);
  if (!date) return "Not a date (use YYYY-MM-DD)";
  if (day > today) return "The period has not started yet";
  switch (frequency) {
    case "WEEKLY":
    case "BIWEEKLY":
      return date.getUTCDay() === 1 ? null : `A ${frequency === "WEEKLY" ? "week" : "fortnight"} starts on a Monday`;
    case "MONTHLY":
      return date.getUTCDate() === 1 ? null : "A month starts on the 1st";
    case "QUARTERLY":
      return date.getUTCDate() === 1 && date.getUTCMonth() % 3 === 0 ? null : "A quarter starts on 1 Jan, 1 Apr, 1 Jul or 1 Oct";
  }
}

/** The start of the period of `frequency` that contains `day` (fortnights: the week's Monday). */
export function periodStartOf(frequency: KpiFrequency, day: string): string {
  const date = parseDay(day);
  if (!date) throw new Error(`not a day: ${day}`);
  if (frequency === "WEEKLY" || frequency === "BIWEEKLY") {
    const back = (date.getUTCDay() + 6) % 7;
    return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
  }
  const month = frequency === "MONTHLY" ? date.getUTCMonth() : date.getUTCMonth() - (date.getUTCMonth() % 3);
  return new Date(Date.UTC(date.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
}

export const FREQUENCY_LABEL: Readonly<Record<KpiFrequency, string>> = {
  WEEKLY: "Weekly",
  BIWEEKLY: "Every two weeks",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
};

const STEP_DAYS: Readonly<Record<KpiFrequency, number>> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 32, QUARTERLY: 93 };

/** The period start after `periodStart` (a valid start of `frequency`). */
export function nextPeriodStart(frequency: KpiFrequency, periodStart: string): string {
  const date = parseDay(periodStart);
  if (!date) throw new Error(`not a day: ${periodStart}`);
  const later = new Date(date.getTime() + STEP_DAYS[frequency] * 86_400_000).toISOString().slice(0, 10);
  return frequency === "WEEKLY" || frequency === "BIWEEKLY" ? later : periodStartOf(frequency, later);
}

/**
 * The period a data owner most likely records next: the one after the latest recorded, if it has started, else
 * the current one.
 */
export function suggestedPeriod(frequency: KpiFrequency, latest: string | null, today: string): string {
  const current = periodStartOf(frequency, today);
  if (latest === null) return current;
  const next = nextPeriodStart(frequency, latest);
  return next <= today ? next : current;
}
