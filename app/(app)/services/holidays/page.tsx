import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { HolidayCalendar } from "@/components/services/holiday-calendar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatWeekdays } from "@/lib/format/weekdays";
import { getBusinessClock, listHolidays } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Holiday calendar" };

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export default async function HolidaysPage() {
  await connection();
  const principal = await requirePrincipal();
  const { cal, today } = await getBusinessClock();
  // From the start of last year: enough history to explain recent due times without a long list.
  const holidays = await listHolidays(`${Number(today.slice(0, 4)) - 1}-01-01`);
  const editable = can(principal, "calendar.edit");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/services" className="font-medium text-indigo-700 hover:underline">
          ← Services
        </Link>
      </nav>
      <PageHeader
        title="Holiday calendar"
        description="Days no SLA clock runs on. Changes apply to requests filed from now on."
        meta={
          <span className="text-sm text-slate-600">
            Business time: {formatWeekdays(cal.workingDays)}, {hhmm(cal.workdayStart)}–{hhmm(cal.workdayEnd)} ({cal.timeZone})
          </span>
        }
      />
      <Card>
        {!editable ? <p className="mb-4 text-sm text-slate-500">Leaders and admins keep this calendar.</p> : null}
        <HolidayCalendar holidays={holidays} editable={editable} today={today} />
      </Card>
    </>
  );
}
