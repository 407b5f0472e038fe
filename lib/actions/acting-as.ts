import { AsyncLocalStorage } from "node:async_hooks";
import type { SignedInUser } from "@/lib/auth/queries";

/**
 * Who a guarded action acts for when the caller is not a browser session: the REST API authenticates a personal
 * access token, loads its user as a principal (the same loadPrincipal as a session), and runs the very same
 * server action inside `actAs`. Everything after authentication — validation, loading the row, the permission
 * matrix, the write, the audit event — is the one guarded path (lib/actions/guarded.ts), not a copy of it.
 */
const store = new AsyncLocalStorage<SignedInUser>();

export function actAs<T>(principal: SignedInUser, fn: () => Promise<T>): Promise<T> {
  return store.run(principal, fn);
}

/** The principal `actAs` set for this call, if any. */
export function actingPrincipal(): SignedInUser | undefined {
  return store.getStore();
}
