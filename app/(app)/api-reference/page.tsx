import type { Metadata } from "next";
import { ApiReference } from "@/components/ops/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

/** The REST API's reference, rendered on the server from the OpenAPI document (no remote assets). */
export default function ApiReferencePage() {
  return (
    <>
      <PageHeader
        title="API reference"
        description="REST API v1 for BI tools, Jira, spreadsheets and automations. Create a token on your account page and send it as Authorization: Bearer mp_…. The machine-readable document is /api/v1/openapi.json."
      />
      <ApiReference doc={openApiDocument() as never} />
    </>
  );
}
