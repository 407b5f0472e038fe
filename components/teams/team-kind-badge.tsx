import { Badge, type BadgeTone } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import type { SprintStatus, TeamKind, TeamShape } from "@/lib/generated/prisma/enums";

const TEAM_KIND_TONE: Record<TeamKind, BadgeTone> = {
  DELIVERY_POD: "indigo",
  SHARED_SERVICE: "violet",
};

export function TeamKindBadge({ kind }: { kind: TeamKind }) {
  return <Badge tone={TEAM_KIND_TONE[kind]}>{enumLabel(kind)}</Badge>;
}

const SPRINT_STATUS_TONE: Record<SprintStatus, BadgeTone> = {
  PLANNED: "sky",
  ACTIVE: "indigo",
  CLOSED: "slate",
};

export function SprintStatusBadge({ status }: { status: SprintStatus }) {
  return (
    <Badge tone={SPRINT_STATUS_TONE[status]} dot>
      {enumLabel(status)}
    </Badge>
  );
}

const SHAPE_LABELS: Record<TeamShape, string> = {
  CROSS_FUNCTIONAL: "Cross-functional",
  FUNCTIONAL: "Functional",
  HYBRID: "Hybrid",
};

/** `CROSS_FUNCTIONAL` → "Cross-functional". */
export function shapeLabel(shape: TeamShape): string {
  return SHAPE_LABELS[shape];
}
