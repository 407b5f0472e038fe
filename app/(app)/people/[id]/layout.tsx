import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePrincipal } from "@/lib/auth/principal";
import { personExists } from "@/lib/people/queries";
import { parseIdParam } from "@/lib/routing/id-param";

/* The id is checked above this segment's loading.tsx, so an unknown id answers 404 (see teams/[id]/layout.tsx). */
export default async function PersonLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requirePrincipal();
  const personId = parseIdParam((await params).id);
  if (personId === null || !(await personExists(personId))) notFound();
  return children;
}
