"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { enumLabel } from "@/lib/format/enum-label";
import type { OrgRole } from "@/lib/generated/prisma/enums";

/** Who is signed in, and the way out. */
export function UserMenu({ name, role }: { name: string; role: OrgRole }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3 pl-1.5">
      <span className="hidden text-right leading-tight sm:block">
        <span className="block text-sm font-medium text-foreground">{name}</span>
        <span className="block text-xs text-muted-foreground">{enumLabel(role)}</span>
      </span>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/sign-in" });
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </Button>
    </div>
  );
}
