import type { EmailMode } from "@/lib/generated/prisma/enums";

/**
 * The notices a person can choose e-mail for, and the default when they have not chosen. Urgent ones (something
 * is late or escalated) go out at once; the rest are gathered into the daily digest. The in-app inbox always gets
 * everything.
 */
export const NOTICE_KINDS = [
  { kind: "dependency.overdue", label: "A dependency I own is past its needed-by date", default: "IMMEDIATE" },
  { kind: "dependency.logged", label: "A dependency is logged against my team", default: "DAILY" },
  { kind: "dependency.changed", label: "A dependency I own changes", default: "DAILY" },
  { kind: "request.filed", label: "A request is filed with my service", default: "DAILY" },
  { kind: "request.assigned", label: "A request is assigned to me", default: "IMMEDIATE" },
  { kind: "request.at_risk", label: "A request is running out of time", default: "DAILY" },
  { kind: "sla.breached", label: "A request breaches its SLA", default: "IMMEDIATE" },
  { kind: "request.escalated", label: "A request is escalated to me", default: "IMMEDIATE" },
  { kind: "request.delivered", label: "A request I filed is delivered", default: "DAILY" },
  { kind: "kpi.overdue", label: "A KPI I own needs its measurement", default: "IMMEDIATE" },
] as const satisfies readonly { kind: string; label: string; default: EmailMode }[];

export type NoticeKind = (typeof NOTICE_KINDS)[number]["kind"];

/** The digest e-mails themselves have an unsubscribe link too (it turns every DAILY/WEEKLY choice off). */
export const DIGEST_KIND = "digest";

export const EMAIL_MODES: readonly EmailMode[] = ["OFF", "IMMEDIATE", "DAILY", "WEEKLY"];

export const EMAIL_MODE_LABEL: Readonly<Record<EmailMode, string>> = {
  OFF: "No e-mail",
  IMMEDIATE: "Right away",
  DAILY: "Daily digest",
  WEEKLY: "Weekly digest",
};

export function isNoticeKind(kind: string): kind is NoticeKind {
  return NOTICE_KINDS.some((k) => k.kind === kind);
}

export function defaultEmailMode(kind: string): EmailMode {
  return NOTICE_KINDS.find((k) => k.kind === kind)?.default ?? "DAILY";
}

export function noticeLabel(kind: string): string {
  if (kind === DIGEST_KIND) return "Digest e-mails";
  return NOTICE_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** The kinds whose default is immediate e-mail, for SQL (`n.kind IN (...)`). */
export const IMMEDIATE_BY_DEFAULT: readonly string[] = NOTICE_KINDS.filter((k) => k.default === "IMMEDIATE").map((k) => k.kind);
