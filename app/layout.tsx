import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marketing Portfolio", template: "%s · Marketing Portfolio" },
  description: "Portfolio of agile marketing teams",
  icons: { icon: { url: "/logo.svg", type: "image/svg+xml" } },
};

/** The document only: the app shell (sidebar, top bar) lives in app/(app)/layout.tsx so sign-in stands alone. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
