import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PortfolioKanban } from "@/components/portfolio/portfolio-kanban";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { getPortfolioKanban, getPortfolioLookups } from "@/lib/portfolio/queries";

export const metadata: Metadata = { title: "Portfolio Kanban" };

export default async function PortfolioKanbanPage() {
  await connection();
  const principal = await requirePrincipal();
  const [columns, lookups] = await Promise.all([getPortfolioKanban(), getPortfolioLookups()]);
  return (
    <>
      <Link
        href="/portfolio"
        className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span aria-hidden="true">←</span> Portfolio backlog
      </Link>
      <PageHeader
        title="Portfolio Kanban"
        description="Epics flow from the funnel to done. Each column shows its work in process against its limit; a column above its limit turns red. Cards are in rank order."
      />
      <PortfolioKanban
        columns={columns}
        // Leaders move epics; setItemStatusAction checks again.
        canMove={can(principal, "portfolio.edit")}
        teamNames={Object.fromEntries(lookups.teams.map((t) => [t.id, t.name]))}
      />
    </>
  );
}
