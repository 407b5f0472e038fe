"use client";

import { useId, useState } from "react";

/**
 * A metric's definition on hover or keyboard focus of a small "i" button (WCAG 1.4.13: it stays while the pointer
 * is over it, and Escape dismisses it). The text is also the button's description, so screen readers read it on
 * focus without the tooltip having to be visible.
 */
export function DefinitionTip({ label, definition, reading }: { label: string; definition: string; reading: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const visible = open && !dismissed;
  return (
    <span
      className="relative inline-flex print:hidden"
      onMouseEnter={() => {
        setDismissed(false);
        setOpen(true);
      }}
      onMouseLeave={() => setOpen(false)}
    >
      <button
        type="button"
        aria-label={`What ${label} means`}
        aria-describedby={id}
        onFocus={() => {
          setDismissed(false);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setDismissed(true);
        }}
        className="inline-flex size-5 items-center justify-center rounded-full text-slate-500 hover:text-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path
            fillRule="evenodd"
            d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v2.75a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <span
        role="tooltip"
        id={id}
        className={`absolute top-full left-1/2 z-30 mt-2 w-72 -translate-x-1/2 rounded-lg bg-slate-900 px-3 py-2.5 text-left text-xs leading-relaxed font-normal text-slate-100 shadow-lg ${visible ? "block" : "sr-only"}`}
      >
        <span className="block font-semibold text-white">{definition}</span>
        <span className="mt-1 block text-slate-300">{reading}</span>
      </span>
    </span>
  );
}
