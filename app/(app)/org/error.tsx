"use client";

import { RouteError } from "@/components/ui/route-error";

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError what="the org chart" error={error} retry={retry} />;
}
