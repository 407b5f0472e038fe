"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { navItemFor, visibleNavItems } from "@/components/shell/nav-items";
import type { Action } from "@/lib/auth/permissions";

/**
 * The section links; the current section is marked with aria-current="page" and highlighted. Entries gated
 * by a permission (Activity, Admin) appear only when `allowed` holds it.
 */
export function NavLinks({ variant, allowed = [] }: { variant: "sidebar" | "bar"; allowed?: readonly Action[] }) {
  const pathname = usePathname();
  const current = navItemFor(pathname);
  const items = visibleNavItems(allowed);

  if (variant === "bar") {
    return (
      <ul className="flex gap-1 overflow-x-auto">
        {items.map((item) => {
          const active = item === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = item === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`group flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:ring-offset-2 focus-visible:ring-offset-slate-900 focus-visible:outline-none ${active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white"}`}
            >
              <span className={active ? "text-indigo-400" : "text-slate-400 group-hover:text-slate-200"}>{item.icon}</span>
              {item.label}
              {active ? <span aria-hidden="true" className="ml-auto h-4 w-1 rounded-full bg-indigo-400" /> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
