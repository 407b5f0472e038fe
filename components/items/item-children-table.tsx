"use client";

import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { enumLabel } from "@/lib/format/enum-label";
import type { ItemChildDto } from "@/lib/items/queries";

const col = createDataTableColumnHelper<ItemChildDto>();
const dash = <span className="text-slate-500">—</span>;

const columns = col.columns([
  col.accessor("key", {
    header: "Key",
    cell: (info) => (
      <span className="font-mono text-xs whitespace-nowrap">
        <TextLink href={`/items/${info.row.original.id}`}>{info.getValue()}</TextLink>
      </span>
    ),
  }),
  col.accessor("title", { header: "Title", meta: { cellClassName: "min-w-64 text-slate-900" } }),
  col.accessor((row) => (row.isTask ? "Task" : enumLabel(row.level)), {
    id: "level",
    header: "Level",
    cell: (info) => <Badge tone={info.row.original.level === "FEATURE" ? "violet" : "slate"}>{info.getValue()}</Badge>,
  }),
  col.accessor((row) => enumLabel(row.status), {
    id: "status",
    header: "Status",
    cell: (info) => <ItemStatusBadge status={info.row.original.status} />,
  }),
  col.accessor((row) => row.estimate ?? undefined, {
    id: "estimate",
    header: "Estimate",
    cell: (info) => {
      const value = info.getValue();
      return value === undefined ? dash : `${value} pts`;
    },
    sortUndefined: "last",
    meta: { align: "end", cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => row.owner ?? undefined, {
    id: "owner",
    header: "Owner",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
    meta: { cellClassName: "whitespace-nowrap" },
  }),
]);

const rowId = (row: ItemChildDto): string => String(row.id);

/** An item's direct children in rank order, each linking to its own page. */
export function ItemChildrenTable({ items, parentKey }: { items: ItemChildDto[]; parentKey: string }) {
  return (
    <DataTable
      columns={columns}
      data={items}
      label={`Items under ${parentKey}`}
      getRowId={rowId}
      filterable={items.length > 8}
      maxHeightClassName="max-h-[60vh]"
    />
  );
}
