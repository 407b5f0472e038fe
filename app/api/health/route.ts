import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

/** Readiness under its historical name (the browser tests' server start waits on it): see ./ready and ./live. */
export async function GET() {
  const r = await checkReadiness();
  return NextResponse.json(r.ready ? { status: "ok", migrations: r.applied } : { status: "database unavailable", problem: r.problem }, {
    status: r.ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
