import type { ScopeOptions } from "@/lib/metrics/queries";
import type { ScopeGroup } from "./dashboard-controls";

/** The scope picker's groups: value streams, then teams (named with their kind, so names never repeat). */
export function scopeGroupsOf(options: ScopeOptions): ScopeGroup[] {
  const teams = [...options.valueStreams.flatMap((vs) => vs.teams), ...options.otherTeams];
  return [
    { label: "Value streams", options: options.valueStreams.map((vs) => ({ value: `vs:${vs.id}`, label: `${vs.name} value stream` })) },
    {
      label: "Teams",
      options: teams
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
        .map((t) => ({ value: `team:${t.id}`, label: `${t.name} ${t.kind === "DELIVERY_POD" ? "pod" : "service"}` })),
    },
  ];
}
