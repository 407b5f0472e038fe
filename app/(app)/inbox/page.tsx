import type { Metadata } from "next";
import { connection } from "next/server";
import { InboxList } from "@/components/notifications/inbox-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { runNotificationSweep } from "@/lib/notifications/mutations";
import { listNotifications } from "@/lib/notifications/queries";
import { getBusinessClock } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await connection();
  const principal = await requirePrincipal();
  const { cal, now } = await getBusinessClock();
  // Overdue dependencies and at-risk or breached requests are noticed here (see runNotificationSweep).
  await runNotificationSweep(now);
  const notifications = principal.personId === null ? [] : await listNotifications(principal.personId);
  return (
    <>
      <PageHeader
        title="Inbox"
        description="Dependencies logged against your team or changed, overdue dependencies you own, requests assigned to you, at risk or breached."
      />
      {notifications.length === 0 ? (
        <EmptyState title="Nothing here yet" description="When another team needs something from yours, or a request you handle needs attention, it shows up here." />
      ) : (
        <InboxList notifications={notifications} timeZone={cal.timeZone} canMarkRead={can(principal, "notification.read", { ownerPersonId: principal.personId })} />
      )}
    </>
  );
}
