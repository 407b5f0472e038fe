"use client";

import { useState, useTransition } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";
import { buttonStyles } from "@/components/ui/button";
import { controlClass } from "@/components/ui/input";
import { ActionButton } from "@/components/ops/action-button";
import { Badge } from "@/components/ui/badge";

export interface TokenView {
  id: number;
  name: string;
  prefix: string;
  scope: "READ" | "READ_WRITE";
  expires: string;
  lastUsed: string;
  state: "active" | "expired" | "revoked";
}

/** The signed-in user's personal access tokens: create (shown once), list, revoke. */
export function ApiTokens({ userId, tokens }: { userId: number; tokens: TokenView[] }) {
  const [pending, start] = useTransition();
  const [created, setCreated] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="grid gap-5">
      <form
        className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end"
        action={(form) =>
          start(async () => {
            setCreated(null);
            const result = await createApiTokenAction({
              userId,
              name: String(form.get("name") ?? ""),
              scope: form.get("scope") === "READ_WRITE" ? "READ_WRITE" : "READ",
              expiresInDays: String(form.get("days") ?? "90"),
            });
            if (result.ok) {
              setCreated(result.data.token);
              setErrors({});
              setMessage(null);
            } else {
              setErrors(result.fieldErrors ?? {});
              setMessage(result.message);
            }
          })
        }
      >
        <label className="text-sm text-slate-700">
          Name (what will use it)
          <input name="name" className={`${controlClass} mt-1`} placeholder="Looker sync" aria-invalid={Boolean(errors.name)} aria-describedby="token-name-error" required />
          <span id="token-name-error" className="text-xs text-rose-700" aria-live="polite">{errors.name}</span>
        </label>
        <label className="text-sm text-slate-700">
          Access
          <select name="scope" className={`${controlClass} mt-1`} defaultValue="READ">
            <option value="READ">Read only</option>
            <option value="READ_WRITE">Read and write</option>
          </select>
        </label>
        <label className="text-sm text-slate-700">
          Expires in
          <select name="days" className={`${controlClass} mt-1`} defaultValue="90">
            <option value="30">30 days</option>
            <option value="90">90 days</option>
            <option value="365">1 year</option>
          </select>
        </label>
        <button className={buttonStyles()} disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
      </form>
      <div aria-live="polite">
        {message ? <p className="text-sm text-rose-700">{message}</p> : null}
        {created ? (
          <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
            <p className="font-medium text-emerald-900">Copy your token now: it is shown only this once.</p>
            <code className="mt-2 block overflow-x-auto rounded bg-white p-2 font-mono text-xs text-slate-900 select-all">{created}</code>
            <p className="mt-2 text-emerald-900">Send it as <code>Authorization: Bearer …</code> to /api/v1 (see the API reference).</p>
          </div>
        ) : null}
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">You have no tokens yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <div className="min-w-0 text-sm">
                <span className="font-medium text-slate-900">{t.name}</span> <code className="text-xs text-slate-500">{t.prefix}…</code>{" "}
                <Badge tone={t.scope === "READ" ? "sky" : "violet"}>{t.scope === "READ" ? "Read only" : "Read and write"}</Badge>{" "}
                {t.state !== "active" ? <Badge tone="slate">{t.state === "revoked" ? "Revoked" : "Expired"}</Badge> : null}
                <div className="text-xs text-slate-500">Expires {t.expires} · last used {t.lastUsed}</div>
              </div>
              {t.state === "active" ? <ActionButton action={revokeApiTokenAction} input={{ tokenId: t.id }} label="Revoke" done="Revoked: it no longer works" confirm={`Revoke “${t.name}”? Anything using it stops working at once.`} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
