import { getPrincipal } from "@/lib/auth/principal";
import { exportFileName, metricsCsv } from "@/lib/metrics/export";
import { parseSelection } from "@/lib/metrics/period";
import { getDashboardMetrics, getOrgToday, getScopeName } from "@/lib/metrics/queries";
import { orderedSummaries } from "@/lib/metrics/summary";

/**
 * GET /api/dashboard/export?period=4w&scope=vs:3 — the dashboard's numbers for that selection as CSV. Signed-in
 * users only (the session is checked here, as every page checks it; the proxy gate is not relied on); an unknown
 * value stream or team is a 404.
 */
export async function GET(request: Request): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) return new Response("Sign in to export the dashboard.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const selection = parseSelection(Object.fromEntries(url.searchParams), await getOrgToday());
  const scopeName = await getScopeName(selection.scope);
  if (scopeName === null) return new Response("No such value stream or team.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const metrics = await getDashboardMetrics({ period: selection.period, scope: selection.scope });
  const body = metricsCsv(orderedSummaries(metrics), selection.period, scopeName);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(scopeName, selection.period)}"`,
      "cache-control": "private, no-store",
    },
  });
}
