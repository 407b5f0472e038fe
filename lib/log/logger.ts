import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * Structured JSON logs (pino), one line per event on stdout. Every line carries the request id and the action
 * name of the work it belongs to (a server action, an API call, a job), taken from an AsyncLocalStorage context
 * that the guarded write path, the API and the worker open. Secrets and personal data never reach a line:
 * credentials, tokens, cookies, e-mail addresses and bodies are redacted by key wherever they appear.
 */
export interface LogContext {
  requestId: string;
  action?: string;
  /** The acting user's id (an id, not a name or an e-mail). */
  userId?: number;
  tokenId?: number;
}

const context = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(ctx: Partial<LogContext>, fn: () => T): T {
  const parent = context.getStore();
  return context.run({ ...parent, ...ctx, requestId: ctx.requestId ?? parent?.requestId ?? randomUUID() }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return context.getStore();
}

export const REDACT_PATHS = [
  "password",
  "passwordHash",
  "token",
  "secret",
  "authorization",
  "cookie",
  "email",
  "to",
  "body",
  "*.password",
  "*.passwordHash",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  "*.email",
  "*.to",
  "*.body",
  "req.headers.authorization",
  "req.headers.cookie",
];

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 200) };
  const lines = error.message.trim().split("\n").filter((l) => l.trim() !== "");
  const code = (error as { code?: unknown }).code;
  return { type: error.name, ...(typeof code === "string" ? { code } : {}), message: (lines.at(-1) ?? "").slice(0, 300) };
}

const holder = globalThis as unknown as { appLogger?: Logger };

export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: env().LOG_LEVEL,
      base: { service: env().OTEL_SERVICE_NAME },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const ctx = context.getStore();
        return ctx ? { requestId: ctx.requestId, action: ctx.action, userId: ctx.userId, tokenId: ctx.tokenId } : {};
      },
      // An error is logged by type, code and its last message line: driver errors repeat the query's arguments in
      // the middle of their message (which may be personal data), and stacks belong in traces, not in every line.
      serializers: { err: serializeError },
    },
    destination,
  );
}

export function logger(): Logger {
  holder.appLogger ??= createLogger();
  return holder.appLogger;
}
