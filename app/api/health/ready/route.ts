import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers and every shipped migration is applied; 503 (with why) otherwise. */
export async function GET() {
  const r = await checkReadiness();
  return NextResponse.json(
    r.ready ? { status: "ready", migrations: r.applied } : { status: "not ready", problem: r.problem, pending: r.pending },
    { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
