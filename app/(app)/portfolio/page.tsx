import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NewEpicForm } from "@/components/portfolio/new-epic-form";
import { PortfolioBacklog } from "@/components/portfolio/portfolio-backlog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { parsePortfolioFilter } from "@/lib/portfolio/filter";
import { getPortfolioLookups, getPortfolioRows } from "@/lib/portfolio/queries";
import { buttonStyles } from "@/components/ui/button";

export const metadata: Metadata = { title: "Portfolio" };

/** Epics in the page's own HTML; the browser fetches the rest (/portfolio/rows), so the page stays small. */
const FIRST_EPICS = 60;

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const principal = await requirePrincipal();
  const [{ rows, epicCount, themeCount }, lookups, params] = await Promise.all([
    getPortfolioRows({ firstEpics: FIRST_EPICS }),
    getPortfolioLookups(),
    searchParams,
  ]);

  return (
    <>
      <PageHeader
        title="Portfolio backlog"
        description="Strategic themes and the epics that deliver them. Points and item counts roll up from every feature and story below an epic. WSJF = (business value + time criticality + risk reduction) ÷ job size."
        actions={
          <Link
            href="/portfolio/kanban"
            className={buttonStyles({ variant: "secondary", size: "sm" })}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M2 4.75A2.75 2.75 0 0 1 4.75 2h.5A2.75 2.75 0 0 1 8 4.75v10.5A2.75 2.75 0 0 1 5.25 18h-.5A2.75 2.75 0 0 1 2 15.25V4.75Zm10 0A2.75 2.75 0 0 1 14.75 2h.5A2.75 2.75 0 0 1 18 4.75v5.5A2.75 2.75 0 0 1 15.25 13h-.5A2.75 2.75 0 0 1 12 10.25v-5.5Z" />
            </svg>
            Kanban board
          </Link>
        }
      />
      {/* Leaders add themes and epics; createItemAction checks again. */}
      {can(principal, "portfolio.edit") ? (
        <div className="mb-4">
          <NewEpicForm themes={lookups.themes} />
        </div>
      ) : null}
      {epicCount === 0 && themeCount === 0 ? (
        <EmptyState title="The portfolio is empty" description="Themes and epics appear here once leadership adds them to the portfolio backlog." />
      ) : (
        <PortfolioBacklog
          // A new theme or epic (a refresh after adding one) starts the list afresh with it.
          key={`${epicCount}-${themeCount}`}
          initialRows={rows}
          epicCount={epicCount}
          complete={rows.filter((r) => r.level === "EPIC").length >= epicCount}
          lookups={lookups}
          initialFilter={parsePortfolioFilter(params)}
          // Controls for leaders; moveItemAction and updatePortfolioItemAction check again.
          canRerank={can(principal, "portfolio.rerank")}
          canEdit={can(principal, "portfolio.edit")}
        />
      )}
    </>
  );
}
