import type { Metadata } from "next";
import { connection } from "next/server";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { EpicsTable } from "@/components/portfolio/epics-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { requirePrincipal } from "@/lib/auth/principal";
import { getPortfolioOverview } from "@/lib/portfolio/queries";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  await connection();
  await requirePrincipal();
  const { themes, epics } = await getPortfolioOverview();

  return (
    <>
      <PageHeader
        title="Portfolio backlog"
        description="Strategic themes and the epics that deliver them, in portfolio rank order. WSJF = (business value + time criticality + risk reduction) ÷ job size; points are rolled up from each epic’s stories."
      />
      {themes.length === 0 && epics.length === 0 ? (
        <EmptyState title="The portfolio is empty" description="Themes and epics appear here once leadership adds them to the portfolio backlog." />
      ) : (
        <div className="flex flex-col gap-6">
          {themes.length > 0 ? (
            <section aria-labelledby="themes-heading">
              <h2 id="themes-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
                Themes
              </h2>
              <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
                {themes.map((theme) => (
                  <li key={theme.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                    <div className="flex items-start justify-between gap-2">
                      <div className="min-w-0">
                        <p className="font-mono text-xs text-slate-500">{theme.key}</p>
                        <p className="font-semibold text-slate-900">{theme.title}</p>
                      </div>
                      <ItemStatusBadge status={theme.status} />
                    </div>
                    <div className="flex items-center justify-between gap-2 text-xs text-slate-500">
                      <span>
                        {theme.epicCount} {theme.epicCount === 1 ? "epic" : "epics"}
                      </span>
                      <ProgressBar value={theme.pointsDone} max={theme.pointsTotal} />
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="epics-heading">
            <h2 id="epics-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
              Epics
            </h2>
            {epics.length === 0 ? (
              <p className="text-sm text-slate-500">No epics yet.</p>
            ) : (
              <EpicsTable epics={epics} />
            )}
          </section>
        </div>
      )}
    </>
  );
}
