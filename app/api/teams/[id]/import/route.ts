import { handleImportUpload } from "@/lib/import/upload";

/**
 * POST /api/teams/:id/import — a Jira CSV upload, streamed (not a server action body, which stops at 1 MB). The
 * body is one line of JSON options (mode, mapping, skipInvalid, expectedDigest) and then the file. The answer is
 * newline-delimited JSON: progress lines while the import plans and writes, then the result.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleImportUpload(request, (await params).id);
}
