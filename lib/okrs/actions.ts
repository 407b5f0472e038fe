"use server";

import { guardedAction } from "@/lib/actions/guarded";
import {
  createKeyResult,
  createObjective,
  loadKeyResult,
  loadObjective,
  setEpicLink,
  updateKeyResult,
  updateObjective,
} from "./mutations";
import { CreateKeyResultSchema, CreateObjectiveSchema, EpicLinkSchema, UpdateKeyResultSchema, UpdateObjectiveSchema } from "./schema";

const OKR_PATHS = ["/okrs", "/dashboard"];

/** Creates an objective at any level of the cascade. Allowed: leaders ("okr.edit"). */
export const createObjectiveAction = guardedAction({
  name: "okrs.createObjective",
  schema: CreateObjectiveSchema,
  load: async () => ({}),
  authorize: () => ({ action: "okr.edit" }),
  run: (tx, _target, input) => createObjective(tx, input),
  revalidate: () => OKR_PATHS,
  redirectTo: (data) => `/okrs/${data.id}`,
});

/** Edits an objective (with its version). Allowed: leaders. */
export const updateObjectiveAction = guardedAction({
  name: "okrs.updateObjective",
  schema: UpdateObjectiveSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "okr.edit", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => updateObjective(tx, objective, input),
  revalidate: (_d, input) => [...OKR_PATHS, `/okrs/${input.objectiveId}`],
  notFound: "That objective no longer exists.",
});

/** Adds a key result to an objective. Allowed: leaders. */
export const createKeyResultAction = guardedAction({
  name: "okrs.createKeyResult",
  schema: CreateKeyResultSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "okr.edit", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => createKeyResult(tx, objective, input),
  revalidate: (_d, input) => [...OKR_PATHS, `/okrs/${input.objectiveId}`],
  notFound: "That objective no longer exists.",
});

/** Edits a key result, its current value included (with its version). Allowed: leaders. */
export const updateKeyResultAction = guardedAction({
  name: "okrs.updateKeyResult",
  schema: UpdateKeyResultSchema,
  load: (tx, input) => loadKeyResult(tx, input.keyResultId),
  authorize: (kr) => ({ action: "okr.edit", scope: { teamId: kr.objective.teamId } }),
  run: (tx, kr, input) => updateKeyResult(tx, kr, input),
  revalidate: () => [...OKR_PATHS, "/kpis"],
  notFound: "That key result no longer exists.",
});

/** Links an epic to an objective (traceability). Allowed: leaders. */
export const linkEpicAction = guardedAction({
  name: "okrs.linkEpic",
  schema: EpicLinkSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "okr.edit", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => setEpicLink(tx, objective, input, true),
  revalidate: (_d, input) => [...OKR_PATHS, `/okrs/${input.objectiveId}`],
  notFound: "That objective no longer exists.",
});

/** Unlinks an epic from an objective. Allowed: leaders. */
export const unlinkEpicAction = guardedAction({
  name: "okrs.unlinkEpic",
  schema: EpicLinkSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "okr.edit", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => setEpicLink(tx, objective, input, false),
  revalidate: (_d, input) => [...OKR_PATHS, `/okrs/${input.objectiveId}`],
  notFound: "That objective no longer exists.",
});
