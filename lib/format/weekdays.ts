const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** ISO weekdays (1 = Monday … 7 = Sunday) as text: consecutive runs of three or more become ranges ("Mon–Fri"). */
export function formatWeekdays(days: ReadonlyArray<number>): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1) === day - 1) last.push(day);
    else runs.push([day]);
  }
  const name = (day: number): string => DAY_NAMES[day - 1] ?? String(day);
  return runs
    .flatMap((run) => {
      const first = run[0];
      const end = run.at(-1);
      if (first === undefined || end === undefined) return [];
      return run.length >= 3 ? [`${name(first)}–${name(end)}`] : run.map(name);
    })
    .join(", ");
}
