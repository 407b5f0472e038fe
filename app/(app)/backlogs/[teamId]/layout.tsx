import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePrincipal } from "@/lib/auth/principal";
import { parseIdParam } from "@/lib/routing/id-param";
import { teamExists } from "@/lib/teams/queries";

/*
 * The id is checked here, above this segment's loading.tsx: once a loading skeleton has streamed, the
 * status is fixed at 200, so an unknown or malformed id must be refused before that to answer 404.
 */
export default async function TeamBacklogLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ teamId: string }>;
}) {
  await requirePrincipal();
  const { teamId } = await params;
  const id = parseIdParam(teamId);
  if (id === null || !(await teamExists(id))) notFound();
  return children;
}
