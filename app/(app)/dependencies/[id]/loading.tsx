import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton cards={2} rows={4} label="Loading the dependency" />;
}
