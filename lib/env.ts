import { z } from "zod";

/**
 * The one place that reads process.env. Validated lazily (on first use) so scripts and tests can set the
 * environment before anything touches the database.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by scripts/with-db.ts when it serves the embedded database; otherwise the operator's PostgreSQL. */
  DATABASE_URL: z.string().min(1, "DATABASE_URL is empty"),
  /** Postgres schema holding the tables (tests give every file its own). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default("public"),
  /** Connection pool size. The embedded database is one session, so it must be 1 there (ENVIRONMENT.md). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Longest a single SQL statement of the app may run (ms; 0 = no limit). A page that needs longer is a bug; a
   * write that hits it is refused with "the database is busy" and nothing is saved. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** Longest a statement waits for a row or table lock (ms; 0 = no limit): one stuck writer must not stall
   * every request behind it. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** A transaction left open and idle longer than this is ended by the server (ms; 0 = no limit). */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** "1": report every SQL statement's time on stderr ("[db] 12.3 ms …"); npm run bench reads it. */
  DATABASE_LOG_QUERIES: z.enum(["0", "1"]).default("0"),
  /** Set to "1" when DATABASE_URL points at the embedded PGlite server. */
  DATABASE_EMBEDDED: z.enum(["0", "1"]).default("0"),
  /** Signs session tokens. Every instance of one deployment needs the same value (scripts/with-db.ts makes one
   * in .data/auth-secret for local runs). Required in production. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** "1" keeps session cookies without the Secure flag in production (only for plain-http test rigs). */
  AUTH_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  /** Browser tests only (playwright.config.ts sets it): a file holding an ISO instant the app takes as "now"
   * (lib/clock.ts). Unset — the normal case, and the only sane one in a real deployment — means the real clock. */
  TEST_CLOCK_FILE: z.string().min(1).optional(),

  // ───────────── operations (docs/operations.md has the full reference) ─────────────
  /** The address people reach the app at; links in e-mails and chat messages start with it. */
  APP_URL: z.url("APP_URL must be a URL such as https://portfolio.example.com").default("http://localhost:3000"),
  /** "1" runs the job worker inside the app server process (the demo on the embedded database does; see
   * docs/operations.md). Otherwise run `npm run worker` beside the app. */
  WORKER_IN_PROCESS: z.enum(["0", "1"]).default("0"),
  /** Postgres schema pg-boss keeps its queue tables in. */
  JOBS_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default("pgboss"),
  /** Outgoing mail: smtp://user:pass@host:port (smtps:// for TLS). Unset: e-mails are queued but not sent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).max(200).default("Marketing Portfolio <portfolio@localhost>"),
  /** Where the project's own local SMTP server (demo, tests) keeps what it receives; the admin mail viewer reads it. */
  MAIL_CAPTURE_DIR: z.string().min(1).optional(),
  /** "1" lets webhooks target loopback and private addresses (demo and tests; never needed in production). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /** Requests per minute one API token may make. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Traces are off unless an OTLP endpoint is given (e.g. http://otel-collector:4318). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default("marketing-portfolio"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `Invalid environment: ${first?.path.join(".") ?? "?"}: ${first?.message ?? "invalid"}. ` +
        "Run the app through `npm run dev`/`npm start` (they serve the embedded database when DATABASE_URL is unset).",
    );
  }
  cached = parsed.data;
  return cached;
}
