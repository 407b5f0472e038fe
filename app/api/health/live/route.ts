import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Never touches the database (a database outage must not restart every replica). */
export function GET() {
  return NextResponse.json({ status: "alive" }, { headers: { "cache-control": "no-store" } });
}
