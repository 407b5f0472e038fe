/** Business minutes as working time: `95` → `1 h 35 m`, `1530` → `3 d` (a day being `minutesPerDay`, 8.5 h by default). */
export function formatBusinessMinutes(minutes: number, minutesPerDay = 510): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} m`;
  if (m < minutesPerDay) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} m` : ""}`;
  const days = Math.floor(m / minutesPerDay);
  const hours = Math.round((m % minutesPerDay) / 60);
  return `${days} d${hours ? ` ${hours} h` : ""}`;
}
