/**
 * Renders an OpenAPI 3.1 document as a readable reference: operations grouped by tag, each with its method, path,
 * parameters, body fields and answers. Server-rendered from the document the API serves, so it works offline and
 * cannot disagree with it.
 */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
  description?: string;
}
interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema; description?: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}
interface Doc {
  info: { description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

function typeOf(s: Schema | undefined): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").at(-1) ?? "";
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(" | ");
  if (s.anyOf) return [...new Set(s.anyOf.map(typeOf))].join(" or ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "object");
}

const METHOD_TONE: Record<string, string> = { get: "bg-sky-100 text-sky-800", post: "bg-emerald-100 text-emerald-800", patch: "bg-amber-100 text-amber-900" };

export function ApiReference({ doc }: { doc: Doc }) {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? "Other"))];
  return (
    <div className="grid gap-8">
      <p className="max-w-3xl text-sm text-slate-700">{doc.info.description}</p>
      <nav aria-label="Sections" className="flex flex-wrap gap-2 text-sm">
        {tags.map((t) => (
          <a key={t} href={`#${t.replace(/\s/g, "-")}`} className="rounded-full bg-slate-100 px-3 py-1 text-slate-700 hover:bg-slate-200">
            {t}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={tag.replace(/\s/g, "-")} aria-labelledby={`h-${tag.replace(/\s/g, "-")}`}>
          <h2 id={`h-${tag.replace(/\s/g, "-")}`} className="mb-3 text-lg font-semibold text-slate-900">{tag}</h2>
          <div className="grid gap-3">
            {ops
              .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
              .map(({ path, method, op }) => {
                const body = op.requestBody?.content["application/json"]?.schema;
                return (
                  <details key={op.operationId} className="rounded-lg border border-slate-200 bg-white">
                    <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-2">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_TONE[method] ?? "bg-slate-100"}`}>{method}</span>
                      <code className="text-sm text-slate-900">/api/v1{path}</code>
                      <span className="text-sm text-slate-600">{op.summary}</span>
                    </summary>
                    <div className="grid gap-3 border-t border-slate-100 px-4 py-3 text-sm">
                      {op.parameters?.length ? (
                        <div>
                          <h3 className="font-medium text-slate-800">Parameters</h3>
                          <ul className="mt-1 list-disc pl-5 text-slate-700">
                            {op.parameters.map((p) => (
                              <li key={`${p.in}-${p.name}`}>
                                <code>{p.name}</code> ({p.in}{p.required ? ", required" : ""}): {typeOf(p.schema)}
                                {p.description || p.schema?.description ? ` — ${p.description ?? p.schema?.description}` : ""}
                              </li>
                            ))}
                          </ul>
                        </div>
                      ) : null}
                      {body?.properties ? (
                        <div>
                          <h3 className="font-medium text-slate-800">Body (JSON)</h3>
                          <ul className="mt-1 list-disc pl-5 text-slate-700">
                            {Object.entries(body.properties).map(([name, s]) => (
                              <li key={name}>
                                <code>{name}</code>
                                {body.required?.includes(name) ? " (required)" : ""}: {typeOf(s)}
                              </li>
                            ))}
                          </ul>
                        </div>
                      ) : null}
                      <div>
                        <h3 className="font-medium text-slate-800">Answers</h3>
                        <ul className="mt-1 list-disc pl-5 text-slate-700">
                          {Object.entries(op.responses).map(([status, r]) => (
                            <li key={status}>
                              <code>{status}</code> {r.description}
                              {r.content?.["application/json"] ? ` — ${typeOf(r.content["application/json"].schema)}` : ""}
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </details>
                );
              })}
          </div>
        </section>
      ))}
    </div>
  );
}
