import { Badge, type BadgeTone } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import type { DependencyStatus } from "@/lib/generated/prisma/enums";

const DEPENDENCY_STATUS_TONE: Record<DependencyStatus, BadgeTone> = {
  OPEN: "sky",
  ACCEPTED: "indigo",
  IN_PROGRESS: "violet",
  RESOLVED: "emerald",
  BLOCKED: "rose",
  CANCELLED: "slate",
};

export function DependencyStatusBadge({ status }: { status: DependencyStatus }) {
  return (
    <Badge tone={DEPENDENCY_STATUS_TONE[status]} dot>
      {enumLabel(status)}
    </Badge>
  );
}
