import { describe, expect, it } from "vitest";
import { intervalPredictability, predictabilityOf, unscoredAtClose } from "@/lib/planning/predictability";

/*
 * Worked by hand.
 *
 *   Acquisition (team 1)  committed   planned 10  actual 8
 *                         committed   planned  6  actual 6
 *                         uncommitted planned  4  actual 3   (stretch: counts on the actual side only)
 *                         committed   no values              (not scored: adds nothing)
 *                         → 17 ÷ 16 = 106.25 %
 *   Retention   (team 2)  committed   planned  8  actual 2
 *                         committed   planned  5  actual —   (no actual: 0)
 *                         → 2 ÷ 13 ≈ 15.4 %
 *   Expansion   (team 3)  uncommitted planned  3  actual 5    → nothing committed: — (null)
 *
 *   overall = (17 + 2 + 5) ÷ (16 + 13 + 0) = 24 ÷ 29 ≈ 82.8 %  (ratio of sums, not the mean of 106 %, 15 % and —)
 */
const objectives = [
  { teamId: 1, committed: true, plannedValue: 10, actualValue: 8, title: "Launch the webinar series" },
  { teamId: 1, committed: true, plannedValue: 6, actualValue: 6, title: "Nurture flow live" },
  { teamId: 1, committed: false, plannedValue: 4, actualValue: 3, title: "Partner page" },
  { teamId: 1, committed: true, plannedValue: null, actualValue: null, title: "Unscored" },
  { teamId: 2, committed: true, plannedValue: 8, actualValue: 2, title: "Churn playbook" },
  { teamId: 2, committed: true, plannedValue: 5, actualValue: null, title: "Win-back email" },
  { teamId: 3, committed: false, plannedValue: 3, actualValue: 5, title: "Stretch referral test" },
];

describe("interval predictability", () => {
  const result = intervalPredictability(objectives);

  it("is Σ actual (all objectives) ÷ Σ planned (committed) per team", () => {
    expect(result.teams.get(1)).toEqual({ value: 17 / 16, planned: 16, actual: 17, objectives: 4 });
    expect(result.teams.get(2)).toEqual({ value: 2 / 13, planned: 13, actual: 2, objectives: 2 });
    expect(result.teams.get(3)).toEqual({ value: null, planned: 0, actual: 5, objectives: 1 });
  });

  it("is the ratio of the sums overall", () => {
    expect(result.overall).toEqual({ value: 24 / 29, planned: 29, actual: 24, objectives: 7 });
    expect(Math.round(result.overall.value! * 1000) / 10).toBe(82.8);
  });

  it("is null with nothing committed", () => {
    expect(predictabilityOf([])).toEqual({ value: null, planned: 0, actual: 0, objectives: 0 });
  });

  it("names the committed, planned objectives still without an actual value before closing", () => {
    expect(unscoredAtClose(objectives).map((o) => o.title)).toEqual(["Win-back email"]);
  });
});
