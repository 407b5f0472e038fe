import "server-only";
import { getDb } from "@/lib/db/client";
import type { EmailMode } from "@/lib/generated/prisma/enums";
import { defaultEmailMode, NOTICE_KINDS } from "./preferences";

export interface OutboundRow {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: "PENDING" | "SENDING" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The latest e-mails the app queued or sent (admin), newest first, bounded. */
export async function listOutboundEmails(limit = 50): Promise<OutboundRow[]> {
  const rows = await getDb().outboundEmail.findMany({
    orderBy: { id: "desc" },
    take: Math.min(limit, 200),
    select: { id: true, toAddress: true, subject: true, kind: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString(), to: r.toAddress, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null }));
}

/** Counts by status (the mail page's summary). */
export async function countOutboundByStatus(): Promise<Record<string, number>> {
  const rows = await getDb().outboundEmail.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

export interface PreferenceRow {
  kind: string;
  label: string;
  email: EmailMode;
  isDefault: boolean;
}

/** A person's e-mail choice for every kind of notice (their own, or the kind's default). */
export async function getPreferences(personId: number): Promise<PreferenceRow[]> {
  const saved = await getDb().notificationPreference.findMany({ where: { personId }, select: { kind: true, email: true } });
  const byKind = new Map(saved.map((s) => [s.kind, s.email]));
  return NOTICE_KINDS.map((k) => ({ kind: k.kind, label: k.label, email: byKind.get(k.kind) ?? defaultEmailMode(k.kind), isDefault: !byKind.has(k.kind) }));
}
