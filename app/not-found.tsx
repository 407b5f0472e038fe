import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function NotFound() {
  return (
    <NotFoundPanel
      title="Page not found"
      description="There is nothing at this address. It may have been moved or removed."
      backHref="/dashboard"
      backLabel="Back to the dashboard"
    />
  );
}
