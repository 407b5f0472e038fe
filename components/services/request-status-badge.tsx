import { Badge, type BadgeTone } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { SlaHealth } from "@/lib/calendar/business-time";

const REQUEST_STATUS_TONE: Record<RequestStatus, BadgeTone> = {
  SUBMITTED: "sky",
  ACCEPTED: "indigo",
  DELIVERED: "emerald",
  ESCALATED: "rose",
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge tone={REQUEST_STATUS_TONE[status]} dot>
      {enumLabel(status)}
    </Badge>
  );
}

const SLA_HEALTH: Record<SlaHealth, { tone: BadgeTone; label: string }> = {
  BREACHED: { tone: "rose", label: "Breached" },
  AT_RISK: { tone: "amber", label: "At risk" },
  ON_TRACK: { tone: "slate", label: "On track" },
  MET: { tone: "emerald", label: "Met SLA" },
  LATE: { tone: "amber", label: "Delivered late" },
};

export function SlaHealthBadge({ health }: { health: SlaHealth }) {
  const { tone, label } = SLA_HEALTH[health];
  return <Badge tone={tone}>{label}</Badge>;
}
