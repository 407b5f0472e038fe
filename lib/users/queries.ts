import "server-only";
import { getDb } from "@/lib/db/client";
import type { OrgRole } from "@/lib/generated/prisma/enums";

export interface UserRow {
  id: number;
  email: string;
  orgRole: OrgRole;
  active: boolean;
  version: number;
  personId: number | null;
  personName: string | null;
  lastSignInAt: string | null;
}

/** Every login with its linked person, for the admin page. */
export async function listUsers(): Promise<UserRow[]> {
  const users = await getDb().user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: { id: true, email: true, orgRole: true, active: true, version: true, personId: true, lastSignInAt: true, person: { select: { name: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    orgRole: u.orgRole,
    active: u.active,
    version: u.version,
    personId: u.personId,
    personName: u.person?.name ?? null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  }));
}

export interface PersonOption {
  id: number;
  name: string;
  email: string;
  linkedUserId: number | null;
}

/** People a login can be linked to (with the login already linked, if any). */
export async function listPersonOptions(): Promise<PersonOption[]> {
  const people = await getDb().person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true, user: { select: { id: true } } } });
  return people.map((p) => ({ id: p.id, name: p.name, email: p.email, linkedUserId: p.user?.id ?? null }));
}
