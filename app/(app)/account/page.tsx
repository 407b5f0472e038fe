import type { Metadata } from "next";
import { connection } from "next/server";
import { ApiTokens, type TokenView } from "@/components/account/api-tokens";
import { NotificationPreferences } from "@/components/account/notification-preferences";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/api/queries";
import { requirePrincipal } from "@/lib/auth/principal";
import { now as clockNow } from "@/lib/clock";
import { formatDateTime } from "@/lib/format/dates";
import { getPreferences } from "@/lib/mail/queries";
import { getOrganizationTimeZone } from "@/lib/organization/queries";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in user's own account: e-mail choices and API tokens. */
export default async function AccountPage() {
  await connection();
  const principal = await requirePrincipal();
  const [tokens, prefs, timeZone] = await Promise.all([
    listApiTokens(principal.userId),
    principal.personId ? getPreferences(principal.personId) : Promise.resolve(null),
    getOrganizationTimeZone(),
  ]);
  const now = clockNow();
  const views: TokenView[] = tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    expires: formatDateTime(t.expiresAt.toISOString(), timeZone),
    lastUsed: t.lastUsedAt ? formatDateTime(t.lastUsedAt.toISOString(), timeZone) : "never",
    state: t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active",
  }));
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${principal.name}.`} />
      <div className="grid gap-6">
        <Card title="E-mail" description="Notices always land in your inbox here. Choose which also come by e-mail, right away or gathered in a digest.">
          {prefs && principal.personId ? (
            <NotificationPreferences personId={principal.personId} rows={prefs} />
          ) : (
            <p className="text-sm text-slate-500">Your login is not linked to a person, so you get no notices.</p>
          )}
        </Card>
        <Card title="API tokens" description="Personal access tokens for the REST API (BI tools, spreadsheets, automations). A token acts as you, with your permissions.">
          {principal.personId ? (
            <ApiTokens userId={principal.userId} tokens={views} />
          ) : (
            <p className="text-sm text-slate-500">Tokens need a login linked to a person; ask an administrator.</p>
          )}
        </Card>
      </div>
    </>
  );
}
