/**
 * Definition of Ready (DOMAIN rule 5): a story enters a sprint only with an owner, acceptance criteria and an
 * estimate, and a brief link where the team requires one. Pure: the checklist, the gate and the UI all read it.
 */

export type ReadinessField = "owner" | "acceptanceCriteria" | "estimate" | "briefLink";

export interface ReadinessInput {
  ownerPersonId: number | null;
  acceptanceCriteria: string;
  estimate: number | null;
  briefUrl: string | null;
}

export interface ReadinessCheck {
  field: ReadinessField;
  label: string;
  met: boolean;
}

export const READINESS_LABELS: Readonly<Record<ReadinessField, string>> = {
  owner: "an owner",
  acceptanceCriteria: "acceptance criteria",
  estimate: "an estimate",
  briefLink: "a brief link",
};

/** Every check that applies to the story (the brief link only when the team requires it), met or not. */
export function readinessChecklist(item: ReadinessInput, team: { requiresBriefLink: boolean }): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [
    { field: "owner", label: READINESS_LABELS.owner, met: item.ownerPersonId !== null },
    { field: "acceptanceCriteria", label: READINESS_LABELS.acceptanceCriteria, met: item.acceptanceCriteria.trim() !== "" },
    { field: "estimate", label: READINESS_LABELS.estimate, met: item.estimate !== null },
  ];
  if (team.requiresBriefLink) {
    checks.push({ field: "briefLink", label: READINESS_LABELS.briefLink, met: (item.briefUrl ?? "").trim() !== "" });
  }
  return checks;
}

/** The fields still missing, in checklist order; empty when the story is ready. */
export function missingForReady(item: ReadinessInput, team: { requiresBriefLink: boolean }): ReadinessField[] {
  return readinessChecklist(item, team)
    .filter((c) => !c.met)
    .map((c) => c.field);
}

/** "an owner, acceptance criteria and an estimate": the missing fields as one phrase. */
export function describeMissing(fields: readonly ReadinessField[]): string {
  const labels = fields.map((f) => READINESS_LABELS[f]);
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}
