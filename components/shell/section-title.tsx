"use client";

import { usePathname } from "next/navigation";
import { navItemFor } from "@/components/shell/nav-items";

/** The top bar's title area: the current section's name (pages carry their own h1 below). */
export function SectionTitle() {
  const pathname = usePathname();
  const item = navItemFor(pathname);
  return (
    <p className="flex min-w-0 items-center gap-2 truncate text-sm font-semibold text-foreground">
      {item ? (
        <>
          <span className="text-indigo-600">{item.icon}</span>
          {item.label}
        </>
      ) : (
        "Marketing Portfolio"
      )}
    </p>
  );
}
