"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { now as clockNow } from "@/lib/clock";
import { createApiToken, loadApiToken, loadTokenOwner, revokeApiToken } from "./mutations";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "./schema";

/** Creates a personal access token on the caller's own account; the token is in the result, once. */
export const createApiTokenAction = guardedAction({
  name: "api.createToken",
  schema: CreateApiTokenSchema,
  load: (tx, input) => loadTokenOwner(tx, input.userId),
  authorize: (owner) => ({ action: "account.self", scope: { ownerPersonId: owner.personId } }),
  run: (tx, owner, input) => createApiToken(tx, owner, input, clockNow()),
  revalidate: () => ["/account"],
  notFound: "That account no longer exists.",
});

/** Revokes one of the caller's own tokens at once (the next API call with it is refused). */
export const revokeApiTokenAction = guardedAction({
  name: "api.revokeToken",
  schema: RevokeApiTokenSchema,
  load: (tx, input) => loadApiToken(tx, input.tokenId),
  authorize: (token) => ({ action: "account.self", scope: { ownerPersonId: token.user.personId } }),
  run: (tx, token) => revokeApiToken(tx, token, clockNow()),
  revalidate: () => ["/account"],
  notFound: "That token no longer exists.",
});
