import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function TeamNotFound() {
  return (
    <NotFoundPanel
      title="Team not found"
      description="No team has this address. It may have been removed, or the link is mistyped."
      backHref="/teams"
      backLabel="All teams"
    />
  );
}
