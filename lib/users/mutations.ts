import "server-only";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { expectVersion } from "@/lib/actions/guarded";
import { commonPasswordReason } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db/transaction";
import type { OrgRole } from "@/lib/generated/prisma/enums";

const userAudit = { id: true, email: true, orgRole: true, personId: true, active: true, version: true } as const;

export function loadUser(tx: Tx, userId: number) {
  return tx.user.findUnique({ where: { id: userId }, select: userAudit });
}
type UserRow = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

/** A person can be linked to one login at most; refuses with a field message otherwise. */
async function checkPersonFree(tx: Tx, personId: number | null, exceptUserId?: number): Promise<void> {
  if (personId === null) return;
  const person = await tx.person.findUnique({ where: { id: personId }, select: { name: true, user: { select: { id: true, email: true } } } });
  if (!person) throw refuse("INVALID", "That person does not exist.", { fieldErrors: { personId: "Choose a person from the list" } });
  if (person.user && person.user.id !== exceptUserId) {
    throw refuse("INVALID", `${person.name} already signs in as ${person.user.email}.`, {
      fieldErrors: { personId: `${person.name} is already linked to ${person.user.email}` },
    });
  }
}

export async function createUser(
  tx: Tx,
  input: { email: string; password: string; orgRole: OrgRole; personId: number | null },
): Promise<{ data: { userId: number }; audit: AuditEntry[] }> {
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw refuse("INVALID", "A user with this email already exists.", { fieldErrors: { email: "A user with this email already exists" } });
  }
  const weak = commonPasswordReason(input.password, input.email);
  if (weak) throw refuse("INVALID", weak, { fieldErrors: { password: weak } });
  await checkPersonFree(tx, input.personId);
  const user = await tx.user.create({
    data: { email: input.email, passwordHash: await hashPassword(input.password), orgRole: input.orgRole, personId: input.personId },
    select: userAudit,
  });
  return { data: { userId: user.id }, audit: [{ action: "user.create", entityType: "User", entityId: user.id, after: user }] };
}

export async function updateUser(
  tx: Tx,
  user: UserRow,
  input: { version: number; orgRole: OrgRole; personId: number | null },
  actorUserId: number,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  if (user.id === actorUserId && input.orgRole !== "ADMIN") {
    throw refuse("INVALID", "You cannot remove your own admin role; ask another admin.", { fieldErrors: { orgRole: "You cannot demote yourself" } });
  }
  await checkPersonFree(tx, input.personId, user.id);
  await expectVersion(
    tx,
    { type: "User", id: user.id, label: `The user ${user.email}` },
    () => tx.user.updateMany({ where: { id: user.id, version: input.version }, data: { orgRole: input.orgRole, personId: input.personId, version: { increment: 1 } } }),
    async () => (await loadUser(tx, user.id))?.version ?? null,
  );
  const after = await loadUser(tx, user.id);
  return { data: { version: after!.version }, audit: [{ action: "user.update", entityType: "User", entityId: user.id, before: user, after }] };
}

export async function setUserActive(
  tx: Tx,
  user: UserRow,
  input: { version: number; active: boolean },
  actorUserId: number,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  if (user.id === actorUserId && !input.active) {
    throw refuse("INVALID", "You cannot deactivate yourself; ask another admin.");
  }
  await expectVersion(
    tx,
    { type: "User", id: user.id, label: `The user ${user.email}` },
    () => tx.user.updateMany({ where: { id: user.id, version: input.version }, data: { active: input.active, version: { increment: 1 } } }),
    async () => (await loadUser(tx, user.id))?.version ?? null,
  );
  const after = await loadUser(tx, user.id);
  return {
    data: { version: after!.version },
    audit: [{ action: input.active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: user.id, before: user, after }],
  };
}
