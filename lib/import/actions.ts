"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { can } from "@/lib/auth/permissions";
import { importBacklog, loadImportTeam } from "./mutations";
import { ImportBacklogSchema } from "./schema";

/**
 * Imports a Jira-style CSV into a team's backlog: `preview` lists every row it would create or update and every
 * bad row with its line and reason; `commit` applies all of it or nothing. Allowed: the team's product owner or
 * a leader (items enter through the backlog owner); rows that create or change themes and epics need a leader.
 */
export const importBacklogAction = guardedAction({
  name: "import.backlog",
  schema: ImportBacklogSchema,
  load: (tx, input) => loadImportTeam(tx, input.teamId),
  authorize: (team) => ({ action: "backlog.create", scope: { teamId: team.id } }),
  run: (tx, team, input, principal) => importBacklog(tx, team, input, can(principal, "portfolio.edit"), principal.userId),
  revalidate: (data, input) => (data.committed ? [`/teams/${input.teamId}/backlog`, `/backlogs/${input.teamId}`, "/portfolio"] : []),
  notFound: "That team no longer exists.",
});
