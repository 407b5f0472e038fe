import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function DependencyNotFound() {
  return (
    <NotFoundPanel
      title="Dependency not found"
      description="No dependency has this address. It may have been removed, or the link is mistyped."
      backHref="/dependencies"
      backLabel="All dependencies"
    />
  );
}
