"use client";

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

/** Per-column presentation hints, typed through the table's feature registry (v9 `columnMeta` slot). */
export interface DataTableColumnMeta {
  /** Right-align numbers. */
  align?: "start" | "end";
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
    <div className="flex flex-col gap-3">
      {filterable ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="relative w-full max-w-xs">
            <label htmlFor={filterId} className="sr-only">
              Filter {label}
            </label>
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400"
              fill="currentColor"
            >
              <path
                fillRule="evenodd"
                d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.13 3.14a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z"
                clipRule="evenodd"
              />
            </svg>
            <input
              id={filterId}
              type="search"
              value={globalFilter}
              onChange={(event) => table.setGlobalFilter(event.target.value)}
              placeholder={filterPlaceholder}
              autoComplete="off"
              className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-3 pl-8 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40"
            />
          </div>
          <p className="text-xs text-slate-500" aria-live="polite">
            {rows.length === total ? `${total} ${total === 1 ? "row" : "rows"}` : `Showing ${rows.length} of ${total}`}
          </p>
        </div>
      ) : null}

      <div className={`overflow-auto rounded-lg border border-slate-200 bg-white ${maxHeightClassName}`}>
        <table className="min-w-full border-separate border-spacing-0 text-sm">
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
                      className={`sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase ${alignEnd ? "text-right" : "text-left"}`}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className={`group -mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${alignEnd ? "flex-row-reverse" : ""}`}
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
                <td colSpan={columnCount} className="px-3 py-8 text-center text-sm text-slate-500">
                  {globalFilter ? `No rows match “${globalFilter}”.` : "No rows."}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className={`hover:bg-slate-50 ${rowClassName?.(row.original) ?? ""}`}>
                  {row.getAllCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td
                        key={cell.id}
                        className={`border-b border-slate-100 px-3 py-2 align-top text-slate-700 ${meta?.align === "end" ? "text-right tabular-nums" : ""} ${meta?.cellClassName ?? ""}`}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 12"
      className={`size-3 shrink-0 ${direction ? "text-indigo-600" : "text-slate-300 group-hover:text-slate-500"}`}
      fill="currentColor"
    >
      {direction !== "desc" ? <path d="M6 1.5 9.5 5h-7L6 1.5Z" opacity={direction === "asc" ? 1 : 0.9} /> : null}
      {direction !== "asc" ? <path d="M6 10.5 2.5 7h7L6 10.5Z" opacity={direction === "desc" ? 1 : 0.9} /> : null}
    </svg>
  );
}
