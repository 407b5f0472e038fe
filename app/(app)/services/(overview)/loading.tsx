import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton cards={0} rows={8} label="Loading the shared services" />;
}
