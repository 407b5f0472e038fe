import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ObjectiveForm } from "@/components/okrs/objective-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { getOrgToday } from "@/lib/metrics/queries";
import { addDays, presetPeriod } from "@/lib/metrics/period";
import { getOkrFormOptions } from "@/lib/okrs/queries";

export const metadata: Metadata = { title: "New objective" };

export default async function NewObjectivePage() {
  await connection();
  const principal = await requirePrincipal();
  if (!can(principal, "okr.edit")) {
    return (
      <>
        <PageHeader title="New objective" />
        <p className="text-sm text-slate-600">
          Only leaders set objectives. <Link href="/okrs" className="font-medium text-indigo-700 hover:underline">Back to the OKRs</Link>
        </p>
      </>
    );
  }
  const [options, today] = await Promise.all([getOkrFormOptions(), getOrgToday()]);
  const quarter = presetPeriod("quarter", today);
  // The quarter's last day: the day before the next quarter starts.
  const nextQuarter = presetPeriod("quarter", addDays(quarter.start, 100)).start;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/okrs" className="font-medium text-indigo-700 hover:underline">
          ← OKRs
        </Link>
      </nav>
      <PageHeader title="New objective" description="Add key results on the next page." />
      <Card>
        <ObjectiveForm options={options} defaults={{ periodStart: quarter.start, periodEnd: addDays(nextQuarter, -1) }} />
      </Card>
    </>
  );
}
