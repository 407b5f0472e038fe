import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ROUTES } from "./routes";
import { ProblemDto } from "./schemas";

type Document = ReturnType<OpenApiGeneratorV31["generateDocument"]>;
let cached: Document | undefined;

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ProblemDto } } });

/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (so it cannot drift from what is
 * served): /api/v1/openapi.json, and the reference page (/api-reference) renders it.
 */
export function openApiDocument(): Document {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "token", { type: "http", scheme: "bearer", description: "A personal access token (mp_…), created on your account page." });
  for (const route of ROUTES) {
    const errors: Record<number, ReturnType<typeof problemResponse>> = {
      401: problemResponse("No token, or a revoked, expired or unknown one"),
      429: problemResponse("Over the token's per-minute limit (see Retry-After)"),
    };
    if (route.params) errors[404] = problemResponse("No such record");
    if (route.query) errors[400] = problemResponse("A query parameter is not valid");
    if (route.write) {
      errors[403] = problemResponse("A read-only token, or the token's user may not make this change");
      errors[404] = problemResponse("The record (or one it names) does not exist");
      errors[415] = problemResponse("The body is not JSON");
      errors[422] = problemResponse("The body is not valid: `errors` names each field");
    }
    if (route.ifMatch) {
      errors[412] = problemResponse("Changed since you read it: `currentVersion` has the version now");
      errors[428] = problemResponse("If-Match is missing");
    }
    registry.registerPath({
      method: route.method,
      path: route.path,
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: [{ token: [] }],
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.ifMatch ? { headers: z.object({ "if-match": z.string().openapi({ description: 'The ETag you read, e.g. "v3".', example: '"v3"' }) }) } : {}),
        ...(route.body ? { body: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
      },
      responses: {
        [route.status]: { description: "OK", content: { "application/json": { schema: route.response } } },
        ...errors,
      },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Marketing Portfolio API",
      version: "1.0.0",
      description:
        "Read and change the portfolio from BI tools, Jira, spreadsheets and automations. Authenticate with a personal access token (Authorization: Bearer mp_…). Lists page with `limit` and `cursor` (pass `nextCursor`). Updates need If-Match with the record's ETag. Errors are RFC 9457 problem+json. Each token has a per-minute rate limit (RateLimit-* headers).",
    },
    servers: [{ url: "/api/v1" }],
  });
  return cached;
}
