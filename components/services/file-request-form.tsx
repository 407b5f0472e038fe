"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { formatDateTime } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { formatTurnaround } from "@/lib/format/turnaround";
import { formatWeekdays } from "@/lib/format/weekdays";
import { fileRequestAction } from "@/lib/services/actions";
import { requestClock, type WorkingCalendar } from "@/lib/services/business-time";
import type { RequestableSla } from "@/lib/services/queries";

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
  /** Teams the signed-in user may file for, with their open items. */
  teams: { id: number; name: string; items: { id: number; key: string; title: string }[] }[];
  calendar: CalendarProps;
  /** The server's "now" when the page was rendered (the preview is computed from it). */
  nowIso: string;
  defaults: { slaId: number | null; teamId: number | null };
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [slaId, setSlaId] = useState<number | null>(defaults.slaId);
  const [teamId, setTeamId] = useState<number | null>(defaults.teamId ?? teams[0]?.id ?? null);
  const [itemId, setItemId] = useState("");
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const sla = slas.find((s) => s.id === slaId) ?? null;
  const team = teams.find((t) => t.id === teamId) ?? null;
  const services = [...new Map(slas.map((s) => [s.serviceId, s.service])).entries()];

  const cal: WorkingCalendar = useMemo(() => ({ ...calendar, holidays: new Set(calendar.holidays) }), [calendar]);
  const preview = useMemo(() => (sla ? requestClock(cal, new Date(nowIso), sla) : null), [cal, sla, nowIso]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      slaId: slaId ?? "",
      requestingTeamId: teamId ?? "",
      title: String(form.get("title") ?? ""),
      description: String(form.get("description") ?? ""),
      itemId,
    };
    startTransition(async () => {
      try {
        const result = await fileRequestAction(input);
        if (result.ok) {
          setOutcome({ kind: "success", text: `Filed ${result.data.key}. Opening it…` });
          router.push(`/services/requests/${result.data.requestId}`);
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <Field id={`${id}-sla`} label="What do you need?" error={fieldErrors.slaId} className="md:col-span-2">
        {(p) => (
          <select {...p} value={slaId ?? ""} onChange={(e) => setSlaId(e.target.value ? Number(e.target.value) : null)} required className={inputClass}>
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
          </select>
        )}
      </Field>

      {sla && preview ? (
        <div
          role="status"
          aria-live="polite"
          className={`rounded-xl border p-4 text-sm md:col-span-2 ${preview.deferred ? "border-amber-300 bg-amber-50 text-amber-950" : "border-emerald-200 bg-emerald-50 text-emerald-950"}`}
        >
          <p className="font-semibold">
            {preview.deferred ? "Outside the request window: the clock starts at the next opening" : "Inside the request window: the clock starts when you file"}
          </p>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-3">
            <div>
              <dt className="text-xs opacity-75">Requests taken</dt>
              <dd>
                {formatWeekdays(sla.requestDays)}, {enumLabel(sla.intakeMethod).toLowerCase()}
              </dd>
            </div>
            <div>
              <dt className="text-xs opacity-75">Clock starts</dt>
              <dd className="font-medium">{withWeekday(preview.clockStartsAt.toISOString(), calendar.timeZone)}</dd>
            </div>
            <div>
              <dt className="text-xs opacity-75">Due ({formatTurnaround(sla.turnaround, sla.turnaroundUnit)})</dt>
              <dd className="font-medium">{withWeekday(preview.dueAt.toISOString(), calendar.timeZone)}</dd>
            </div>
          </dl>
          <p className="mt-2 text-xs opacity-75">Business time: working days and hours in {calendar.timeZone}, holidays skipped.</p>
        </div>
      ) : null}

      <Field id={`${id}-team`} label="For team" error={fieldErrors.requestingTeamId}>
        {(p) => (
          <select {...p} value={teamId ?? ""} onChange={(e) => {
              setTeamId(e.target.value ? Number(e.target.value) : null);
              setItemId("");
            }} required className={inputClass}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-item`} label="For item (optional)" error={fieldErrors.itemId}>
        {(p) => (
          <select {...p} name="itemId" value={itemId} onChange={(e) => setItemId(e.target.value)} className={inputClass}>
            <option value="">No particular item</option>
            {team?.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.key} · {i.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-title`} label="Title" error={fieldErrors.title} className="md:col-span-2">
        {(p) => <input {...p} name="title" required maxLength={200} placeholder="e.g. Legal review of the webinar terms" className={inputClass} />}
      </Field>
      <Field id={`${id}-description`} label="Details (optional)" error={fieldErrors.description} className="md:col-span-2">
        {(p) => <textarea {...p} name="description" rows={4} maxLength={5000} className={inputClass} />}
      </Field>
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} className="md:col-span-2" />
      <div className="flex flex-wrap gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Filing…" : "File request"}
        </button>
        <button type="button" disabled={pending} onClick={() => router.back()} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
