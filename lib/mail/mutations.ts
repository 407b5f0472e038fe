import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EmailMode } from "@/lib/generated/prisma/enums";
import { DIGEST_KIND, IMMEDIATE_BY_DEFAULT, NOTICE_KINDS, noticeLabel } from "./preferences";
import { digestEmail, noticeEmail } from "./templates";
import { mailTransport, sendMail } from "./transport";
import { unsubscribeUrl } from "./unsubscribe";

/** A person's effective e-mail choice for a notification row `n` joined with its preference `np` (SQL). */
const EFFECTIVE_MODE = Prisma.sql`COALESCE(np.email::text, CASE WHEN n.kind IN (${Prisma.join(IMMEDIATE_BY_DEFAULT)}) THEN 'IMMEDIATE' ELSE 'DAILY' END)`;

const link = (path: string) => new URL(path, env().APP_URL).toString();

/**
 * Queues an e-mail for every recent notice its recipient wants right away (their preference, or the kind's
 * default). The dedupe key `notice:<id>` makes this idempotent: running it twice queues nothing twice. Only
 * people with an active login get e-mail (the links need a sign-in). Bounded per run; the next run continues.
 */
export async function queueImmediateEmails(limit = 500): Promise<number> {
  const rows = await getDb().$queryRaw<{ id: number; personId: number; email: string; name: string; kind: string; title: string; link: string }[]>`
    SELECT n.id, n.recipient_id AS "personId", p.email, p.name, n.kind, n.title, n.link
      FROM notification n
      JOIN person p ON p.id = n.recipient_id
      JOIN app_user u ON u.person_id = p.id AND u.active
      LEFT JOIN notification_preference np ON np.person_id = n.recipient_id AND np.kind = n.kind
     WHERE n.created_at > now() - interval '2 days'
       AND n.read_at IS NULL
       AND ${EFFECTIVE_MODE} = 'IMMEDIATE'
       AND NOT EXISTS (SELECT 1 FROM outbound_email o WHERE o.dedupe_key = 'notice:' || n.id)
     ORDER BY n.id
     LIMIT ${limit}`;
  if (rows.length === 0) return 0;
  const { count } = await getDb().outboundEmail.createMany({
    data: rows.map((r) => {
      const unsubscribe = unsubscribeUrl(r.personId, r.kind);
      const mail = noticeEmail({ name: r.name, title: r.title, link: link(r.link), unsubscribeUrl: unsubscribe, what: lowerFirst(noticeLabel(r.kind)) });
      return { dedupeKey: `notice:${r.id}`, personId: r.personId, toAddress: r.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, kind: r.kind };
    }),
    skipDuplicates: true,
  });
  return count;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Queues one digest per person for the notices of the period ending at `until` whose kind they take as a
 * `cadence` digest. Runs inside the job's transaction (lib/jobs/ledger runOnce), with dedupe key
 * `digest:<cadence>:<day>:<person>`.
 */
export async function queueDigests(tx: Tx, cadence: "DAILY" | "WEEKLY", day: string, until: Date): Promise<number> {
  const since = new Date(until.getTime() - (cadence === "DAILY" ? 1 : 7) * 86_400_000);
  const rows = await tx.$queryRaw<{ personId: number; email: string; name: string; title: string; link: string; total: number }[]>`
    SELECT x."personId", x.email, x.name, x.title, x.link, x.total FROM (
      SELECT n.recipient_id AS "personId", p.email, p.name, n.title, n.link,
             count(*) OVER (PARTITION BY n.recipient_id)::int AS total,
             row_number() OVER (PARTITION BY n.recipient_id ORDER BY n.created_at DESC, n.id DESC) AS rn
        FROM notification n
        JOIN person p ON p.id = n.recipient_id
        JOIN app_user u ON u.person_id = p.id AND u.active
        LEFT JOIN notification_preference np ON np.person_id = n.recipient_id AND np.kind = n.kind
       WHERE n.created_at >= ${since} AND n.created_at < ${until}
         AND ${EFFECTIVE_MODE} = ${cadence}
    ) x WHERE x.rn <= 20 ORDER BY x."personId", x.rn`;
  const byPerson = new Map<number, typeof rows>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const label = cadence === "DAILY" ? "daily" : "weekly";
  const data = [...byPerson.values()].map((lines) => {
    const first = lines[0]!;
    const mail = digestEmail({
      name: first.name,
      cadence: label,
      periodLabel: day,
      lines: lines.map((l) => ({ title: l.title, link: link(l.link) })),
      more: first.total - lines.length,
      inboxUrl: link("/inbox"),
      unsubscribeUrl: unsubscribeUrl(first.personId, DIGEST_KIND),
    });
    return { dedupeKey: `digest:${label}:${day}:${first.personId}`, personId: first.personId, toAddress: first.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, kind: DIGEST_KIND };
  });
  if (data.length === 0) return 0;
  const { count } = await tx.outboundEmail.createMany({ data, skipDuplicates: true });
  return count;
}

const MAX_ATTEMPTS = 8;

/**
 * Sends queued e-mails. Each batch is claimed with a lease (FOR UPDATE SKIP LOCKED, then SENDING until the lease
 * ends) in a short transaction of its own, so two workers never send the same row and no transaction stays open
 * while talking to the SMTP server. A failure is retried with back-off (1, 2, 4 … minutes); after 8 attempts the
 * row is FAILED and shown on /admin/mail. A worker that dies mid-send leaves SENDING rows whose lease runs out:
 * they are sent again (at least once; the fixed Message-ID lets a mail client drop the duplicate).
 */
export async function sendPendingEmails(batch = 50): Promise<{ sent: number; failed: number; skipped: string | null }> {
  const transport = mailTransport();
  if (!transport) return { sent: 0, failed: 0, skipped: "SMTP_URL is not set: e-mails stay queued" };
  const claimed = await getDb().$queryRaw<{ id: bigint; personId: number; to: string; subject: string; text: string; html: string; kind: string; attempts: number }[]>`
    UPDATE outbound_email o SET status = 'SENDING', lease_until = now() + interval '5 minutes', attempts = o.attempts + 1
     WHERE o.id IN (
       SELECT id FROM outbound_email
        WHERE (status = 'PENDING' AND next_attempt_at <= now()) OR (status = 'SENDING' AND lease_until < now())
        ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING o.id, o.person_id AS "personId", o.to_address AS "to", o.subject, o.text_body AS text, o.html_body AS html, o.kind, o.attempts`;
  let sent = 0;
  let failed = 0;
  const host = new URL(env().APP_URL).hostname;
  for (const row of claimed) {
    const messageId = `<outbound-${row.id}@${host}>`;
    try {
      await sendMail(transport, { to: row.to, subject: row.subject, text: row.text, html: row.html, messageId, unsubscribeUrl: unsubscribeUrl(row.personId, row.kind) });
      await getDb().$executeRaw`UPDATE outbound_email SET status = 'SENT', sent_at = now(), lease_until = NULL, last_error = NULL, message_id = ${messageId} WHERE id = ${row.id}`;
      sent++;
    } catch (error) {
      failed++;
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
      await getDb().$executeRaw`
        UPDATE outbound_email
           SET status = CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'FAILED'::"OutboundStatus" ELSE 'PENDING'::"OutboundStatus" END,
               next_attempt_at = now() + make_interval(mins => power(2, least(attempts - 1, 10))::int),
               lease_until = NULL, last_error = ${message}
         WHERE id = ${row.id}`;
    }
  }
  return { sent, failed, skipped: null };
}

/** Sends a FAILED e-mail again (admin). */
export async function requeueEmail(id: bigint): Promise<number> {
  return getDb().$executeRaw`UPDATE outbound_email SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = ${id} AND status = 'FAILED'`;
}

// ───────────────────────────── preferences ─────────────────────────────

export function loadPreferenceOwner(tx: Tx, personId: number) {
  return tx.person.findUnique({ where: { id: personId }, select: { id: true, name: true } });
}

/** Replaces a person's e-mail choices (one per kind). */
export async function savePreferences(tx: Tx, personId: number, choices: { kind: string; email: EmailMode }[]) {
  const before = await tx.notificationPreference.findMany({ where: { personId }, select: { kind: true, email: true } });
  for (const c of choices) {
    await tx.notificationPreference.upsert({
      where: { personId_kind: { personId, kind: c.kind } },
      create: { personId, kind: c.kind, email: c.email },
      update: { email: c.email },
    });
  }
  return {
    data: { saved: choices.length },
    audit: [{ action: "notification.preferences", entityType: "Person", entityId: personId, before, after: choices }],
  };
}

/**
 * The one-click unsubscribe (a signed link, no sign-in: lib/mail/unsubscribe.ts): turns e-mail off for the kind
 * the link names, or every digest choice for a digest's link. Audited as the person's own change.
 */
export async function unsubscribe(personId: number, kind: string): Promise<{ ok: boolean; what: string }> {
  return getDb().$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, user: { select: { id: true } } } });
    if (!person) return { ok: false, what: "" };
    const kinds = kind === DIGEST_KIND ? NOTICE_KINDS.map((k) => k.kind) : [kind];
    const before = await tx.notificationPreference.findMany({ where: { personId, kind: { in: kinds } }, select: { kind: true, email: true } });
    if (kind === DIGEST_KIND) {
      // Every kind currently going to a digest (chosen or by default) stops e-mailing.
      const current = new Map(before.map((b) => [b.kind, b.email]));
      for (const k of NOTICE_KINDS) {
        const mode = current.get(k.kind) ?? k.default;
        if (mode === "DAILY" || mode === "WEEKLY") {
          await tx.notificationPreference.upsert({ where: { personId_kind: { personId, kind: k.kind } }, create: { personId, kind: k.kind, email: "OFF" }, update: { email: "OFF" } });
        }
      }
    } else {
      await tx.notificationPreference.upsert({ where: { personId_kind: { personId, kind } }, create: { personId, kind, email: "OFF" }, update: { email: "OFF" } });
    }
    await recordAudit(tx, person.user?.id ?? null, [
      { action: "notification.unsubscribe", entityType: "Person", entityId: personId, before, after: { kind, email: "OFF", via: "signed link" } },
    ]);
    return { ok: true, what: noticeLabel(kind) };
  });
}
