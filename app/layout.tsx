import type { Metadata } from "next";
import { cookies } from "next/headers";
import { THEME_COOKIE, parseTheme, themeClass } from "@/components/ui/theme";
import { Toaster } from "@/components/ui/toast";
import { TooltipProvider } from "@/components/ui/tooltip";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marketing Portfolio", template: "%s · Marketing Portfolio" },
  description: "Portfolio of agile marketing teams",
  icons: { icon: { url: "/logo.svg", type: "image/svg+xml" } },
};

/**
 * The document only: the app shell (sidebar, top bar) lives in app/(app)/layout.tsx so sign-in stands alone.
 * The theme class comes from the `theme` cookie, so the page paints in the chosen theme with no script.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme) || undefined} data-theme-choice={theme}>
      <body className="bg-background font-sans text-foreground antialiased">
        <TooltipProvider>{children}</TooltipProvider>
        <Toaster />
      </body>
    </html>
  );
}
