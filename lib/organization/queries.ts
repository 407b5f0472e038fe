import "server-only";
import { getDb } from "@/lib/db/client";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";

/** The IANA time zone instants are shown in (the organisation's, or the schema default). */
export async function getOrganizationTimeZone(): Promise<string> {
  const org = await getDb().organization.findFirst({ orderBy: { id: "asc" }, select: { timezone: true } });
  return org?.timezone ?? DEFAULT_TIME_ZONE;
}
