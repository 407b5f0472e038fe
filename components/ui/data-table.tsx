"use client";

import { SearchIcon } from "lucide-react";
import { useId } from "react";
import {
  columnFilteringFeature,
  constructFilterFn,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnHelper,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { cn } from "./cn";
import { controlClass } from "./input";
import { cellClass, TableScroll, Tr, type CellLayout } from "./table";

/**
 * Per-column presentation hints, typed through the table's feature registry (v9 `columnMeta` slot): what
 * the column does when space runs out (components/ui/table.tsx).
 */
export interface DataTableColumnMeta extends CellLayout {
  /** Extra classes for the column's cells (e.g. a minimum width). */
  cellClassName?: string;
}

/*
 * Text filter: case-insensitive substring over every column with an accessor. Enum values match by their
 * label too ("in progress" finds IN_PROGRESS), because underscores are read as spaces on both sides.
 */
const normalise = (value: unknown): string | undefined =>
  value == null ? undefined : String(value).toLowerCase().replaceAll("_", " ");

const matchText = constructFilterFn({
  ...filterFn_includesString,
  resolveFilterValue: (value: unknown) => normalise(value) ?? "",
  resolveDataValue: normalise,
});

/**
 * The feature registry every table in the app shares (TanStack Table v9 registers features explicitly):
 * client-side sorting and a global text filter. Row-model slots come after the features they need.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  filterFns: { includesString: filterFn_includesString, matchText },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** A column helper bound to the shared features; call it once at module scope of a table component. */
export function createDataTableColumnHelper<TData extends RowData>(): ColumnHelper<DataTableFeatures, TData> {
  return createColumnHelper<DataTableFeatures, TData>();
}

export interface DataTableProps<TData extends RowData> {
  /** Stable column definitions (module scope), built with `createDataTableColumnHelper`. */
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TData>>;
  data: ReadonlyArray<TData>;
  /** Accessible name of the table (rendered as a visually hidden caption). */
  label: string;
  getRowId: (row: TData) => string;
  /** Show the text filter (default true). */
  filterable?: boolean;
  filterPlaceholder?: string;
  initialSorting?: SortingState;
  /** Extra classes for a row, e.g. to highlight overdue work. */
  rowClassName?: (row: TData) => string | undefined;
  /** Height limit of the scroll area; the header stays visible while the body scrolls. */
  maxHeightClassName?: string;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

export function DataTable<TData extends RowData>({
  columns,
  data,
  label,
  getRowId,
  filterable = true,
  filterPlaceholder = "Filter rows…",
  initialSorting = [],
  rowClassName,
  maxHeightClassName = "max-h-[70vh]",
}: DataTableProps<TData>) {
  const filterId = useId();
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    globalFilterFn: matchText,
    initialState: { sorting: initialSorting, globalFilter: "" },
    enableSortingRemoval: true,
  });

  const rows = table.getRowModel().rows;
  const total = data.length;
  const globalFilter = typeof table.state.globalFilter === "string" ? table.state.globalFilter : "";
  const columnCount = table.getAllLeafColumns().length;

  return (
    <div className="flex min-w-0 flex-col gap-3">
      {filterable ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="relative w-full max-w-xs">
            <label htmlFor={filterId} className="sr-only">
              Filter {label}
            </label>
            <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500" />
            <input
              id={filterId}
              type="search"
              value={globalFilter}
              onChange={(event) => table.setGlobalFilter(event.target.value)}
              placeholder={filterPlaceholder}
              autoComplete="off"
              className={cn(controlClass, "py-1.5 pl-8")}
            />
          </div>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {rows.length === total ? `${total} ${total === 1 ? "row" : "rows"}` : `Showing ${rows.length} of ${total}`}
          </p>
        </div>
      ) : null}

      <TableScroll label={label} maxHeightClassName={maxHeightClassName}>
        <table className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{label}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const meta = column.columnDef.meta;
                  const sorted = column.getIsSorted();
                  const canSort = column.getCanSort();
                  const alignEnd = meta?.align === "end";
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={canSort ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                      className={cellClass(meta ?? {}, true)}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className={cn(
                            "group -mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                            alignEnd && "flex-row-reverse",
                          )}
                        >
                          <table.FlexRender header={header} />
                          <SortIcon direction={sorted} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-8 text-center text-sm text-muted-foreground">
                  {globalFilter ? `No rows match “${globalFilter}”.` : "No rows."}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <Tr key={row.id} className={rowClassName?.(row.original)}>
                  {row.getAllCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td key={cell.id} className={cn(cellClass(meta ?? {}, false), meta?.cellClassName)}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </Tr>
              ))
            )}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 12"
      className={cn("size-3 shrink-0", direction ? "text-indigo-600" : "text-slate-500 group-hover:text-slate-600")}
      fill="currentColor"
    >
      {direction !== "desc" ? <path d="M6 1.5 9.5 5h-7L6 1.5Z" opacity={direction === "asc" ? 1 : 0.9} /> : null}
      {direction !== "asc" ? <path d="M6 10.5 2.5 7h7L6 10.5Z" opacity={direction === "desc" ? 1 : 0.9} /> : null}
    </svg>
  );
}
