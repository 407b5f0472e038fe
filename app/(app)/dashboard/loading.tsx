import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton cards={4} rows={6} label="Loading the dashboard" />;
}
