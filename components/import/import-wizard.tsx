"use client";

import Link from "next/link";
import { useId, useMemo, useRef, useState } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/admin/form-parts";
import { Badge } from "@/components/ui/badge";
import { forgetImportMappingAction } from "@/lib/import/actions";
import { FIELD_LABELS, IMPORT_FIELDS, normHeader, type ImportField } from "@/lib/import/jira";
import {
  EMPTY_MAPPING,
  summarizeValues,
  type Candidate,
  type Mapping,
} from "@/lib/import/mapping";
import type { ImportResult } from "@/lib/import/mutations";
import { readImportFile } from "@/lib/import/plan";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/import/schema";
import { skippedRowsCsv } from "@/lib/import/skipped";
import { MappingTables } from "./mapping-tables";
import { PreviewTable } from "./preview-table";
import { ProgressLine } from "./progress-line";
import { uploadImport, type UploadProgress } from "./upload";

type Step = { kind: "idle" } | { kind: "reading" } | { kind: "mapping" } | { kind: "sending"; purpose: "preview" | "commit"; progress: UploadProgress | null };

/**
 * Importing a Jira CSV export into a team's backlog: choose the file (read here, in the browser), map its columns
 * and values (with the team's saved choices and defaults from Jira's names), preview what every row will do,
 * then import — every row, or every valid row with the rest downloadable as a CSV to fix and import again.
 */
