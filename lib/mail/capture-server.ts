import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The project's own local SMTP server, for the demo and the tests: accepts every message on 127.0.0.1 and keeps
 * it as one JSON file in `dir` (what the admin mail viewer shows). Not for production: no auth, no TLS, no relay.
 */
export interface CapturedMail {
  id: string;
  receivedAt: string;
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  listUnsubscribe: string | null;
}

export interface CaptureServer {
  port: number;
  url: string;
  stop: () => Promise<void>;
}

export async function startCaptureServer(options: { dir: string; port?: number; onMail?: (mail: CapturedMail) => void }): Promise<CaptureServer> {
  await mkdir(options.dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Marketing Portfolio local mail capture",
    size: 5 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const receivedAt = new Date();
          const id = `${receivedAt.getTime()}-${process.pid}-${++seq}`;
          const addressText = (a: typeof parsed.to) => (Array.isArray(a) ? a.map((x) => x.text).join(", ") : (a?.text ?? ""));
          const mail: CapturedMail = {
            id,
            receivedAt: receivedAt.toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: addressText(parsed.from),
            to: addressText(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            messageId: parsed.messageId ?? null,
            listUnsubscribe: listUnsubscribe(parsed.headers.get("list")),
          };
          await writeFile(path.join(options.dir, `${id}.json`), JSON.stringify(mail));
          options.onMail?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on("error", () => {});
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** mailparser folds the List-* headers into one "list" object; the unsubscribe link is `unsubscribe.url` or `.id`. */
function listUnsubscribe(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("unsubscribe" in value)) return null;
  const unsubscribe = (value as { unsubscribe?: { url?: unknown; id?: unknown } }).unsubscribe;
  const link = unsubscribe?.url ?? unsubscribe?.id;
  return typeof link === "string" ? link : null;
}
