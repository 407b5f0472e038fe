/**
 * The dashboard's alerts (DOMAIN.md, "Signals nobody has to ask for"): their kinds, in the order the panel shows
 * them, with a label and where each is fixed. Pure; found by ./queries.ts.
 */

/** An item in progress with no status change for this many working days is stalled. */
export const STALL_WORKING_DAYS = 5;

export const ALERT_KINDS = [
  "OVERDUE_DEPENDENCY",
  "SLA_BREACHED",
  "WIP_OVER_LIMIT",
  "DOUBLE_BOOKED",
  "SLA_AT_RISK",
  "CAMPAIGN_COLLISION",
  "SPRINT_OVER_CAPACITY",
  "PLANNING_RISK",
  "STALLED_ITEM",
  "INCOMPLETE_POD",
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  kind: AlertKind;
  severity: "critical" | "warning";
  title: string;
  detail: string;
  /** The page where it is fixed. */
  href: string;
}

export const ALERT_LABELS: Readonly<Record<AlertKind, { label: string; fix: string }>> = {
  OVERDUE_DEPENDENCY: { label: "Overdue dependencies", fix: "Agree a new date or resolve it on the dependency" },
  SLA_BREACHED: { label: "SLAs breached", fix: "Deliver or escalate the request" },
  WIP_OVER_LIMIT: { label: "WIP over limit", fix: "Finish work on the team's board before starting more" },
  DOUBLE_BOOKED: { label: "Double-booked people", fix: "Keep one delivery pod per person" },
  SLA_AT_RISK: { label: "SLAs at risk", fix: "Pick the request up before it breaches" },
  CAMPAIGN_COLLISION: { label: "Campaign collisions", fix: "Move a launch window or split the audience" },
  SPRINT_OVER_CAPACITY: { label: "Sprints over capacity", fix: "Take scope out of the sprint plan" },
  PLANNING_RISK: { label: "Interval risks to sort or act on", fix: "ROAM it on the program board: resolve, own, accept or mitigate" },
  STALLED_ITEM: { label: `Stalled items (no change in ${STALL_WORKING_DAYS} working days)`, fix: "Unblock, move on or split the item" },
  INCOMPLETE_POD: { label: "Incomplete pods", fix: "Add the missing roles to the pod" },
};

/** Alerts grouped by kind in panel order (kinds without alerts left out). */
export function groupAlerts(alerts: readonly Alert[]): { kind: AlertKind; alerts: Alert[] }[] {
  return ALERT_KINDS.map((kind) => ({ kind, alerts: alerts.filter((a) => a.kind === kind) })).filter((g) => g.alerts.length > 0);
}
