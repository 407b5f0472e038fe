import { getPrincipal } from "@/lib/auth/principal";
import { teamBacklogCsv } from "@/lib/backlog/export";
import { getGroomingBacklog } from "@/lib/backlog/queries";
import { matchesBacklogItem, parseBacklogFilter } from "@/lib/backlog/view-filter";
import { getExportExtras } from "@/lib/import/queries";
import { parseIdParam } from "@/lib/routing/id-param";

/** A team's backlog view as a CSV Jira takes back (and this app re-imports unchanged), with the page's filters. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await getPrincipal())) return new Response("Sign in to export a backlog.", { status: 401 });
  const teamId = parseIdParam((await params).id);
  const backlog = teamId === null ? null : await getGroomingBacklog(teamId);
  if (!backlog) return new Response("No such team.", { status: 404 });
  const filter = parseBacklogFilter(Object.fromEntries(new URL(request.url).searchParams));
  const items = backlog.items.filter((i) => matchesBacklogItem(i, filter, backlog.team));
  const { extras, timeZone } = await getExportExtras(items.map((i) => i.id));
  const slug = backlog.team.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "team";
  return new Response(`\uFEFF${teamBacklogCsv(items, backlog.team, extras, timeZone)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-backlog-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
