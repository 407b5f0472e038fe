/**
 * A team backlog view as CSV: Jira's columns first (the file imports back unchanged), then grooming's own (rank,
 * Definition of Ready, acceptance criteria, brief link). Pure.
 */
import { writeCsv } from "@/lib/csv/write";
import { JIRA_HEADERS, statusName, typeName } from "@/lib/import/jira";
import { describeMissing, missingForReady } from "./readiness";
import type { GroomingItem } from "./queries";

export function teamBacklogCsv(items: readonly GroomingItem[], team: { requiresBriefLink: boolean }): string {
  const header = [
    JIRA_HEADERS.key, JIRA_HEADERS.summary, JIRA_HEADERS.type, JIRA_HEADERS.status, JIRA_HEADERS.parent, JIRA_HEADERS.points,
    JIRA_HEADERS.sprint, JIRA_HEADERS.assignee, JIRA_HEADERS.labels,
    "Rank", "Ready", "Missing for ready", "Acceptance criteria", "Brief link",
  ];
  const rows = items.map((i) => {
    const missing = i.level === "STORY" ? missingForReady(i, team) : [];
    return [
      i.key,
      i.title,
      typeName(i.level, i.isTask),
      statusName(i.status),
      i.parentKey ?? "",
      i.estimate,
      i.sprintNumber === null ? "" : `Sprint ${i.sprintNumber}`,
      i.owner ?? "",
      i.labels.join(" "),
      i.position,
      i.level === "STORY" ? (missing.length ? "No" : "Yes") : "",
      describeMissing(missing),
      i.acceptanceCriteria,
      i.briefUrl ?? "",
    ];
  });
  return writeCsv([header, ...rows]);
}
