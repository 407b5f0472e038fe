/**
 * How a dependency moves (pure). The providing side answers an OPEN dependency (accept, reject with a reason,
 * or propose another date); after that either side moves it on:
 *
 *   OPEN ──accept──▶ ACCEPTED ──▶ IN_PROGRESS ──▶ RESOLVED
 *     │                 │  ▲            │  ▲
 *     │                 ▼  │            ▼  │
 *     │               BLOCKED ◀─────────┘  │
 *     └──reject / cancel──▶ CANCELLED      └─ reopen from RESOLVED
 */
import type { DependencyStatus, DependencyType } from "@/lib/generated/prisma/enums";

export const DEPENDENCY_STATUSES = ["OPEN", "ACCEPTED", "IN_PROGRESS", "BLOCKED", "RESOLVED", "CANCELLED"] as const satisfies readonly DependencyStatus[];

export const DEPENDENCY_TYPES = [
  "SHARED_RESOURCE",
  "CAMPAIGN_COLLISION",
  "AUDIENCE_OVERLAP",
  "LAUNCH_CONFLICT",
  "DATA_NEED",
  "TECHNOLOGY",
] as const satisfies readonly DependencyType[];

/** Status changes either side may make (accepting an OPEN one is the providing side's answer, not a change). */
export const STATUS_CHANGES: Readonly<Record<DependencyStatus, readonly DependencyStatus[]>> = {
  OPEN: ["CANCELLED"],
  ACCEPTED: ["IN_PROGRESS", "BLOCKED", "RESOLVED", "CANCELLED"],
  IN_PROGRESS: ["BLOCKED", "RESOLVED", "CANCELLED"],
  BLOCKED: ["IN_PROGRESS", "RESOLVED", "CANCELLED"],
  RESOLVED: ["IN_PROGRESS"],
  CANCELLED: ["OPEN"],
};

export function canChangeStatus(from: DependencyStatus, to: DependencyStatus): boolean {
  return STATUS_CHANGES[from].includes(to);
}

export function isUnresolved(status: DependencyStatus): boolean {
  return status !== "RESOLVED" && status !== "CANCELLED";
}

/** What the buttons say for each target status. */
export const STATUS_CHANGE_LABEL: Readonly<Record<DependencyStatus, string>> = {
  OPEN: "Reopen",
  ACCEPTED: "Accept",
  IN_PROGRESS: "Start work",
  BLOCKED: "Mark blocked",
  RESOLVED: "Mark resolved",
  CANCELLED: "Cancel",
};

/**
 * Risk of a dependency, as computed in SQL by lib/dependencies/sql-fragments.ts (`dependencyRiskSql`):
 * OVERDUE — unresolved and its needed-by date is before today (organisation's zone; rule 6);
 * AT_RISK — unresolved, not overdue, and BLOCKED, or still OPEN (unanswered) within AT_RISK_DAYS of its date,
 *           or a later date has been proposed;
 * ON_TRACK — other unresolved ones; DONE — resolved or cancelled.
 */
export type DependencyRisk = "OVERDUE" | "AT_RISK" | "ON_TRACK" | "DONE";

/** Calendar days before the needed-by date from which an unanswered dependency counts as at risk. */
export const AT_RISK_DAYS = 5;
