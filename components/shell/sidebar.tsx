"use client";

import { MenuIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Logo } from "@/components/shell/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTrigger } from "@/components/ui/dialog";
import type { Action } from "@/lib/auth/permissions";

function Brand() {
  return (
    <Link
      href="/dashboard"
      className="flex items-center gap-2.5 px-5 py-5 focus-visible:ring-2 focus-visible:ring-sidebar-ring focus-visible:outline-none focus-visible:ring-inset"
    >
      <Logo />
      <span className="leading-tight">
        <span className="block text-sm font-semibold text-sidebar-foreground">Marketing</span>
        <span className="block text-xs text-sidebar-muted">Portfolio</span>
      </span>
    </Link>
  );
}

function SidebarBody({ allowed, onNavigate }: { allowed: readonly Action[]; onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col bg-sidebar">
      <Brand />
      <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
        <NavLinks allowed={allowed} onNavigate={onNavigate} />
      </nav>
      <p className="px-5 py-4 text-xs text-sidebar-muted">Agile marketing teams</p>
    </div>
  );
}

/** The fixed sidebar from 1024 px up (its column stretches with the page; the panel stays put). */
export function DesktopSidebar({ allowed }: { allowed: readonly Action[] }) {
  return (
    <div className="hidden w-sidebar shrink-0 bg-sidebar lg:block">
      <aside className="sticky top-0 h-dvh">
        <SidebarBody allowed={allowed} />
      </aside>
    </div>
  );
}

/** Below 1024 px the sidebar collapses behind a menu button and opens as a sheet from the left. */
export function MobileSidebar({ allowed }: { allowed: readonly Action[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation">
          <MenuIcon aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" title="Navigation" hideHeader className="border-none bg-sidebar [&>button]:text-sidebar-muted">
        <SidebarBody allowed={allowed} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
