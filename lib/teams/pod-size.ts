import type { TeamKind } from "@/lib/generated/prisma/enums";

/** Rule 3: a delivery pod has 5–9 delivery contributors. Outside the range is a warning, not a refusal. */
export const POD_SIZE_MIN = 5;
export const POD_SIZE_MAX = 9;

/** True for a delivery pod whose delivery member count is outside the recommended range. */
export function isPodSizeOutOfRange(kind: TeamKind, deliveryMemberCount: number): boolean {
  return kind === "DELIVERY_POD" && (deliveryMemberCount < POD_SIZE_MIN || deliveryMemberCount > POD_SIZE_MAX);
}
