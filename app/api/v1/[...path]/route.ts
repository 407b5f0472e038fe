import type { NextRequest } from "next/server";
import { dispatchApi } from "@/lib/api/dispatch";

export const dynamic = "force-dynamic";

/** REST API v1: every operation is in lib/api/routes.ts (and in /api/v1/openapi.json). */
async function handle(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return dispatchApi(request, `/${path.map(encodeURIComponent).join("/")}`);
}

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
