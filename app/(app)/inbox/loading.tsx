import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton cards={0} rows={6} label="Loading your inbox" />;
}
