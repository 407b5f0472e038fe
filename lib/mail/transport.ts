import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * The SMTP transport (nodemailer), configured by SMTP_URL. Null when no SMTP server is configured: e-mails stay
 * queued (PENDING) and /admin/mail says why.
 */
const holder = globalThis as unknown as { mailTransport?: { url: string; transport: Transporter } };

export function mailTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (holder.mailTransport?.url !== url) {
    holder.mailTransport = {
      url,
      transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return holder.mailTransport.transport;
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  unsubscribeUrl: string;
}

/** Sends one message; resolves with the SMTP server's answer, rejects when it refuses or cannot be reached. */
export async function sendMail(transport: Transporter, message: OutgoingMessage): Promise<string> {
  const info = await transport.sendMail({
    from: env().MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    // RFC 8058 one-click unsubscribe: mail clients show an "Unsubscribe" button that POSTs to the same link.
    list: { unsubscribe: { url: message.unsubscribeUrl, comment: "Unsubscribe" } },
    headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
  return String(info.response ?? "sent");
}
