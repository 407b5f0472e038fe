import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDateTime } from "@/lib/format/dates";
import { getCapturedMail, listCapturedMail } from "@/lib/mail/capture";
import { countOutboundByStatus, listOutboundEmails } from "@/lib/mail/queries";
import { getOrganizationTimeZone } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Outgoing mail" };

const TONE = { SENT: "emerald", PENDING: "amber", SENDING: "sky", FAILED: "rose" } as const;
const LABEL = { SENT: "Sent", PENDING: "Queued", SENDING: "Sending", FAILED: "Failed" } as const;

/** What the app e-mailed, and — in the demo and tests — what the local SMTP server received, readable here. */
export default async function AdminMailPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  await connection();
  const principal = await requirePrincipal();
  if (!can(principal, "ops.admin")) {
    return <RestrictedPanel title="Only administrators can see outgoing mail" description="Your own e-mail choices are on your account page." />;
  }
  const { id } = await searchParams;
  const [outbound, counts, captured, open, timeZone] = await Promise.all([
    listOutboundEmails(30),
    countOutboundByStatus(),
    listCapturedMail(30),
    id ? getCapturedMail(id) : Promise.resolve(null),
    getOrganizationTimeZone(),
  ]);
  return (
    <>
      <PageHeader
        title="Outgoing mail"
        description={`E-mails for notices, digests and reminders. Times in ${timeZone}.`}
        meta={(["SENT", "PENDING", "FAILED"] as const).map((s) => (
          <Badge key={s} tone={TONE[s]}>
            {counts[s] ?? 0} {LABEL[s].toLowerCase()}
          </Badge>
        ))}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Local mailbox" description={captured === null ? "This deployment sends through a real SMTP server (SMTP_URL), so there is no local copy." : "What the project's own SMTP server received (demo and tests): nothing left this machine."}>
          {captured === null ? (
            <EmptyState title="No local mailbox" description="Messages go to the SMTP server in SMTP_URL; the log beside this shows what was sent." />
          ) : captured.length === 0 ? (
            <EmptyState title="Nothing received yet" description="The worker sends e-mail every minute for new notices that people want right away." />
          ) : (
            <ul className="divide-y divide-slate-100">
              {captured.map((m) => (
                <li key={m.id} className="py-2">
                  <Link href={`/admin/mail?id=${m.id}`} className="block rounded hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
                    <div className="truncate text-sm font-medium text-slate-900">{m.subject || "(no subject)"}</div>
                    <div className="truncate text-xs text-slate-600">
                      To {m.to} · {formatDateTime(m.receivedAt, timeZone)}
                    </div>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={open ? open.subject : "Message"} description={open ? `To ${open.to} · from ${open.from} · ${formatDateTime(open.receivedAt, timeZone)}` : "Choose a message on the left to read it."}>
          {open ? <pre className="max-h-[28rem] overflow-auto text-sm whitespace-pre-wrap text-slate-800">{open.text}</pre> : <p className="text-sm text-slate-500">No message chosen.</p>}
        </Card>
        <Card title="Send log" description="Every e-mail the app queued, newest first." className="lg:col-span-2">
          {outbound.length === 0 ? (
            <EmptyState title="No e-mail yet" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {outbound.map((o) => (
                <li key={o.id} className="flex flex-wrap items-baseline gap-x-3 py-1.5">
                  <Badge tone={TONE[o.status]}>{LABEL[o.status]}</Badge>
                  <span className="min-w-0 flex-1 truncate text-slate-900" title={o.subject}>{o.subject}</span>
                  <span className="text-slate-600">{o.to}</span>
                  <span className="text-slate-500">{formatDateTime(o.sentAt ?? o.createdAt, timeZone)}</span>
                  {o.lastError ? <span className="w-full text-xs text-rose-700">Attempt {o.attempts}: {o.lastError}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
