"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { navItemFor, visibleNavItems } from "@/components/shell/nav-items";
import { cn } from "@/components/ui/cn";
import type { Action } from "@/lib/auth/permissions";

/**
 * The section links; the current section is marked with aria-current="page" and highlighted. Entries gated
 * by a permission (Activity, Admin) appear only when `allowed` holds it. `onNavigate` closes the sheet that
 * holds them below 1024 px.
 */
export function NavLinks({ allowed = [], onNavigate }: { allowed?: readonly Action[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = navItemFor(pathname);
  const items = visibleNavItems(allowed);
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = item === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "group flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-sidebar-ring focus-visible:outline-none focus-visible:ring-inset",
                active ? "bg-sidebar-accent text-sidebar-foreground" : "text-sidebar-muted hover:bg-sidebar-accent/60 hover:text-sidebar-foreground",
              )}
            >
              <span className={active ? "text-sidebar-ring" : "text-sidebar-muted group-hover:text-sidebar-foreground"}>{item.icon}</span>
              {item.label}
              {active ? <span aria-hidden="true" className="ml-auto h-4 w-1 rounded-full bg-sidebar-ring" /> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
