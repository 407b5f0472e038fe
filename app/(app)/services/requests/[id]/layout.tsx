import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePrincipal } from "@/lib/auth/principal";
import { parseIdParam } from "@/lib/routing/id-param";
import { serviceRequestExists } from "@/lib/services/queries";

/* The id is checked above this segment's loading.tsx so an unknown request answers 404, not a streamed 200. */
export default async function RequestLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requirePrincipal();
  const id = parseIdParam((await params).id);
  if (id === null || !(await serviceRequestExists(id))) notFound();
  return children;
}
