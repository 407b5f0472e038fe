import type { NextConfig } from "next";

const dev = process.env.NODE_ENV === "development";

/**
 * Content-Security-Policy: everything from this origin only (the app makes no remote calls). Next.js injects
 * inline bootstrap scripts and charts use inline styles, hence 'unsafe-inline'; React's dev tooling needs eval.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // Lets two builds (or dev servers) of one checkout live side by side, e.g. `NEXT_DIST_DIR=.next-b`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server in .next/standalone (node .next/standalone/server.js): what the Dockerfile ships.
  output: "standalone",
  // Readiness compares the applied migrations with the ones this build ships (lib/health/queries.ts).
  outputFileTracingIncludes: { "/api/health/ready": ["./prisma/migrations/**/*"], "/api/health": ["./prisma/migrations/**/*"] },
  // Server-only Node packages (database drivers, the queue, mail, logging, tracing): keep them out of the bundler.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@node-rs/argon2",
    "pg-boss",
    "pino",
    "nodemailer",
    "smtp-server",
    "mailparser",
    "@opentelemetry/sdk-node",
    "@opentelemetry/exporter-trace-otlp-http",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
