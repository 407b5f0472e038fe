import { Badge } from "@/components/ui/badge";
import type { DependencyRisk } from "@/lib/dependencies/flow";

/** Overdue and at-risk as badges (on-track and done say nothing: the status badge covers them). */
export function RiskBadge({ risk }: { risk: DependencyRisk }) {
  if (risk === "OVERDUE") return <Badge tone="rose">Overdue</Badge>;
  if (risk === "AT_RISK") return <Badge tone="amber">At risk</Badge>;
  return null;
}

/** Card and edge accents per risk; the map's legend uses the same colours. */
export const RISK_STYLE: Record<DependencyRisk, { label: string; border: string; stroke: string; text: string }> = {
  OVERDUE: { label: "Overdue", border: "border-l-rose-500", stroke: "#e11d48", text: "text-rose-700" },
  AT_RISK: { label: "At risk", border: "border-l-amber-400", stroke: "#d97706", text: "text-amber-700" },
  ON_TRACK: { label: "On track", border: "border-l-indigo-300", stroke: "#6366f1", text: "text-slate-700" },
  DONE: { label: "Resolved", border: "border-l-emerald-300", stroke: "#10b981", text: "text-slate-500" },
};
