import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton cards={3} rows={8} label="Loading the org chart" />;
}
