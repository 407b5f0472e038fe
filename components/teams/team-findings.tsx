import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FindingKind, TeamFinding } from "@/lib/teams/rules";

const TONE: Record<FindingKind, BadgeTone> = {
  NO_PRODUCT_OWNER: "rose",
  DOUBLE_BOOKED: "rose",
  INCOMPLETE_TEAM: "amber",
  POD_SIZE: "amber",
};

export function findingTone(kind: FindingKind): BadgeTone {
  return TONE[kind];
}

/** A team's health findings as badges with the sentence under each; "Healthy" when there are none. */
export function TeamFindings({ findings, compact = false }: { findings: readonly TeamFinding[]; compact?: boolean }) {
  if (findings.length === 0) {
    return (
      <Badge tone="emerald" dot>
        Healthy
      </Badge>
    );
  }
  return (
    <ul className="flex flex-col gap-1.5">
      {findings.map((f) => (
        <li key={`${f.kind}:${f.detail}`} className={compact ? "flex flex-wrap items-center gap-x-2" : "flex flex-col items-start gap-0.5"}>
          <Badge tone={TONE[f.kind]} dot>
            {f.title}
          </Badge>
          <span className="text-xs text-slate-600">{f.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** Findings as a callout panel on a team page. */
export function TeamFindingsPanel({ findings, teamKind }: { findings: readonly TeamFinding[]; teamKind: "DELIVERY_POD" | "SHARED_SERVICE" }) {
  if (findings.length === 0) return null;
  const severe = findings.some((f) => TONE[f.kind] === "rose");
  return (
    <section
      aria-labelledby="team-health-heading"
      className={`rounded-xl border p-4 ${severe ? "border-rose-200 bg-rose-50/60" : "border-amber-200 bg-amber-50/60"}`}
    >
      <h2 id="team-health-heading" className={`text-sm font-semibold ${severe ? "text-rose-900" : "text-amber-900"}`}>
        {findings.length === 1 ? "1 structural finding" : `${findings.length} structural findings`}
      </h2>
      <p className="mt-0.5 text-xs text-slate-600">
        {teamKind === "DELIVERY_POD"
          ? "A pod should ship a campaign alone with 5–9 delivery members, one product owner and nobody shared with another pod."
          : "Every team needs exactly one product owner to own its queue."}
      </p>
      <ul className="mt-3 flex flex-col gap-2">
        {findings.map((f) => (
          <li key={`${f.kind}:${f.detail}`} className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            <Badge tone={TONE[f.kind]} dot>
              {f.title}
            </Badge>
            <span>{f.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
