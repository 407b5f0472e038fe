import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startCaptureServer, type CapturedMail } from "@/lib/mail/capture-server";
import { makePerson, unique } from "@/tests/support/factories";

// A real SMTP server of the test's own on a free port; the app is configured for it before lib/env is read.
const dir = await mkdtemp(path.join(tmpdir(), "mail-"));
const received: CapturedMail[] = [];
const smtp = await startCaptureServer({ dir, onMail: (m) => received.push(m) });
process.env.SMTP_URL = smtp.url;
process.env.MAIL_CAPTURE_DIR = dir;
process.env.APP_URL = "http://portfolio.test";

const { getDb } = await import("@/lib/db/client");
const { runJob } = await import("@/lib/jobs/handlers");
const { listCapturedMail } = await import("@/lib/mail/capture");
const { GET, POST } = await import("@/app/api/unsubscribe/route");
const { NextRequest } = await import("next/server");
const db = () => getDb();
const noEnqueue = async () => {};

afterAll(async () => {
  await smtp.stop();
  await rm(dir, { recursive: true, force: true });
});

async function waitFor<T>(read: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("e-mail through a real SMTP server", () => {
  it("a breached-SLA notice reaches its recipient once, and the unsubscribe link in it works without signing in", async () => {
    const person = await makePerson({ name: "Priya Patel", email: `${unique("priya")}@example.test` });
    await db().user.create({ data: { email: person.email, passwordHash: "x", orgRole: "MEMBER", personId: person.id } });
    const notice = await db().notification.create({
      data: { recipientId: person.id, kind: "sla.breached", title: "REQ-7 “Banner set” is past its SLA due time (Creative Studio)", link: "/services/requests/7" },
    });

    await runJob("notifications.deliver", {}, noEnqueue, new Date("2026-03-30T10:00:00Z"));
    await runJob("notifications.deliver", {}, noEnqueue, new Date("2026-03-30T10:01:00Z"));
    const mail = await waitFor(() => received.find((m) => m.envelopeTo.includes(person.email)));
    expect(mail.subject).toBe(notice.title);
    expect(mail.to).toContain(person.email);
    expect(mail.text).toContain("Hello Priya Patel");
    expect(mail.text).toContain("http://portfolio.test/services/requests/7");
    expect(received.filter((m) => m.envelopeTo.includes(person.email))).toHaveLength(1);
    // The admin viewer reads the same capture.
    expect((await listCapturedMail())?.some((m) => m.id === mail.id)).toBe(true);
    expect(await db().outboundEmail.findFirst({ where: { personId: person.id } })).toMatchObject({ status: "SENT", attempts: 1 });

    // The link in the message body, and the List-Unsubscribe header for the mail client's one-click button.
    const link = /http:\/\/portfolio\.test\/api\/unsubscribe\?t=[A-Za-z0-9._-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(mail.listUnsubscribe).toContain(link!);
    const response = await GET(new NextRequest(link!));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/\/unsubscribed\?what=/);
    expect(await db().notificationPreference.findUnique({ where: { personId_kind: { personId: person.id, kind: "sla.breached" } } })).toMatchObject({ email: "OFF" });
    expect(await db().auditEvent.count({ where: { action: "notification.unsubscribe", entityId: String(person.id) } })).toBe(1);

    // The next breach notice stays in the inbox only.
    await db().notification.create({ data: { recipientId: person.id, kind: "sla.breached", title: "REQ-8 breached", link: "/services/requests/8" } });
    await runJob("notifications.deliver", {}, noEnqueue, new Date("2026-03-30T10:02:00Z"));
    expect(await db().outboundEmail.count({ where: { personId: person.id } })).toBe(1);
  });

  it("a tampered or foreign unsubscribe link changes nothing", async () => {
    const person = await makePerson();
    const { unsubscribeToken } = await import("@/lib/mail/unsubscribe");
    const token = unsubscribeToken(person.id, "sla.breached");
    const forged = token.replace(/^\d+/, String(person.id + 1));
    const response = await POST(new NextRequest(`http://portfolio.test/api/unsubscribe?t=${forged}`, { method: "POST" }));
    expect(response.status).toBe(400);
    expect(await db().notificationPreference.count({ where: { personId: { in: [person.id, person.id + 1] } } })).toBe(0);
    const ok = await POST(new NextRequest(`http://portfolio.test/api/unsubscribe?t=${token}`, { method: "POST" }));
    expect(ok.status).toBe(200);
  });

  it("an unreachable SMTP server leaves the e-mail queued for a retry with back-off", async () => {
    const person = await makePerson();
    await db().user.create({ data: { email: person.email, passwordHash: "x", orgRole: "MEMBER", personId: person.id } });
    await db().outboundEmail.create({ data: { dedupeKey: unique("test"), personId: person.id, toAddress: person.email, subject: "s", textBody: "t", htmlBody: "<p>t</p>", kind: "sla.breached" } });
    await smtp.stop();
    try {
      const { sendPendingEmails } = await import("@/lib/mail/mutations");
      const result = await sendPendingEmails();
      expect(result.failed).toBeGreaterThanOrEqual(1);
      const row = await db().outboundEmail.findFirstOrThrow({ where: { personId: person.id } });
      expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
      expect(row.lastError).toBeTruthy();
    } finally {
      // (the server stays stopped; afterAll's stop is a no-op)
    }
  });
});
