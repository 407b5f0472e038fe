"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/admin/form-parts";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { importBacklogAction } from "@/lib/import/actions";
import type { ImportResult } from "@/lib/import/mutations";
import type { RowAction } from "@/lib/import/plan";
import { MAX_IMPORT_CHARS } from "@/lib/import/schema";

const ACTION_LABEL: Record<RowAction, { label: string; tone: BadgeTone }> = {
  create: { label: "Create", tone: "emerald" },
  update: { label: "Update", tone: "sky" },
  unchanged: { label: "Unchanged", tone: "slate" },
  error: { label: "Problem", tone: "rose" },
};

/**
 * Importing a Jira-style CSV: choose a file, read the preview (every row it will create or update, every bad row
 * with its line and reason, and what it leaves alone), then import all of it — or nothing, while any row is bad.
 */
export function ImportPanel({ teamId, teamName }: { teamId: number; teamName: string }) {
  const id = useId();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [pending, startTransition] = useTransition();

  const run = (text: string, mode: "preview" | "commit", expectedDigest?: string) =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await importBacklogAction({ teamId, csv: text, mode, expectedDigest });
        if (!result.ok) {
          setError(result.message);
          if (result.reason === "CONFLICT") run(text, "preview");
          return;
        }
        if (mode === "preview") {
          setPreview(result.data);
          setDone(null);
        } else {
          setDone(result.data);
          setPreview(null);
        }
      } catch {
        setError("We couldn’t reach the server and nothing was imported. Try again.");
      }
    });

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPreview(null);
    setDone(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) {
      setError("The file is larger than 2 MB; split it into smaller files.");
      return;
    }
    const text = await file.text();
    setFileName(file.name);
    setCsv(text);
    run(text, "preview");
  }

  const problems = preview ? preview.counts.error + preview.fileProblems.length : 0;
  const toApply = preview ? preview.counts.create + preview.counts.update : 0;
  const rows = preview ? preview.rows.filter((r) => !onlyProblems || r.action === "error") : [];

  return (
    <div className="flex flex-col gap-4">
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
          CSV file (a Jira export)
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          Columns: Issue key, Summary, Issue Type, Status, Parent, Story Points, Sprint, Assignee, Labels. Rows are matched on
          Issue key, so importing the same file again changes nothing. Features and stories go into {teamName}&rsquo;s backlog.
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-hint`}
          onChange={(e) => void onFile(e)}
          className="mt-2 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-white hover:file:bg-indigo-500"
        />
      </section>

      <div role="status" aria-live="polite" className="text-sm">
        {pending ? <p className="text-slate-600">Reading {fileName || "the file"}…</p> : null}
        {error ? <p className="font-medium text-rose-700">{error}</p> : null}
        {done ? (
          <div className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
            <p className="font-semibold">
              {done.created.length + done.updated.length === 0
                ? "Nothing to change: the backlog already matches the file."
                : `Imported: ${done.created.length} created, ${done.updated.length} updated.`}
            </p>
            <p className="mt-1">
              <Link href={`/teams/${teamId}/backlog`} className="font-medium text-emerald-800 underline">
                Back to the backlog
              </Link>
            </p>
          </div>
        ) : null}
      </div>

      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id={`${id}-preview`} className="text-base font-semibold text-slate-900">
              Preview of {fileName}
            </h2>
            <div className="flex flex-wrap gap-2" aria-label="Summary">
              <Badge tone="emerald">{preview.counts.create} to create</Badge>
              <Badge tone="sky">{preview.counts.update} to update</Badge>
              <Badge>{preview.counts.unchanged} unchanged</Badge>
              <Badge tone={problems ? "rose" : "slate"}>
                {problems} {problems === 1 ? "problem" : "problems"}
              </Badge>
            </div>
          </div>
          {preview.fileProblems.length ? (
            <ul className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
              {preview.fileProblems.map((p, i) => (
                <li key={i}>
                  Line {p.line}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.notes.map((note) => (
            <p key={note} className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
              {note}
            </p>
          ))}
          {preview.ignoredColumns.length ? <p className="text-xs text-slate-500">Columns not imported: {preview.ignoredColumns.join(", ")}.</p> : null}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              disabled={pending || problems > 0 || toApply === 0 || csv === null}
              onClick={() => csv && run(csv, "commit", preview.digest)}
              className={primaryButtonClass}
            >
              {toApply === 0 ? "Nothing to import" : `Import ${toApply} ${toApply === 1 ? "row" : "rows"}`}
            </button>
            {problems > 0 ? <p className="text-sm text-rose-700">Fix the problems in the file and choose it again: nothing is imported until every row is good.</p> : null}
            <label className="ml-auto flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} className="size-4 rounded border-slate-300" />
              Only rows with problems
            </label>
            <button type="button" className={secondaryButtonClass} disabled={pending || csv === null} onClick={() => csv && run(csv, "preview")}>
              Preview again
            </button>
          </div>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">What the import will do, row by row</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-3 py-2 text-right">
                    Line
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Key
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Summary
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Outcome
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Details
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} className={`border-t border-slate-100 align-top ${r.action === "error" ? "bg-rose-50/50" : ""}`}>
                    <td className="px-3 py-2 text-right text-slate-500 tabular-nums">{r.line}</td>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{r.key || "—"}</td>
                    <td className="px-3 py-2">{r.summary}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{r.type}</td>
                    <td className="px-3 py-2">
                      <Badge tone={ACTION_LABEL[r.action].tone}>{ACTION_LABEL[r.action].label}</Badge>
                    </td>
                    <td className="px-3 py-2 text-xs">
                      {r.reasons.length ? (
                        <ul className="text-rose-800">
                          {r.reasons.map((reason) => (
                            <li key={reason}>{reason}</li>
                          ))}
                        </ul>
                      ) : r.changes.length ? (
                        <ul className="text-slate-600">
                          {r.changes.map((c) => (
                            <li key={c}>{c}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                      {onlyProblems ? "No problems." : "The file has no data rows."}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
