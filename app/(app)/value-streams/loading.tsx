import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton cards={3} rows={6} label="Loading the value streams" />;
}
