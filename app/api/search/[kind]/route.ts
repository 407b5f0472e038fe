import { getPrincipal } from "@/lib/auth/principal";
import { searchOptions } from "@/lib/search/queries";
import { SearchQuerySchema } from "@/lib/search/schema";

/**
 * GET /api/search/people|teams|items?q=… — the first 20 matches for a searchable picker (Combobox), for
 * signed-in users (everyone may read names, teams and backlog titles). Bad input is a 400 with a message.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  const principal = await getPrincipal();
  if (!principal) return Response.json({ message: "Sign in to search." }, { status: 401 });
  const url = new URL(request.url);
  const parsed = SearchQuerySchema.safeParse({ ...Object.fromEntries(url.searchParams), kind: (await params).kind });
  if (!parsed.success) return Response.json({ message: parsed.error.issues[0]?.message ?? "Invalid search." }, { status: 400 });
  const result = await searchOptions(parsed.data);
  return Response.json(result, { headers: { "cache-control": "private, no-store" } });
}
