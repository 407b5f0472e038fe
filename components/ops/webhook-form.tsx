"use client";

import { useState, useTransition } from "react";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { buttonStyles } from "@/components/ui/button";
import { controlClass } from "@/components/ui/input";

/** Adds a webhook: organisation-wide (signed JSON) or a team's Slack / Teams channel. The secret is shown once. */
export function WebhookForm({ teams }: { teams: { id: number; name: string }[] }) {
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string; secret?: string } | null>(null);
  return (
    <form
      className="grid gap-3 md:grid-cols-2"
      action={(form) =>
        start(async () => {
          const r = await createWebhookAction({
            teamId: String(form.get("teamId") ?? "") || null,
            format: String(form.get("format")) as "JSON",
            url: String(form.get("url") ?? ""),
            events: form.getAll("events").map(String) as never,
            description: String(form.get("description") ?? ""),
          });
          if (r.ok) {
            setErrors({});
            setResult({ ok: true, text: "Added. Events are sent within a minute.", secret: r.data.secret });
          } else {
            setErrors(r.fieldErrors ?? {});
            setResult({ ok: false, text: r.message });
          }
        })
      }
    >
      <label className="text-sm text-slate-700">
        Receiver
        <select name="format" className={`${controlClass} mt-1`} defaultValue="JSON">
          <option value="JSON">Any HTTPS endpoint (signed JSON)</option>
          <option value="SLACK">Slack incoming webhook</option>
          <option value="TEAMS">Microsoft Teams incoming webhook</option>
        </select>
      </label>
      <label className="text-sm text-slate-700">
        Scope
        <select name="teamId" className={`${controlClass} mt-1`} defaultValue="">
          <option value="">The whole organisation</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}’s events only
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm text-slate-700 md:col-span-2">
        URL
        <input name="url" className={`${controlClass} mt-1`} placeholder="https://hooks.example.com/…" aria-invalid={Boolean(errors.url)} required />
        <span className="text-xs text-rose-700" aria-live="polite">{errors.url}</span>
      </label>
      <fieldset className="text-sm text-slate-700">
        <legend>Events</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {[["item", "Backlog items"], ["dependency", "Dependencies"], ["request", "Service requests"]].map(([v, l]) => (
            <label key={v} className="inline-flex items-center gap-1.5">
              <input type="checkbox" name="events" value={v} defaultChecked /> {l}
            </label>
          ))}
        </div>
        <span className="text-xs text-rose-700" aria-live="polite">{errors.events}</span>
      </fieldset>
      <label className="text-sm text-slate-700">
        Description
        <input name="description" className={`${controlClass} mt-1`} placeholder="BI sync" />
      </label>
      <div className="md:col-span-2" aria-live="polite">
        <button className={buttonStyles()} disabled={pending}>{pending ? "Adding…" : "Add webhook"}</button>
        {result ? <p className={`mt-2 text-sm ${result.ok ? "text-emerald-700" : "text-rose-700"}`}>{result.text}</p> : null}
        {result?.secret ? (
          <p className="mt-1 text-sm text-slate-700">
            Signing secret (shown once; verify the X-Portfolio-Signature header with it): <code className="font-mono text-xs select-all">{result.secret}</code>
          </p>
        ) : null}
      </div>
    </form>
  );
}
