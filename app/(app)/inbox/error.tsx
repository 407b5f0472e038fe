"use client";

import { RouteError } from "@/components/ui/route-error";

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError what="your inbox" error={error} retry={retry} />;
}
