"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { enumLabel } from "@/lib/format/enum-label";
import type { OrgRole } from "@/lib/generated/prisma/enums";

/** Who is signed in, and the way out. */
export function UserMenu({ name, role }: { name: string; role: OrgRole }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="ml-auto flex items-center gap-3">
      <span className="hidden text-right leading-tight sm:block">
        <span className="block text-sm font-medium text-slate-900">{name}</span>
        <span className="block text-xs text-slate-500">{enumLabel(role)}</span>
      </span>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/sign-in" });
        }}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-60"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
