"use client";

import { useState, useTransition } from "react";
import type { EmailMode } from "@/lib/generated/prisma/enums";
import { saveNotificationPreferencesAction } from "@/lib/mail/actions";
import { EMAIL_MODE_LABEL, EMAIL_MODES } from "@/lib/mail/preferences";
import { buttonStyles } from "@/components/ui/button";

/** Which notices reach the person by e-mail, and how. The inbox always has everything. */
export function NotificationPreferences({ personId, rows }: { personId: number; rows: { kind: string; label: string; email: EmailMode }[] }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      action={(form) =>
        start(async () => {
          const choices = rows.map((r) => ({ kind: r.kind, email: String(form.get(r.kind) ?? r.email) }));
          const result = await saveNotificationPreferencesAction({ personId, choices: choices as never });
          setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.message });
        })
      }
    >
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Notice</th>
            <th className="py-2 font-medium">E-mail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.kind}>
              <td className="py-2 pr-4 text-slate-800">
                <label htmlFor={`pref-${r.kind}`}>{r.label}</label>
              </td>
              <td className="py-2">
                <select id={`pref-${r.kind}`} name={r.kind} defaultValue={r.email} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
                  {EMAIL_MODES.map((m) => (
                    <option key={m} value={m}>
                      {EMAIL_MODE_LABEL[m]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex items-center gap-3">
        <button className={buttonStyles()} disabled={pending}>{pending ? "Saving…" : "Save e-mail choices"}</button>
        <span role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}>{message?.text}</span>
      </div>
    </form>
  );
}
