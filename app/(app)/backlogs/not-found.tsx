import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function BacklogNotFound() {
  return (
    <NotFoundPanel
      title="Backlog not found"
      description="No team backlog has this address. The team may have been removed, or the link is mistyped."
      backHref="/backlogs"
      backLabel="All backlogs"
    />
  );
}
