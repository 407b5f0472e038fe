import type { ReactNode } from "react";
import type { Action } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  /** Shown only to those allowed this action (the page checks again: hiding a link protects nothing). */
  permission?: Action;
}

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.6}>
      <path strokeLinecap="round" strokeLinejoin="round" d={d} />
    </svg>
  );
}

/** The app's sections, in sidebar order. */
export const NAV_ITEMS: ReadonlyArray<NavItem> = [
  {
    href: "/dashboard",
    label: "Dashboard",
    icon: <Icon d="M3.75 13.5h6.75V3.75H3.75v9.75Zm0 6.75h6.75v-3.75H3.75v3.75Zm9.75 0h6.75V10.5H13.5v9.75Zm0-16.5v3.75h6.75V3.75H13.5Z" />,
  },
  {
    href: "/portfolio",
    label: "Portfolio",
    icon: <Icon d="M6.43 9.75 2.25 12l4.18 2.25m0-4.5 5.57 3 5.57-3m-11.14 0L2.25 7.5 12 2.25l9.75 5.25-4.18 2.25m0 0L21.75 12l-4.18 2.25m0 0 4.18 2.25L12 21.75 2.25 16.5l4.18-2.25m11.14 0-5.57 3-5.57-3" />,
  },
  {
    href: "/okrs",
    label: "OKRs",
    icon: <Icon d="M3 3v1.5M3 21v-6m0 0 2.77-.69a9 9 0 0 1 6.21.66l.1.05a9 9 0 0 0 6.21.66l3.11-.78a48.6 48.6 0 0 1-.01-10.5l-3.11.78a9 9 0 0 1-6.2-.66l-.11-.05a9 9 0 0 0-6.21-.66L3 4.5M3 15V4.5" />,
  },
  {
    href: "/teams",
    label: "Teams",
    icon: <Icon d="M18 18.72a9.1 9.1 0 0 0 3.74-.48 3 3 0 0 0-4.68-2.72M18 18.72v.03a11.8 11.8 0 0 1-6 1.5 11.8 11.8 0 0 1-6-1.5v-.03m12 0a5.97 5.97 0 0 0-.94-3.2M6 18.72a9.1 9.1 0 0 1-3.74-.48 3 3 0 0 1 4.68-2.72M6 18.72a5.97 5.97 0 0 1 .94-3.2m0 0a6 6 0 0 1 10.12 0M15 6.75a3 3 0 1 1-6 0 3 3 0 0 1 6 0Zm6 3a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0Zm-13.5 0a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0Z" />,
  },
  {
    href: "/org",
    label: "Org",
    icon: <Icon d="M12 3.75v4.5m0 0H6.75a1.5 1.5 0 0 0-1.5 1.5v2.25m6.75-3.75h5.25a1.5 1.5 0 0 1 1.5 1.5v2.25M9.75 3.75h4.5v4.5h-4.5v-4.5ZM3 12h4.5v4.5H3V12Zm13.5 0H21v4.5h-4.5V12ZM9.75 12h4.5v4.5h-4.5V12Zm2.25-3.75V12" />,
  },
  {
    href: "/value-streams",
    label: "Value streams",
    icon: <Icon d="M3 7.5h11.25m0 0L11.25 4.5m3 3-3 3M21 16.5H9.75m0 0 3-3m-3 3 3 3M3 16.5h2.25m15.75-9h-2.25" />,
  },
  {
    href: "/backlogs",
    label: "Backlogs",
    icon: <Icon d="M8.25 6.75h12M8.25 12h12m-12 5.25h12M3.75 6.75h.008v.008H3.75V6.75Zm.375 0a.375.375 0 1 1-.75 0 .375.375 0 0 1 .75 0ZM3.75 12h.008v.008H3.75V12Zm.375 0a.375.375 0 1 1-.75 0 .375.375 0 0 1 .75 0Zm-.375 5.25h.008v.008H3.75v-.008Zm.375 0a.375.375 0 1 1-.75 0 .375.375 0 0 1 .75 0Z" />,
  },
  {
    href: "/dependencies",
    label: "Dependencies",
    icon: <Icon d="M13.19 8.69a4.5 4.5 0 0 1 1.24 7.24l-4.5 4.5a4.5 4.5 0 0 1-6.36-6.36l1.76-1.76m13.35-.62 1.76-1.76a4.5 4.5 0 0 0-6.36-6.36l-4.5 4.5a4.5 4.5 0 0 0 1.24 7.24" />,
  },
  {
    href: "/services",
    label: "Services",
    icon: <Icon d="M11.42 15.17 17.25 21A2.65 2.65 0 0 0 21 17.25l-5.88-5.88M11.42 15.17l2.5-3.03c.3-.37.72-.6 1.19-.74.55-.16 1.16-.19 1.73-.14a4.5 4.5 0 0 0 4.49-6.2l-3.28 3.28a3 3 0 0 1-2.25-2.25l3.28-3.28a4.5 4.5 0 0 0-6.2 4.49c.09.99-.06 2.08-.83 2.71l-.09.07m1.46 5.09-4.66 5.66a2.48 2.48 0 1 1-3.5-3.5l5.66-4.66m2.5-2.5L6.27 5.8" />,
  },
  {
    href: "/kpis",
    label: "KPIs",
    icon: <Icon d="M3 13.13c0-.62.5-1.13 1.13-1.13h2.25c.62 0 1.12.5 1.12 1.13v6.75c0 .62-.5 1.12-1.12 1.12H4.13C3.5 21 3 20.5 3 19.88v-6.75ZM9.75 8.63c0-.62.5-1.13 1.13-1.13h2.25c.62 0 1.12.5 1.12 1.13v11.25c0 .62-.5 1.12-1.12 1.12h-2.25c-.62 0-1.13-.5-1.13-1.12V8.63ZM16.5 4.13c0-.62.5-1.13 1.13-1.13h2.25C20.5 3 21 3.5 21 4.13v15.75c0 .62-.5 1.12-1.12 1.12h-2.25c-.62 0-1.13-.5-1.13-1.12V4.13Z" />,
  },
  {
    href: "/activity",
    label: "Activity",
    permission: "activity.feed",
    icon: <Icon d="M12 6v6h4.5m4.5 0a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" />,
  },
  {
    href: "/admin/users",
    label: "Admin",
    permission: "users.admin",
    icon: <Icon d="M9.59 3.94c.09-.54.56-.94 1.11-.94h2.6c.55 0 1.02.4 1.11.94l.21 1.28c.06.37.31.68.64.87l.22.13c.33.18.72.24 1.07.1l1.22-.45a1.13 1.13 0 0 1 1.37.49l1.3 2.25c.27.48.16 1.08-.27 1.43l-1 .82c-.3.24-.43.61-.42.98v.26c0 .37.13.74.42.98l1 .82c.43.35.54.95.27 1.43l-1.3 2.25c-.28.48-.86.68-1.37.49l-1.22-.45c-.35-.13-.74-.08-1.07.1l-.22.13c-.33.19-.58.5-.64.87l-.21 1.28c-.09.54-.56.94-1.11.94h-2.6c-.55 0-1.02-.4-1.11-.94l-.21-1.28a1.3 1.3 0 0 0-.64-.87l-.22-.13a1.3 1.3 0 0 0-1.07-.1l-1.22.45a1.13 1.13 0 0 1-1.37-.49l-1.3-2.25a1.13 1.13 0 0 1 .27-1.43l1-.82c.3-.24.43-.61.42-.98v-.26c0-.37-.13-.74-.42-.98l-1-.82a1.13 1.13 0 0 1-.27-1.43l1.3-2.25c.28-.48.86-.68 1.37-.49l1.22.45c.35.13.74.08 1.07-.1l.22-.13c.33-.19.58-.5.64-.87l.21-1.28ZM15 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z" />,
  },
];

/** The permissions that gate nav entries; the layout works out which of them the signed-in user holds. */
export const NAV_PERMISSIONS: readonly Action[] = NAV_ITEMS.flatMap((item) => (item.permission ? [item.permission] : []));

/** The entries to show to someone allowed `allowed` (entries without a permission are for everyone). */
export function visibleNavItems(allowed: readonly Action[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || allowed.includes(item.permission));
}

/** The section a path belongs to (`/teams/4` → Teams), or undefined outside the sections. */
export function navItemFor(pathname: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
}
