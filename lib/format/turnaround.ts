import type { TurnaroundUnit } from "@/lib/generated/prisma/enums";

/** `3, BUSINESS_DAYS` → `3 business days`. */
export function formatTurnaround(amount: number, unit: TurnaroundUnit): string {
  const noun = unit === "BUSINESS_HOURS" ? "business hour" : "business day";
  return `${amount} ${noun}${amount === 1 ? "" : "s"}`;
}
