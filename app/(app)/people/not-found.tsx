import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function PersonNotFound() {
  return (
    <NotFoundPanel
      title="Person not found"
      description="Nobody has this address. They may have been removed, or the link is mistyped."
      backHref="/people"
      backLabel="All people"
    />
  );
}
