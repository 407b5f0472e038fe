import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryPanel } from "@/components/audit/history-panel";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { ItemChildrenTable } from "@/components/items/item-children-table";
import { ItemEditor } from "@/components/items/item-editor";
import { ParentChain } from "@/components/items/parent-chain";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { PORTFOLIO_STATUSES, TEAM_ITEM_STATUSES } from "@/lib/backlog/schema";
import { enumLabel } from "@/lib/format/enum-label";
import { getItemDetail, type ItemDetail } from "@/lib/items/queries";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { parseIdParam } from "@/lib/routing/id-param";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // Titles are shown to signed-in users only.
  if (!(await getPrincipal())) return { title: "Item" };
  const itemId = parseIdParam((await params).id);
  const item = itemId === null ? null : await getItemDetail(itemId);
  return { title: item ? `${item.key} ${item.title}` : "Item" };
}

const isPortfolioLevel = (item: ItemDetail) => item.level === "THEME" || item.level === "EPIC";

export default async function ItemPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const itemId = parseIdParam((await params).id);
  const [item, timeZone] = await Promise.all([itemId === null ? null : getItemDetail(itemId), getOrganizationTimeZone()]);
  if (!item) notFound();

  const teamId = item.team?.id ?? null;
  // What the page offers; updateItemAction checks the stored item again on every save.
  const canEdit = can(principal, "item.edit", { teamId, ownerPersonId: item.owner?.personId ?? null });
  const canChangeEstimateAndOwner = can(principal, "backlog.rerank", { teamId });
  const levelLabel = item.isTask ? "Task" : enumLabel(item.level);

  const details = (
    <div className="flex flex-col gap-6">
      <FactList
        facts={[
          { label: "Key", value: <span className="font-mono">{item.key}</span> },
          { label: "Level", value: levelLabel },
          { label: "Status", value: <ItemStatusBadge status={item.status} /> },
          {
            label: "Team",
            value: item.team ? <TextLink href={`/teams/${item.team.id}`}>{item.team.name}</TextLink> : <span className="text-slate-500">Portfolio</span>,
          },
          { label: "Owner", value: item.owner?.name ?? <span className="text-slate-500">No owner</span> },
          { label: "Estimate", value: item.estimate === null ? <span className="text-slate-500">Not estimated</span> : `${item.estimate} pts` },
          {
            label: "Brief",
            value: isWebLink(item.briefUrl) ? (
              <a
                href={item.briefUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="rounded font-medium break-all text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
              >
                Open the brief<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : item.briefUrl ? (
              // Not an http(s) link: shown as text, never as a link.
              <span className="break-all">{item.briefUrl}</span>
            ) : (
              <span className="text-slate-500">No brief linked</span>
            ),
          },
        ]}
      />
      <TextBlock label="Description" text={item.description} empty="No description." />
      <TextBlock label="Acceptance criteria" text={item.acceptanceCriteria} empty="No acceptance criteria yet." />
    </div>
  );

  return (
    <>
      <Link
        href={item.team ? `/backlogs/${item.team.id}` : "/portfolio"}
        className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span aria-hidden="true">←</span> {item.team ? `${item.team.name} backlog` : "Portfolio"}
      </Link>
      <ParentChain parents={item.parents} current={item} />
      <PageHeader
        title={item.title}
        meta={
          <>
            <span className="font-mono text-sm text-slate-600">{item.key}</span>
            <Badge tone={item.level === "FEATURE" ? "violet" : item.level === "STORY" ? "slate" : "indigo"}>{levelLabel}</Badge>
            <ItemStatusBadge status={item.status} />
            {item.team ? <Badge>{item.team.name}</Badge> : null}
          </>
        }
      />

      <div className="flex flex-col gap-6">
        {canEdit ? (
          <ItemEditor
            item={{
              id: item.id,
              key: item.key,
              version: item.version,
              title: item.title,
              description: item.description,
              status: item.status,
              estimate: item.estimate,
              acceptanceCriteria: item.acceptanceCriteria,
              briefUrl: item.briefUrl,
              ownerPersonId: item.owner?.personId ?? null,
              ownerName: item.owner?.name ?? null,
            }}
            statuses={isPortfolioLevel(item) ? PORTFOLIO_STATUSES : TEAM_ITEM_STATUSES}
            ownerOptions={item.ownerOptions.map((o) => ({
              personId: o.personId,
              label: o.role ? `${o.name} (${enumLabel(o.role)})` : o.name,
            }))}
            canChangeEstimateAndOwner={canChangeEstimateAndOwner}
            timeZone={timeZone}
          >
            {details}
          </ItemEditor>
        ) : (
          <Card title="Details">{details}</Card>
        )}

        {item.children.length > 0 ? (
          <Card title={`Items under ${item.key}`} description="In rank order">
            <ItemChildrenTable items={item.children} parentKey={item.key} />
          </Card>
        ) : null}

        <HistoryPanel entityType="BacklogItem" entityId={item.id} />
      </div>
    </>
  );
}

/** Only http(s) links are rendered as links (a stored `javascript:` URL must never be clickable). */
function isWebLink(url: string | null): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function TextBlock({ label, text, empty }: { label: string; text: string; empty: string }) {
  return (
    <div>
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</h3>
      {text.trim() ? (
        <p className="mt-1 max-w-3xl text-sm whitespace-pre-line text-slate-900">{text}</p>
      ) : (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      )}
    </div>
  );
}
