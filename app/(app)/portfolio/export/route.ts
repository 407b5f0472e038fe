import { getPrincipal } from "@/lib/auth/principal";
import { portfolioCsv } from "@/lib/portfolio/export";
import { parsePortfolioFilter, visibleEpics } from "@/lib/portfolio/filter";
import { getPortfolioLookups, getPortfolioRows } from "@/lib/portfolio/queries";

/** The portfolio view as CSV, with the same filters and order as the page (read from the same parameters). */
export async function GET(request: Request) {
  if (!(await getPrincipal())) return new Response("Sign in to export the portfolio.", { status: 401 });
  const filter = parsePortfolioFilter(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, lookups] = await Promise.all([getPortfolioRows(), getPortfolioLookups()]);
  const streamOfTeam = new Map(lookups.teams.map((t) => [t.id, t.valueStreamId]));
  const epics = visibleEpics(rows, filter, streamOfTeam);
  const themes = rows.filter((r) => r.level === "THEME");
  const csv = portfolioCsv(epics, themes, new Map(lookups.teams.map((t) => [t.id, t.name])));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="portfolio-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
