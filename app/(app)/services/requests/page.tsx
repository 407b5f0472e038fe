import { notFound, redirect } from "next/navigation";
import { requirePrincipal } from "@/lib/auth/principal";
import { findRequestIdByKey } from "@/lib/services/queries";

/** `/services/requests?key=REQ-12` (links in older notifications) → the request's page; otherwise the services page. */
export default async function RequestsByKey({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePrincipal();
  const key = (await searchParams).key;
  if (typeof key !== "string") redirect("/services");
  const id = await findRequestIdByKey(key);
  if (id === null) notFound();
  redirect(`/services/requests/${id}`);
}
