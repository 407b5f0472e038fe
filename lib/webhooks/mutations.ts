import "server-only";
import { randomBytes } from "node:crypto";
import type { AuditEntry } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import type { WebhookFormat } from "@/lib/generated/prisma/enums";
import { EVENT_FAMILIES, entityLink, familyOf, webhookBody, type WebhookEvent } from "./format";
import { signBody } from "./sign";

const FAMILY_SQL = `CASE e.entity_type ${EVENT_FAMILIES.map((f) => `WHEN '${f.entityType}' THEN '${f.family}'`).join(" ")} END`;

/**
 * Creates a delivery for every (subscription, event) pair not yet created: events are the audit log's rows for
 * items, dependencies and requests (so every write is announced, whoever made it and however: UI, API, jobs),
 * from the subscription's creation on, over the last day. One set-based insert; the unique (subscription, event)
 * pair makes it idempotent.
 */
export async function createDeliveries(): Promise<number> {
  return getDb().$executeRawUnsafe(`
    INSERT INTO webhook_delivery (subscription_id, audit_event_id, event)
    SELECT s.id, e.id, e.action
      FROM audit_event e
      JOIN webhook_subscription s
        ON s.active AND e.at >= s.created_at
       AND ${FAMILY_SQL} = ANY (s.events)
       AND (s.team_id IS NULL OR s.team_id = e.team_id)
     WHERE e.at > now() - interval '1 day'
       AND e.entity_type IN (${EVENT_FAMILIES.map((f) => `'${f.entityType}'`).join(", ")})
    ON CONFLICT (subscription_id, audit_event_id) DO NOTHING`);
}

const MAX_ATTEMPTS = 8;

export interface DeliveryOutcome {
  delivered: number;
  failed: number;
}

/**
 * Delivers due webhook deliveries: claimed with a lease (FOR UPDATE SKIP LOCKED, like e-mails), POSTed with a
 * 10 s timeout, a 2xx marks SENT; anything else is retried with back-off (30 s, 1, 2, 4 … minutes) up to 8
 * attempts, then FAILED. The answer's status and error are kept for the delivery log.
 */
export async function deliverPendingWebhooks(options: { at?: Date; batch?: number; fetchImpl?: typeof fetch } = {}): Promise<DeliveryOutcome> {
  const at = options.at ?? new Date();
  const doFetch = options.fetchImpl ?? fetch;
  const claimed = await getDb().$queryRaw<
    { id: bigint; event: string; format: WebhookFormat; url: string; secret: string; auditId: bigint; entityType: string; entityId: string; teamId: number | null; occurredAt: Date; after: unknown }[]
  >`
    WITH c AS (
      UPDATE webhook_delivery d SET status = 'SENDING', lease_until = ${at}::timestamptz + interval '2 minutes', attempts = d.attempts + 1
       WHERE d.id IN (
         SELECT id FROM webhook_delivery
          WHERE (status = 'PENDING' AND next_attempt_at <= ${at}) OR (status = 'SENDING' AND lease_until < ${at})
          ORDER BY id LIMIT ${options.batch ?? 50} FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.event, d.subscription_id, d.audit_event_id)
    SELECT c.id, c.event, s.format, s.url, s.secret, e.id AS "auditId", e.entity_type AS "entityType", e.entity_id AS "entityId",
           e.team_id AS "teamId", e.at AS "occurredAt", e.after
      FROM c JOIN webhook_subscription s ON s.id = c.subscription_id JOIN audit_event e ON e.id = c.audit_event_id
     ORDER BY c.id`;
  let delivered = 0;
  let failed = 0;
  for (const row of claimed) {
    const family = familyOf(row.entityType) ?? "item";
    const after = (row.after ?? {}) as Record<string, unknown>;
    const event: WebhookEvent = {
      deliveryId: String(row.id),
      event: row.event,
      family,
      occurredAt: row.occurredAt.toISOString(),
      entity: {
        type: row.entityType,
        id: row.entityId,
        key: typeof after.key === "string" ? after.key : null,
        title: typeof after.title === "string" ? after.title : null,
      },
      teamId: row.teamId,
      data: row.after,
      link: entityLink(env().APP_URL, family, row.entityId),
    };
    const body = webhookBody(row.format, event);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "MarketingPortfolio-Webhooks/1" };
    if (row.format === "JSON") {
      headers["x-portfolio-event"] = row.event;
      headers["x-portfolio-delivery"] = String(row.id);
      headers["x-portfolio-signature"] = signBody(row.secret, body, new Date());
    }
    let status: number | null = null;
    let problem: string | null = null;
    try {
      const response = await doFetch(row.url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000), redirect: "manual" });
      status = response.status;
      await response.body?.cancel().catch(() => {});
      if (status < 200 || status >= 300) problem = `HTTP ${status}`;
    } catch (error) {
      problem = (error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)).slice(0, 300);
    }
    if (problem === null) {
      delivered++;
      await getDb().$executeRaw`UPDATE webhook_delivery SET status = 'SENT', delivered_at = now(), response_status = ${status}, lease_until = NULL, last_error = NULL WHERE id = ${row.id}`;
    } else {
      failed++;
      await getDb().$executeRaw`
        UPDATE webhook_delivery
           SET status = CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'FAILED'::"OutboundStatus" ELSE 'PENDING'::"OutboundStatus" END,
               next_attempt_at = ${at}::timestamptz + make_interval(secs => 30 * power(2, least(attempts - 1, 10))),
               response_status = ${status}, lease_until = NULL, last_error = ${problem}
         WHERE id = ${row.id}`;
    }
  }
  return { delivered, failed };
}

/** Sends a FAILED delivery again (admin). */
export async function requeueDelivery(id: bigint): Promise<number> {
  return getDb().$executeRaw`UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = ${id} AND status = 'FAILED'`;
}

// ───────────────────────────── subscriptions (guarded actions) ─────────────────────────────

export function loadWebhookTeam(tx: Tx, teamId: number | null) {
  if (teamId === null) return Promise.resolve({ id: null as number | null, name: "the organisation" });
  return tx.team.findFirst({ where: { id: teamId, archivedAt: null }, select: { id: true, name: true } });
}

export async function createSubscription(
  tx: Tx,
  team: { id: number | null; name: string },
  input: { format: WebhookFormat; url: string; events: string[]; description: string },
): Promise<{ data: { id: number; secret: string }; audit: AuditEntry[] }> {
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await tx.webhookSubscription.create({
    data: { teamId: team.id, format: input.format, url: input.url, events: input.events, description: input.description, secret },
    select: { id: true },
  });
  return {
    data: { id: row.id, secret },
    // The audit keeps where events go, never the secret.
    audit: [{ action: "webhook.create", entityType: "WebhookSubscription", entityId: row.id, teamId: team.id, after: { format: input.format, host: new URL(input.url).host, events: input.events } }],
  };
}

export function loadSubscription(tx: Tx, id: number) {
  return tx.webhookSubscription.findUnique({ where: { id }, select: { id: true, teamId: true, format: true, url: true, events: true, active: true } });
}

export async function deleteSubscription(tx: Tx, sub: NonNullable<Awaited<ReturnType<typeof loadSubscription>>>): Promise<{ data: null; audit: AuditEntry[] }> {
  await tx.webhookSubscription.delete({ where: { id: sub.id } });
  return {
    data: null,
    audit: [{ action: "webhook.delete", entityType: "WebhookSubscription", entityId: sub.id, teamId: sub.teamId, before: { format: sub.format, host: new URL(sub.url).host, events: sub.events } }],
  };
}
