"use client";

import { formatDateTime, formatRelative } from "@/lib/format/dates";

/**
 * An instant as people say it ("12 min ago", "yesterday, 09:30"), the exact time in the organisation's zone on
 * hover, the ISO instant for machines. The relative words may differ by a minute between the server's render
 * and the browser's, which is expected (suppressHydrationWarning covers this element's text only).
 */
export function RelativeTime({ at, timeZone, className }: { at: string; timeZone: string; className?: string }) {
  return (
    <time dateTime={at} title={formatDateTime(at, timeZone)} className={className} suppressHydrationWarning>
      {formatRelative(at, new Date(), timeZone)}
    </time>
  );
}
