import type { Metadata } from "next";
import { connection } from "next/server";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { UsersAdmin } from "@/components/admin/users-admin";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { listPersonOptions, listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  await connection();
  const principal = await requirePrincipal();
  // The page only decides what to show; every action checks the caller again.
  if (!can(principal, "users.admin")) {
    return (
      <RestrictedPanel
        title="Only administrators can manage users"
        description="Ask an administrator if someone needs a login, a different role, or their access removed."
      />
    );
  }
  const [users, people, timeZone] = await Promise.all([listUsers(), listPersonOptions(), getOrganizationTimeZone()]);
  return (
    <>
      <PageHeader
        title="Users"
        description={`Who can sign in, as whom, and with which org role. Team roles come from the linked person’s memberships. Times in ${timeZone}.`}
      />
      <UsersAdmin users={users} people={people} currentUserId={principal.userId} timeZone={timeZone} />
    </>
  );
}
