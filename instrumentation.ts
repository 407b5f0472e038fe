/**
 * Runs once when a server instance starts (Next.js instrumentation hook): opt-in OpenTelemetry traces, and — when
 * WORKER_IN_PROCESS=1 — the job worker inside this process. The demo on the embedded database needs the latter:
 * PGlite is one session, so the worker must share the app's one connection instead of opening its own
 * (docs/operations.md, "The embedded database").
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerServices } = await import("./lib/jobs/server-services");
  await startServerServices();
}
