"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { can } from "@/lib/auth/permissions";
import { forgetMapping, importBacklog, loadImportTeam } from "./mutations";
import { ForgetMappingSchema, ImportBacklogSchema } from "./schema";

const revalidateTeam = (teamId: number) => [`/teams/${teamId}/backlog`, `/backlogs/${teamId}`, "/portfolio"];

/**
 * Imports a Jira CSV into a team's backlog through the user's mapping: `preview` lists what every row would do and
 * why a row cannot be imported; `commit` applies all of it, or every valid row (`skipInvalid`), in one transaction,
 * and saves the mapping for the team. Allowed: the team's product owner or a leader (work enters through the
 * backlog owner); creating or changing themes and epics needs a leader. The upload route
 * (app/api/teams/[id]/import) streams files of any allowed size into this action.
 */
export const importBacklogAction = guardedAction({
  name: "import.backlog",
  schema: ImportBacklogSchema,
  load: (tx, input) => loadImportTeam(tx, input.teamId),
  authorize: (team) => ({ action: "backlog.create", scope: { teamId: team.id } }),
  run: (tx, team, input, principal) => importBacklog(tx, team, input, can(principal, "portfolio.edit"), principal.userId),
  revalidate: (data, input) => (data.committed ? revalidateTeam(input.teamId) : []),
  notFound: "That team no longer exists.",
  // All of a file (up to 10,000 rows) is one transaction: about 8 s for 5,000 rows here, more on a busy machine.
  transactionTimeoutMs: 120_000,
});

/** Forgets the team's saved import mapping. Same people as importing. */
export const forgetImportMappingAction = guardedAction({
  name: "import.mapping.forget",
  schema: ForgetMappingSchema,
  load: (tx, input) => loadImportTeam(tx, input.teamId),
  authorize: (team) => ({ action: "backlog.create", scope: { teamId: team.id } }),
  run: (tx, team) => forgetMapping(tx, team),
  revalidate: (_data, input) => [`/teams/${input.teamId}/backlog/import`],
  notFound: "That team no longer exists.",
});