export function ImportWizard({
  teamId,
  teamName,
  saved,
  savedAt,
  people,
  sprintNumbers,
  canEditPortfolio,
}: {
  teamId: number;
  teamName: string;
  saved: Mapping;
  savedAt: string | null;
  people: Candidate[];
  sprintNumbers: number[];
  canEditPortfolio: boolean;
}) {
  const id = useId();
  const fileRef = useRef<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [mapping, setMapping] = useState<Mapping>(saved);
  const [hasSaved, setHasSaved] = useState(savedAt !== null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const file = useMemo(() => (text === null ? null : readImportFile(text, mapping.columns)), [text, mapping.columns]);
  const summary = useMemo(() => (file ? summarizeValues(file.rows, mapping, people, sprintNumbers) : null), [file, mapping, people, sprintNumbers]);
  const busy = step.kind === "sending" || step.kind === "reading";

  const change = (next: Mapping) => {
    setMapping(next);
    setPreview(null);
  };

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setPreview(null);
    setDone(null);
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      setError(TOO_LARGE_MESSAGE);
      return;
    }
    setStep({ kind: "reading" });
    fileRef.current = chosen;
    setFileName(chosen.name);
    setText(await chosen.text());
    setStep({ kind: "mapping" });
  }

  async function send(purpose: "preview" | "commit") {
    if (!fileRef.current) return;
    setError(null);
    setStep({ kind: "sending", purpose, progress: null });
    const outcome = await uploadImport(
      teamId,
      fileRef.current,
      { mode: purpose, mapping, skipInvalid, expectedDigest: purpose === "commit" ? preview?.digest : undefined },
      (progress) => setStep({ kind: "sending", purpose, progress }),
    );
    setStep({ kind: "mapping" });
    if (!outcome.ok) {
      setError(outcome.message);
      if (outcome.reason === "CONFLICT") void send("preview");
      return;
    }
    if (purpose === "preview") setPreview(outcome.data);
    else {
      setDone(outcome.data);
      setPreview(null);
      setHasSaved(true);
    }
  }

  function downloadSkipped(result: ImportResult) {
    if (!text) return;
    const csv = skippedRowsCsv(text, result.skipped);
    const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${fileName.replace(/\.csv$/i, "") || "import"}-skipped-rows.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function forget() {
    const result = await forgetImportMappingAction({ teamId });
    if (!result.ok) setError(result.message);
    else {
      setHasSaved(false);
      change(EMPTY_MAPPING);
    }
  }

  const bad = preview ? preview.counts.error + preview.counts.skip : 0;
  const toApply = preview ? preview.counts.create + preview.counts.update : 0;
  const canCommit = preview !== null && preview.fileProblems.length === 0 && toApply > 0 && (bad === 0 || skipInvalid);

  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby={`${id}-file-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={`${id}-file-title`} className="text-base font-semibold text-slate-900">
          1. Choose a Jira export
        </h2>
        <p id={`${id}-hint`} className="mt-1 max-w-3xl text-sm text-slate-600">
          In Jira, export issues as CSV (all fields). The file is read as Jira writes it: Issue id, Parent and Parent key, Epic
          Link, both story-point columns, repeated Labels and Sprint columns. Up to {Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB.
          Features and stories go into {teamName}&rsquo;s backlog; rows are matched on Issue key, so importing the same file again
          changes nothing.
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <label htmlFor={`${id}-file`} className="sr-only">
            CSV file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-hint`}
            disabled={busy}
            onChange={(e) => void onFile(e)}
            className="block max-w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-600 file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-white hover:file:bg-indigo-500"
          />
          {hasSaved ? (
            <span className="flex items-center gap-2 text-xs text-slate-500">
              Using {teamName}&rsquo;s saved choices from the last import.
              <button type="button" className="underline hover:text-slate-800" onClick={() => void forget()}>
                Forget them
              </button>
            </span>
          ) : null}
        </div>
      </section>

      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {step.kind === "reading" ? <p className="text-slate-600">Reading {fileName}…</p> : null}
        {step.kind === "sending" ? <ProgressLine purpose={step.purpose} progress={step.progress} /> : null}
        {error ? <p className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-2 font-medium text-rose-800">{error}</p> : null}
        {done ? (
          <div className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
            <p className="font-semibold">
              {done.created + done.updated === 0
                ? "Nothing to change: the backlog already matches the file."
                : `Imported into ${teamName}’s backlog: ${done.created} created, ${done.updated} updated${done.skipped.length ? `, ${done.skipped.length} skipped` : ""}.`}
            </p>
            <p className="mt-2 flex flex-wrap items-center gap-3">
              {done.skipped.length ? (
                <button type="button" className={secondaryButtonClass} onClick={() => downloadSkipped(done)}>
                  Download the {done.skipped.length} skipped {done.skipped.length === 1 ? "row" : "rows"} (CSV)
                </button>
              ) : null}
              <Link href={`/teams/${teamId}/backlog`} className="font-medium text-emerald-800 underline">
                Open the backlog
              </Link>
            </p>
            {done.skipped.length ? (
              <p className="mt-2 text-xs text-emerald-800">The file has a Reason column: fix the rows, delete that column if you like, and import the file here again.</p>
            ) : null}
          </div>
        ) : null}
      </div>

      {file && summary && !done ? (
        <MappingTables
          fileName={fileName}
          file={file}
          summary={summary}
          mapping={mapping}
          onChange={change}
          people={people}
          canEditPortfolio={canEditPortfolio}
          fieldOptions={FIELD_OPTIONS}
          headerKey={normHeader}
          disabled={busy}
          action={
            <button type="button" className={primaryButtonClass} disabled={busy || file.rows.length === 0} onClick={() => void send("preview")}>
              {preview ? "Preview again" : "Preview the import"}
            </button>
          }
        />
      ) : null}

      {preview && !done ? (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id={`${id}-preview`} className="text-base font-semibold text-slate-900">
              3. Preview
            </h2>
            <div className="flex flex-wrap gap-2" aria-label="What the import will do">
              <Badge tone="emerald">{preview.counts.create} to create</Badge>
              <Badge tone="sky">{preview.counts.update} to update</Badge>
              <Badge>{preview.counts.unchanged} unchanged</Badge>
              <Badge tone={bad ? "rose" : "slate"}>
                {bad} {bad === 1 ? "row" : "rows"} with problems
              </Badge>
            </div>
          </div>
          {preview.fileProblems.length ? (
            <ul className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
              {preview.fileProblems.map((p, i) => (
                <li key={i}>
                  Row {p.row}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.notes.map((note) => (
            <p key={note} className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
              {note}
            </p>
          ))}
          {bad > 0 ? (
            <fieldset className="rounded-lg border border-slate-200 bg-white px-4 py-3">
              <legend className="px-1 text-sm font-medium text-slate-800">{bad === 1 ? "One row has a problem" : `${bad} rows have problems`}</legend>
              <label className="mt-1 flex items-start gap-2 text-sm text-slate-700">
                <input type="radio" name={`${id}-partial`} checked={!skipInvalid} onChange={() => setSkipInvalid(false)} className="mt-0.5" />
                <span>Import nothing until every row is valid (fix the file and choose it again)</span>
              </label>
              <label className="mt-1 flex items-start gap-2 text-sm text-slate-700">
                <input type="radio" name={`${id}-partial`} checked={skipInvalid} onChange={() => setSkipInvalid(true)} className="mt-0.5" />
                <span>Import the {toApply} valid rows and skip the rest (you can download the skipped rows with their reasons)</span>
              </label>
            </fieldset>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" disabled={busy || !canCommit} onClick={() => void send("commit")} className={primaryButtonClass}>
              {toApply === 0 ? "Nothing to import" : `Import ${toApply} ${toApply === 1 ? "row" : "rows"}`}
            </button>
            {bad > 0 ? (
              <button type="button" className={secondaryButtonClass} onClick={() => downloadSkipped(preview)}>
                Download rows with problems (CSV)
              </button>
            ) : null}
          </div>
          <PreviewTable rows={preview.rows} ignoredColumns={preview.ignoredColumns} />
        </section>
      ) : null}
    </div>
  );
}

const FIELD_OPTIONS: { value: ImportField | "ignore"; label: string }[] = [
  { value: "ignore", label: "Not imported" },
  ...IMPORT_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] })),
];
