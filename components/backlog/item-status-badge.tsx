import { Badge, type BadgeTone } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

const ITEM_STATUS_TONE: Record<ItemStatus, BadgeTone> = {
  FUNNEL: "slate",
  REVIEWING: "sky",
  ANALYZING: "sky",
  PORTFOLIO_BACKLOG: "indigo",
  IMPLEMENTING: "violet",
  BACKLOG: "slate",
  READY: "sky",
  IN_PROGRESS: "indigo",
  BLOCKED: "rose",
  IN_REVIEW: "violet",
  DONE: "emerald",
  CANCELLED: "slate",
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  return (
    <Badge tone={ITEM_STATUS_TONE[status]} dot>
      {enumLabel(status)}
    </Badge>
  );
}
