import type { WebhookFormat } from "@/lib/generated/prisma/enums";

/** The event families a subscription can take, and the audit entity each comes from. */
export const EVENT_FAMILIES = [
  { family: "item", entityType: "BacklogItem", label: "Backlog items (created, edited, moved, status)" },
  { family: "dependency", entityType: "Dependency", label: "Dependencies (logged, answered, status)" },
  { family: "request", entityType: "ServiceRequest", label: "Service requests (filed, accepted, delivered, escalated)" },
] as const;

export type EventFamily = (typeof EVENT_FAMILIES)[number]["family"];

export interface WebhookEvent {
  deliveryId: string;
  /** The audit action ("item.status", "dependency.updated", "request.escalate"). */
  event: string;
  family: EventFamily;
  occurredAt: string;
  entity: { type: string; id: string; key: string | null; title: string | null };
  teamId: number | null;
  /** The record as it stood after the change (the audit event's snapshot). */
  data: unknown;
  link: string;
}

const PATHS: Record<EventFamily, string> = { item: "/items/", dependency: "/dependencies/", request: "/services/requests/" };

export function familyOf(entityType: string): EventFamily | null {
  return EVENT_FAMILIES.find((f) => f.entityType === entityType)?.family ?? null;
}

export function entityLink(appUrl: string, family: EventFamily, id: string): string {
  return new URL(`${PATHS[family]}${id}`, appUrl).toString();
}

const VERBS: Record<string, string> = {
  "item.create": "created",
  "item.update": "edited",
  "item.move": "re-ranked",
  "item.status": "changed status",
  "dependency.created": "logged",
  "dependency.updated": "updated",
  "request.file": "filed",
  "request.accept": "accepted",
  "request.deliver": "delivered",
  "request.escalate": "escalated",
};

/** One line a person reads in a chat channel: "EPIC-12 “Spring launch” changed status → IN_PROGRESS". */
export function eventLine(e: WebhookEvent): string {
  const name = [e.entity.key, e.entity.title ? `“${e.entity.title}”` : null].filter(Boolean).join(" ") || `${e.entity.type} ${e.entity.id}`;
  const verb = VERBS[e.event] ?? e.event.split(".").slice(1).join(" ");
  const status = typeof e.data === "object" && e.data && "status" in e.data ? ` → ${String((e.data as { status: unknown }).status)}` : "";
  return `${name} ${verb}${status}`;
}

/** The HTTP body for a subscription's format. JSON is the app's own (signed) shape; Slack and Teams get a message. */
export function webhookBody(format: WebhookFormat, e: WebhookEvent): string {
  switch (format) {
    case "JSON":
      return JSON.stringify(e);
    case "SLACK":
      return JSON.stringify({ text: `${eventLine(e)} — <${e.link}|open>` });
    case "TEAMS":
      return JSON.stringify({
        "@type": "MessageCard",
        "@context": "https://schema.org/extensions",
        summary: eventLine(e),
        text: eventLine(e),
        potentialAction: [{ "@type": "OpenUri", name: "Open", targets: [{ os: "default", uri: e.link }] }],
      });
  }
}

/**
 * Where a webhook may point: http(s) only, and not at this machine or a private network unless the deployment
 * allows it (WEBHOOK_ALLOW_PRIVATE=1, for the demo and tests). Names are checked as written; a name that resolves
 * to a private address is not caught here (put outbound traffic behind an egress proxy for that).
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, starting with https://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Webhook URLs must start with https:// (or http://)";
  if (url.username || url.password) return "Put credentials in the secret, not in the URL";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const privateHost =
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host.endsWith(".internal") ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^169\.254\./.test(host) ||
    /^0\./.test(host) ||
    host === "::1" ||
    /^f[cd][0-9a-f]{2}:/.test(host) ||
    /^fe80:/.test(host);
  return privateHost ? "Webhooks cannot point at this server or a private network" : null;
}
