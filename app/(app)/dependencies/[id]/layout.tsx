import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePrincipal } from "@/lib/auth/principal";
import { dependencyExists } from "@/lib/dependencies/queries";
import { parseIdParam } from "@/lib/routing/id-param";

/*
 * The id is checked here, above this segment's loading.tsx: once a loading skeleton has streamed, the
 * status is fixed at 200, so an unknown or malformed id must be refused before that to answer 404.
 */
export default async function DependencyLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requirePrincipal();
  const id = parseIdParam((await params).id);
  if (id === null || !(await dependencyExists(id))) notFound();
  return children;
}
