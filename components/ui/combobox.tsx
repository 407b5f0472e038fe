"use client";

import { Command } from "cmdk";
import { CheckIcon, ChevronsUpDownIcon, LoaderCircleIcon } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";
import { useFieldControl } from "./field";
import { controlClass } from "./input";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line (email, team, status) that is searched too. */
  hint?: string;
  disabled?: boolean;
}

/** What the server search endpoint (app/api/search/[kind]/route.ts) can look up. */
export type SearchKind = "people" | "items" | "teams";

export interface ServerSearch {
  kind: SearchKind;
  /** Extra filters the endpoint understands (e.g. { teamId: "3", levels: "FEATURE,STORY" }). */
  params?: Record<string, string>;
}

/**
 * A searchable picker (cmdk's listbox inside a Radix Popover): type to filter, arrow keys to move, Enter to
 * choose. With `options` it filters in the browser (up to a few hundred); with `search` it asks the server
 * for the first 20 matches of what is typed, so a list of 100,000 items never reaches the browser.
 * The value posts with the form through a hidden input under `name`.
 */
export function Combobox({
  name,
  options,
  search,
  defaultValue,
  value: controlled,
  onValueChange,
  placeholder = "Choose…",
  searchPlaceholder = "Search…",
  noneLabel,
  disabled,
  className,
  "aria-label": ariaLabel,
}: {
  name?: string;
  options?: readonly ComboboxOption[];
  search?: ServerSearch;
  /** The chosen option at first (its label is needed, since server-searched options are not loaded). */
  defaultValue?: ComboboxOption | null;
  value?: ComboboxOption | null;
  onValueChange?: (option: ComboboxOption | null) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  /** Offer "none" as the first choice, with this label. */
  noneLabel?: string;
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
}) {
  const field = useFieldControl();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [uncontrolled, setUncontrolled] = useState<ComboboxOption | null>(defaultValue ?? null);
  const selected = controlled !== undefined ? controlled : uncontrolled;
  const [query, setQuery] = useState("");
  const found = useServerSearch(search, query, open);
  const list = search ? found.options : (options ?? []);

  function choose(option: ComboboxOption | null) {
    setUncontrolled(option);
    onValueChange?.(option);
    setOpen(false);
    setQuery("");
  }

  return (
    <>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild disabled={disabled}>
          <button
            type="button"
            role="combobox"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-haspopup="listbox"
            id={field?.id}
            aria-invalid={field?.["aria-invalid"]}
            aria-describedby={field?.["aria-describedby"]}
            aria-label={ariaLabel}
            className={cn(controlClass, "mt-1 flex items-center justify-between gap-2 text-left", !selected && "text-subtle-foreground", className)}
          >
            <span className="truncate">{selected ? selected.label : (noneLabel ?? placeholder)}</span>
            <ChevronsUpDownIcon aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          </button>
        </PopoverTrigger>
        <PopoverContent className="w-(--radix-popover-trigger-width) min-w-64 p-0" align="start">
          <Command shouldFilter={!search} loop label={ariaLabel ?? placeholder}>
            <div className="flex items-center gap-2 border-b border-border px-3">
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder={searchPlaceholder}
                className="h-9 w-full bg-transparent text-sm text-foreground outline-none placeholder:text-subtle-foreground"
              />
              {found.loading ? <LoaderCircleIcon aria-label="Searching" className="size-4 animate-spin text-slate-500" /> : null}
            </div>
            <Command.List id={listId} className="max-h-72 overflow-y-auto p-1">
              <Command.Empty className="px-3 py-4 text-center text-sm text-muted-foreground">
                {search && query.trim() === "" ? "Type to search." : found.loading ? "Searching…" : "No matches."}
              </Command.Empty>
              {noneLabel ? (
                <Item option={{ value: "", label: noneLabel }} selected={selected === null} onSelect={() => choose(null)} />
              ) : null}
              {list.map((option) => (
                <Item key={option.value} option={option} selected={selected?.value === option.value} onSelect={() => choose(option)} />
              ))}
              {search && found.more ? (
                <p className="px-3 py-2 text-xs text-muted-foreground">Showing the first {found.options.length}; type more to narrow it down.</p>
              ) : null}
            </Command.List>
          </Command>
        </PopoverContent>
      </Popover>
      {name ? <input type="hidden" name={name} value={selected?.value ?? ""} /> : null}
    </>
  );
}

function Item({ option, selected, onSelect }: { option: ComboboxOption; selected: boolean; onSelect: () => void }) {
  return (
    <Command.Item
      value={`${option.label} ${option.hint ?? ""} ${option.value}`}
      disabled={option.disabled}
      onSelect={onSelect}
      className="relative flex cursor-default flex-col rounded-md py-1.5 pr-8 pl-2.5 text-sm text-foreground select-none data-[disabled=true]:opacity-50 data-[selected=true]:bg-surface-sunken"
    >
      <span className="truncate">{option.label}</span>
      {option.hint ? <span className="truncate text-xs text-muted-foreground">{option.hint}</span> : null}
      {selected ? <CheckIcon aria-hidden="true" className="absolute top-2 right-2 size-4 text-indigo-600" /> : null}
    </Command.Item>
  );
}

/** Debounced look-ups against /api/search/<kind>; the newest query wins. */
function useServerSearch(search: ServerSearch | undefined, query: string, open: boolean) {
  const [state, setState] = useState<{ options: ComboboxOption[]; more: boolean; loading: boolean }>({ options: [], more: false, loading: false });
  const latest = useRef(0);
  const kind = search?.kind;
  const params = search?.params ? new URLSearchParams(search.params).toString() : "";
  useEffect(() => {
    if (!kind || !open) return;
    const q = query.trim();
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, loading: true }));
      try {
        const url = `/api/search/${kind}?${new URLSearchParams({ q })}${params ? `&${params}` : ""}`;
        const response = await fetch(url, { headers: { accept: "application/json" } });
        const body = (await response.json()) as { options?: ComboboxOption[]; more?: boolean };
        if (ticket === latest.current) setState({ options: body.options ?? [], more: Boolean(body.more), loading: false });
      } catch {
        if (ticket === latest.current) setState({ options: [], more: false, loading: false });
      }
    }, q === "" ? 0 : 200);
    return () => clearTimeout(timer);
  }, [kind, params, query, open]);
  return state;
}
