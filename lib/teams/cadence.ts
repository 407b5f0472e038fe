/** The Monday on or after `from` (UTC calendar days) as `YYYY-MM-DD`: where a new team's first sprint starts by default. */
export function nextMonday(from: Date): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const weekday = day.getUTCDay(); // 0 = Sunday
  const ahead = (8 - weekday) % 7;
  day.setUTCDate(day.getUTCDate() + ahead);
  return day.toISOString().slice(0, 10);
}
