import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { makeItem, makeTeam } from "@/tests/support/factories";

process.env.WEBHOOK_ALLOW_PRIVATE = "1";
process.env.APP_URL = "http://portfolio.test";

const { getDb } = await import("@/lib/db/client");
const { recordAudit } = await import("@/lib/audit/mutations");
const { runJob } = await import("@/lib/jobs/handlers");
const { createSubscription, deliverPendingWebhooks } = await import("@/lib/webhooks/mutations");
const { verifySignature } = await import("@/lib/webhooks/sign");
const db = () => getDb();
const noEnqueue = async () => {};

// A real HTTP receiver on a free port: answers 500 to the first request, then 200.
const received: { headers: IncomingHttpHeaders; body: string; path: string }[] = [];
let failuresLeft = 1;
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString("utf8")));
  req.on("end", () => {
    received.push({ headers: req.headers, body, path: req.url ?? "" });
    if (failuresLeft > 0) {
      failuresLeft--;
      res.writeHead(500).end("try later");
    } else res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("outgoing webhooks", () => {
  it("delivers an item event signed with HMAC, retries after a 500, and logs each answer", async () => {
    const team = await makeTeam();
    const { data: sub } = await db().$transaction((tx) =>
      createSubscription(tx, { id: null, name: "org" }, { format: "JSON", url: `${base}/hooks/portfolio`, events: ["item"], description: "BI sync" }),
    );
    const item = await makeItem({ level: "STORY", teamId: team.id, key: "STORY-9001", title: "Landing page copy" });
    await db().$transaction((tx) =>
      recordAudit(tx, null, [{ action: "item.status", entityType: "BacklogItem", entityId: item.id, teamId: team.id, after: { key: "STORY-9001", title: "Landing page copy", status: "IN_PROGRESS" } }]),
    );
    // A dependency event is not in this subscription's families.
    await db().$transaction((tx) => recordAudit(tx, null, [{ action: "dependency.created", entityType: "Dependency", entityId: 1, teamId: team.id, after: {} }]));

    const t0 = new Date();
    await runJob("webhooks.deliver", {}, noEnqueue, t0);
    expect(received).toHaveLength(1);
    const first = await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: sub.id } });
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });

    // Not due yet: nothing is sent. After the back-off it is, and the 204 marks it delivered.
    expect(await deliverPendingWebhooks({ at: new Date(t0.getTime() + 5_000) })).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverPendingWebhooks({ at: new Date(t0.getTime() + 60_000) })).toEqual({ delivered: 1, failed: 0 });
    expect(received).toHaveLength(2);
    expect(await db().webhookDelivery.findFirstOrThrow({ where: { subscriptionId: sub.id } })).toMatchObject({ status: "SENT", attempts: 2, responseStatus: 204 });

    const delivery = received[1]!;
    expect(delivery.path).toBe("/hooks/portfolio");
    expect(delivery.headers["x-portfolio-event"]).toBe("item.status");
    expect(verifySignature(sub.secret, delivery.body, String(delivery.headers["x-portfolio-signature"]))).toBe(true);
    expect(verifySignature("whsec_wrong", delivery.body, String(delivery.headers["x-portfolio-signature"]))).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({
      event: "item.status",
      family: "item",
      entity: { type: "BacklogItem", id: String(item.id), key: "STORY-9001", title: "Landing page copy" },
      data: { status: "IN_PROGRESS" },
      link: `http://portfolio.test/items/${item.id}`,
    });

    // Running the job again sends nothing twice.
    await runJob("webhooks.deliver", {}, noEnqueue, new Date(t0.getTime() + 120_000));
    expect(received).toHaveLength(2);
    expect(await db().webhookDelivery.count({ where: { subscriptionId: sub.id } })).toBe(1);
  });

  it("a team's Slack channel gets that team's events as a chat message, other teams' not", async () => {
    const [mine, other] = [await makeTeam(), await makeTeam()];
    await db().$transaction((tx) => createSubscription(tx, mine, { format: "SLACK", url: `${base}/slack`, events: ["request"], description: "" }));
    await db().$transaction((tx) =>
      recordAudit(tx, null, [
        { action: "request.escalate", entityType: "ServiceRequest", entityId: 41, teamId: mine.id, after: { key: "REQ-41", title: "Video cut", status: "ESCALATED" } },
        { action: "request.escalate", entityType: "ServiceRequest", entityId: 42, teamId: other.id, after: { key: "REQ-42", title: "Other", status: "ESCALATED" } },
      ]),
    );
    const before = received.length;
    await runJob("webhooks.deliver", {}, noEnqueue, new Date(Date.now() + 300_000));
    const slack = received.slice(before).filter((r) => r.path === "/slack");
    expect(slack).toHaveLength(1);
    expect(JSON.parse(slack[0]!.body)).toEqual({ text: "REQ-41 “Video cut” escalated → ESCALATED — <http://portfolio.test/services/requests/41|open>" });
    expect(slack[0]!.headers["x-portfolio-signature"]).toBeUndefined();
  });
});
