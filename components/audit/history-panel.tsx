import { Card } from "@/components/ui/card";
import { getEntityHistory } from "@/lib/audit/queries";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { AuditEventList } from "./audit-event-list";
import { loadAuditLabels } from "./load-audit-labels";

const LIMIT = 20;

/**
 * A record's change history (server component): who changed what and when, newest first. Every signed-in
 * user may read it, like the record itself.
 */
export async function HistoryPanel({
  entityType,
  entityId,
  description = "Changes made in the app, newest first",
}: {
  entityType: string;
  entityId: number;
  description?: string;
}) {
  const [events, timeZone] = await Promise.all([getEntityHistory(entityType, entityId, LIMIT), getOrganizationTimeZone()]);
  const labels = await loadAuditLabels(events);
  const nowMs = readClock();
  return (
    <Card title="History" description={description}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">No changes recorded yet.</p>
      ) : (
        <>
          <AuditEventList events={events} labels={labels} timeZone={timeZone} nowMs={nowMs} showEntity={false} showTeam={false} />
          {events.length === LIMIT ? <p className="mt-3 text-xs text-slate-500">Showing the latest {LIMIT} changes.</p> : null}
        </>
      )}
    </Card>
  );
}

/**
 * The request's "now" for relative times. A server component renders once per request, so reading the clock
 * is safe here (the purity lint rule guards client re-renders, where it would not be).
 */
function readClock(): number {
  return Date.now();
}
