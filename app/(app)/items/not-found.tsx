import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ItemNotFound() {
  return (
    <NotFoundPanel
      title="Item not found"
      description="No backlog item has this address. It may have been removed, or the link is mistyped."
      backHref="/backlogs"
      backLabel="All backlogs"
    />
  );
}
