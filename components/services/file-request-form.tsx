"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { formatTurnaround } from "@/lib/format/turnaround";
import { formatWeekdays } from "@/lib/format/weekdays";
import { fileRequestAction } from "@/lib/services/actions";
import { requestClock, type WorkingCalendar } from "@/lib/calendar/business-time";
import type { RequestableSla } from "@/lib/services/queries";
import { FileRequestSchema } from "@/lib/services/schema";

export interface CalendarProps {
  timeZone: string;
  workdayStart: number;
  workdayEnd: number;
  workingDays: number[];
  holidays: string[];
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
function withWeekday(iso: string, timeZone: string): string {
  const weekday = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).formatToParts(new Date(iso)).find((p) => p.type === "weekday")?.value;
  return `${weekday ?? DAY_NAMES[new Date(iso).getUTCDay()]} ${formatDateTime(iso, timeZone)}`;
}

/**
 * Files a request with a shared service. Before submitting, the requester sees when the SLA clock will start
 * (at once, or at the next opening of the request window) and the due time, in business time.
 */
export function FileRequestForm({
  slas,
  teams,
  calendar,
  nowIso,
  defaults,
}: {
  slas: RequestableSla[];
  /** Teams the signed-in user may file for. */
  teams: { id: number; name: string }[];
  calendar: CalendarProps;
  /** The server's "now" when the page was rendered (the preview is computed from it). */
  nowIso: string;
  defaults: { slaId: number | null; teamId: number | null };
}) {
  const router = useRouter();
  const form = useActionForm(fileRequestAction, { schema: FileRequestSchema });
  const [slaId, setSlaId] = useState<number | null>(defaults.slaId);
  const [teamId, setTeamId] = useState<number | null>(defaults.teamId ?? teams[0]?.id ?? null);
  const sla = slas.find((s) => s.id === slaId) ?? null;
  const services = [...new Map(slas.map((s) => [s.serviceId, s.service])).entries()];

  const cal: WorkingCalendar = useMemo(() => ({ ...calendar, holidays: new Set(calendar.holidays) }), [calendar]);
  const preview = useMemo(() => (sla ? requestClock(cal, new Date(nowIso), sla) : null), [cal, sla, nowIso]);

  return (
    <Form form={form} className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <Field name="slaId" label="What do you need?" className="md:col-span-2">
        <NativeSelect name="slaId" value={slaId ?? ""} onChange={(e) => setSlaId(e.target.value ? Number(e.target.value) : null)} required>
          <option value="">Choose a service and request type…</option>
          {services.map(([serviceId, name]) => (
            <optgroup key={serviceId} label={name}>
              {slas
                .filter((s) => s.serviceId === serviceId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.requestType} — {formatTurnaround(s.turnaround, s.turnaroundUnit)}
                  </option>
                ))}
            </optgroup>
          ))}
        </NativeSelect>
      </Field>

      {sla && preview ? (
        <div
          role="status"
          aria-live="polite"
          className={cn(
            "rounded-xl border p-4 text-sm md:col-span-2",
            preview.deferred ? "border-amber-300 bg-amber-50 text-amber-900" : "border-emerald-200 bg-emerald-50 text-emerald-900",
          )}
        >
          <p className="font-semibold">
            {preview.deferred ? "Outside the request window: the clock starts at the next opening" : "Inside the request window: the clock starts when you file"}
          </p>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-3">
            <div>
              <dt className="text-xs">Requests taken</dt>
              <dd>
                {formatWeekdays(sla.requestDays)}, {enumLabel(sla.intakeMethod).toLowerCase()}
              </dd>
            </div>
            <div>
              <dt className="text-xs">Clock starts</dt>
              <dd className="font-medium">{withWeekday(preview.clockStartsAt.toISOString(), calendar.timeZone)}</dd>
            </div>
            <div>
              <dt className="text-xs">Due ({formatTurnaround(sla.turnaround, sla.turnaroundUnit)})</dt>
              <dd className="font-medium">{withWeekday(preview.dueAt.toISOString(), calendar.timeZone)}</dd>
            </div>
          </dl>
          <p className="mt-2 text-xs">Business time: working days and hours in {calendar.timeZone}, holidays skipped.</p>
        </div>
      ) : null}

      <Field name="requestingTeamId" label="For team">
        <NativeSelect name="requestingTeamId" value={teamId ?? ""} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : null)} required>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field name="itemId" label="For item (optional)">
        {teamId !== null ? (
          <Combobox
            key={teamId}
            name="itemId"
            search={{ kind: "items", params: { teamId: String(teamId), open: "1" } }}
            noneLabel="No particular item"
            searchPlaceholder="Search by key or title…"
          />
        ) : (
          <input type="hidden" name="itemId" value="" />
        )}
      </Field>
      <Field name="title" label="Title" className="md:col-span-2">
        <Input name="title" required maxLength={200} placeholder="e.g. Legal review of the webinar terms" />
      </Field>
      <Field name="description" label="Details (optional)" className="md:col-span-2">
        <Textarea name="description" rows={4} maxLength={5000} />
      </Field>
      <FormFooter className="md:col-span-2 [&>div]:justify-start">
        <SubmitButton pendingText="Filing…">File request</SubmitButton>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </FormFooter>
    </Form>
  );
}
