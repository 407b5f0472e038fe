import { NextResponse } from "next/server";
import { getPrincipal } from "@/lib/auth/principal";
import { getPortfolioRows } from "@/lib/portfolio/queries";

/** Every theme and epic with its rollups, as JSON: the portfolio page fetches it after its first paint. */
export async function GET() {
  if (!(await getPrincipal())) return NextResponse.json({ error: "Sign in to see the portfolio." }, { status: 401 });
  const { rows, epicCount } = await getPortfolioRows();
  return NextResponse.json({ rows, epicCount }, { headers: { "cache-control": "private, no-store" } });
}
