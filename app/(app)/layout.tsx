import { cookies } from "next/headers";
import { connection } from "next/server";
import { InboxLink } from "@/components/notifications/inbox-link";
import { NAV_PERMISSIONS } from "@/components/shell/nav-items";
import { SectionTitle } from "@/components/shell/section-title";
import { DesktopSidebar, MobileSidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { THEME_COOKIE, parseTheme } from "@/components/ui/theme";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { can } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/principal";
import { countUnreadNotifications } from "@/lib/notifications/queries";

/**
 * The app shell: sidebar navigation (a sheet behind a menu button below 1024 px), top bar, main area. It
 * shows who is signed in but guards nothing — a layout is not re-run on every navigation, so each page
 * checks the session itself. The main column may shrink to any width (min-w-0): what is too wide for it
 * scrolls inside its own box, never the page.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await connection(); // request-time only: never read the session (or the database) while building
  const principal = await getPrincipal();
  // Which role-gated sections (Activity, Admin) to list; their pages check again.
  const allowed = principal ? NAV_PERMISSIONS.filter((action) => can(principal, action)) : [];
  const unread = principal?.personId ? await countUnreadNotifications(principal.personId) : 0;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2 focus:text-sm focus:font-semibold focus:text-link focus:shadow-lg focus:ring-2 focus:ring-ring focus:outline-none"
      >
        Skip to content
      </a>
      <div className="flex min-h-dvh">
        <DesktopSidebar allowed={allowed} />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-20 border-b border-border bg-surface/90 backdrop-blur">
            <div className="flex h-topbar items-center gap-2 px-4 sm:px-page-x">
              <MobileSidebar allowed={allowed} />
              <SectionTitle />
              <div className="ml-auto flex items-center gap-1.5">
                <ThemeToggle initial={theme} />
                {principal ? (
                  <>
                    <InboxLink unread={unread} />
                    <UserMenu name={principal.name} role={principal.orgRole} />
                  </>
                ) : null}
              </div>
            </div>
          </header>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-page-x">
            <div className="mx-auto max-w-page">{children}</div>
          </main>
        </div>
      </div>
    </>
  );
}
