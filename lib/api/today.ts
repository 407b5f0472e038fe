import "server-only";
import { now as clockNow } from "@/lib/clock";
import { getOrganizationZone } from "@/lib/jobs/queries";
import { localDay } from "@/lib/calendar/business-time";

/** Today in the organisation's zone (`YYYY-MM-DD`), for period presets. */
export async function orgToday(): Promise<string> {
  return localDay(await getOrganizationZone(), clockNow());
}
