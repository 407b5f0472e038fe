import Link from "next/link";
import { connection } from "next/server";
import { InboxLink } from "@/components/notifications/inbox-link";
import { Logo } from "@/components/shell/logo";
import { NAV_PERMISSIONS } from "@/components/shell/nav-items";
import { NavLinks } from "@/components/shell/nav-links";
import { SectionTitle } from "@/components/shell/section-title";
import { UserMenu } from "@/components/shell/user-menu";
import { can } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/principal";
import { countUnreadNotifications } from "@/lib/notifications/queries";

/**
 * The app shell: sidebar navigation, top bar, main area. It shows who is signed in but guards nothing —
 * a layout is not re-run on every navigation, so each page checks the session itself.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await connection(); // request-time only: never read the session (or the database) while building
  const principal = await getPrincipal();
  // Which role-gated sections (Activity, Admin) to list; their pages check again.
  const allowed = principal ? NAV_PERMISSIONS.filter((action) => can(principal, action)) : [];
  const unread = principal?.personId ? await countUnreadNotifications(principal.personId) : 0;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-semibold focus:text-indigo-700 focus:shadow-lg focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen">
        {/* The outer box stretches with the page so the dark column never ends; the inner one stays put. */}
        <div className="hidden w-60 shrink-0 bg-slate-900 md:block">
          <aside className="sticky top-0 flex h-screen flex-col">
            <Link
              href="/dashboard"
              className="flex items-center gap-2.5 px-5 py-5 focus-visible:ring-2 focus-visible:ring-indigo-400 focus-visible:outline-none focus-visible:ring-inset"
            >
              <Logo />
              <span className="leading-tight">
                <span className="block text-sm font-semibold text-white">Marketing</span>
                <span className="block text-xs text-slate-400">Portfolio</span>
              </span>
            </Link>
            <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
              <NavLinks variant="sidebar" allowed={allowed} />
            </nav>
            <p className="px-5 py-4 text-xs text-slate-500">Agile marketing teams</p>
          </aside>
        </div>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
            <div className="flex h-14 items-center gap-3 px-6 lg:px-8">
              <Link href="/dashboard" className="md:hidden" aria-label="Marketing Portfolio home">
                <Logo className="size-7" />
              </Link>
              <SectionTitle />
              {principal ? (
                <div className="ml-auto flex items-center gap-3">
                  <InboxLink unread={unread} />
                  <UserMenu name={principal.name} role={principal.orgRole} />
                </div>
              ) : null}
            </div>
            <nav aria-label="Main" className="border-t border-slate-100 px-4 py-2 md:hidden">
              <NavLinks variant="bar" allowed={allowed} />
            </nav>
          </header>
          <main id="main" tabIndex={-1} className="flex-1 px-6 py-6 focus:outline-none lg:px-8">
            <div className="mx-auto max-w-7xl">{children}</div>
          </main>
        </div>
      </div>
    </>
  );
}
