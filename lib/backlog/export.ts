/**
 * A team backlog view as CSV that Jira takes back and that imports here unchanged. Jira's columns first — Issue
 * id, Issue key, Summary, Issue Type, Status, Parent id and Parent key (so Jira rebuilds the hierarchy: features
 * go as Epics, tasks under a story as Sub-tasks, and an item that came from Jira keeps its Jira type), Description
 * in Jira's wiki markup written to show our text exactly, Story Points, Sprint, Assignee (email), one Labels
 * column per label, Created and Resolved in Jira's date format — then grooming's own (rank, Definition of Ready,
 * acceptance criteria, brief link). Pure.
 */
import { writeCsv, type CsvValue } from "@/lib/csv/write";
import { formatJiraDate } from "@/lib/import/dates";
import { JIRA_HEADERS, statusName, typeName } from "@/lib/import/jira";
import type { ExportExtra } from "@/lib/import/queries";
import { textToWiki } from "@/lib/import/wiki";
import { describeMissing, missingForReady } from "./readiness";
import type { GroomingItem } from "./queries";

export function teamBacklogCsv(
  items: readonly GroomingItem[],
  team: { requiresBriefLink: boolean },
  extras: ReadonlyMap<number, ExportExtra> = new Map(),
  timeZone = "Europe/London",
): string {
  const labelColumns = Math.max(1, ...items.map((i) => i.labels.length));
  const header = [
    JIRA_HEADERS.issueId, JIRA_HEADERS.key, JIRA_HEADERS.summary, JIRA_HEADERS.type, JIRA_HEADERS.status,
    JIRA_HEADERS.parentId, JIRA_HEADERS.parentKey, JIRA_HEADERS.description, JIRA_HEADERS.points, JIRA_HEADERS.sprint,
    JIRA_HEADERS.assignee, ...Array.from({ length: labelColumns }, () => JIRA_HEADERS.labels), JIRA_HEADERS.created, JIRA_HEADERS.resolved,
    "Rank", "Ready", "Missing for ready", "Acceptance criteria", "Brief link",
  ];
  const rows = items.map((i): CsvValue[] => {
    const extra = extras.get(i.id);
    const missing = i.level === "STORY" ? missingForReady(i, team) : [];
    const type = extra?.jiraType || (i.level === "FEATURE" ? "Epic" : typeName(i.level, i.isTask, extra?.parentLevel ?? null));
    return [
      i.id,
      i.key,
      i.title,
      type,
      statusName(i.status),
      i.parentId ?? "",
      i.parentKey ?? "",
      textToWiki(i.description),
      i.estimate,
      i.sprintNumber === null ? "" : `Sprint ${i.sprintNumber}`,
      extra?.ownerEmail ?? i.owner ?? "",
      ...Array.from({ length: labelColumns }, (_, n) => i.labels[n] ?? ""),
      extra ? formatJiraDate(extra.createdAt, timeZone) : "",
      extra?.resolvedAt ? formatJiraDate(extra.resolvedAt, timeZone) : "",
      i.position,
      i.level === "STORY" ? (missing.length ? "No" : "Yes") : "",
      describeMissing(missing),
      i.acceptanceCriteria,
      i.briefUrl ?? "",
    ];
  });
  return writeCsv([header, ...rows]);
}
