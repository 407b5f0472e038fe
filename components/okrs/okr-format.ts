import type { ObjectiveLevel, ObjectiveStatus } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/badge";

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const PREFIX_UNITS = new Set(["£", "$", "€"]);
const TIGHT_UNITS = new Set(["%", "x"]);

/** `85` in `£` → `£85`; `4.5` in `%` → `4.5%`; `420` in `MQLs` → `420 MQLs`. */
export function withUnit(value: number, unit: string): string {
  const n = numberFormat.format(value);
  if (PREFIX_UNITS.has(unit)) return `${unit}${n}`;
  // "£m", "£k": the symbol before, the scale after (£4.8m).
  if (PREFIX_UNITS.has(unit.charAt(0)) && /^[kmbn]+$/i.test(unit.slice(1))) return `${unit.charAt(0)}${n}${unit.slice(1)}`;
  if (TIGHT_UNITS.has(unit)) return `${n}${unit}`;
  return `${n} ${unit}`;
}

export const LEVEL_LABEL: Readonly<Record<ObjectiveLevel, string>> = {
  PORTFOLIO: "Portfolio",
  VALUE_STREAM: "Value stream",
  TEAM: "Team",
};

export const STATUS_TONE: Readonly<Record<ObjectiveStatus, BadgeTone>> = {
  DRAFT: "slate",
  ACTIVE: "indigo",
  ACHIEVED: "emerald",
  MISSED: "rose",
  ARCHIVED: "slate",
};

/** Progress colour: on the way (≥ 70 %), behind (≥ 40 %), far behind. */
export function progressTone(progress: number | null): string {
  if (progress === null) return "bg-slate-300";
  return progress >= 0.7 ? "bg-emerald-500" : progress >= 0.4 ? "bg-amber-400" : "bg-rose-400";
}
