import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ServiceNotFound() {
  return (
    <NotFoundPanel
      title="Not found"
      description="Nothing in shared services has this address. It may have been removed, or the link is mistyped."
      backHref="/services"
      backLabel="Shared services"
    />
  );
}
