import { NextResponse } from "next/server";
import { pingDatabase } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the browser tests' server start. */
export async function GET() {
  try {
    const { migrations } = await pingDatabase();
    return NextResponse.json({ status: "ok", migrations });
  } catch {
    return NextResponse.json({ status: "database unavailable" }, { status: 503 });
  }
}
