import { vi } from "vitest";

/**
 * Acting as a user in integration tests: the session cookie is the one thing replaced (the user, their
 * role and memberships are still read from the database on every call, as in production).
 * Use with: vi.mock("@/lib/auth/session", () => sessionModule) and vi.mock("next/cache", () => cacheModule).
 */
export const actingAs = { userId: null as number | null };

export const sessionModule = { getSessionUserId: vi.fn(async () => actingAs.userId) };
export const cacheModule = { revalidatePath: vi.fn(), revalidateTag: vi.fn() };

export function signInAs(userId: number | null): void {
  actingAs.userId = userId;
}
