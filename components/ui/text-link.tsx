import Link from "next/link";
import type { ReactNode } from "react";

/** An in-app link styled for use inside text and table cells. */
export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="rounded font-medium text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
    >
      {children}
    </Link>
  );
}
