import "server-only";
import { getDb } from "@/lib/db/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import type { Principal } from "./permissions";
import { SIGN_IN_WINDOW_MINUTES } from "./rate-limit";

export async function findUserForSignIn(email: string) {
  return getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, passwordHash: true, active: true, person: { select: { name: true } } },
  });
}

/** Failed attempts for a key within the window and since its last success. */
export async function countRecentFailures(key: string): Promise<number> {
  const rows = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM sign_in_attempt
     WHERE key = ${key} AND NOT succeeded
       AND at > greatest(now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES}::int),
                         coalesce((SELECT max(at) FROM sign_in_attempt WHERE key = ${key} AND succeeded), '-infinity'))`;
  return rows[0]?.n ?? 0;
}

export interface SignedInUser extends Principal {
  email: string;
  name: string;
}

/**
 * The caller as the database knows them now: org role, person, team roles. Null for an unknown or
 * deactivated user, so a deactivated user loses access on the very next request even with a live session.
 */
export async function loadPrincipal(userId: number): Promise<SignedInUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      orgRole: true,
      active: true,
      personId: true,
      person: { select: { name: true, memberships: { select: { teamId: true, role: true } } } },
    },
  });
  if (!user || !user.active) return null;
  const teamRoles = new Map<number, MemberRole>((user.person?.memberships ?? []).map((m) => [m.teamId, m.role]));
  return {
    userId: user.id,
    email: user.email,
    name: user.person?.name ?? user.email,
    orgRole: user.orgRole,
    personId: user.personId,
    teamRoles,
  };
}
