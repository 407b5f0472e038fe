"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { importMeasurementsAction } from "@/lib/kpis/actions";

const MAX_BYTES = 100_000;

/**
 * Uploads `period,value` rows from a CSV file (or pasted text). All or nothing: when any row is bad, every bad row
 * is listed with its line number and nothing is saved; uploading the same file again changes nothing.
 */
export function CsvUpload({ kpiId, example }: { kpiId: number; example: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<FormOutcome>(null);

  const lineErrors =
    outcome?.kind === "failure"
      ? Object.entries(outcome.result.fieldErrors ?? {})
          .filter(([k]) => k.startsWith("csv."))
          .map(([k, message]) => ({ line: Number(k.slice(4)), message }))
          .sort((a, b) => a.line - b.line)
      : [];
  const otherError = outcome?.kind === "failure" ? (outcome.result.fieldErrors?.csv ?? null) : null;

  async function chooseFile(file: File | undefined) {
    setOutcome(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileName(null);
      setText("");
      return setOutcome({ kind: "failure", result: { ok: false, reason: "INVALID", message: "The file is too large (at most 100 kB)." } });
    }
    setFileName(file.name);
    setText(await file.text());
  }

  function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await importMeasurementsAction({ kpiId, csv: text });
        if (!result.ok) return setOutcome({ kind: "failure", result });
        const { added, changed, unchanged } = result.data;
        setOutcome({ kind: "success", text: `Imported: ${added} added, ${changed} changed, ${unchanged} already up to date.` });
        router.refresh();
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={upload} noValidate aria-label="Upload measurements as CSV" className="flex flex-col gap-3">
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
          CSV file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void chooseFile(e.target.files?.[0])}
          aria-describedby={`${id}-format`}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-50"
        />
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-700">
          {fileName ? `Contents of ${fileName}` : "…or paste the rows"}
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={5}
          spellCheck={false}
          placeholder={example}
          aria-describedby={`${id}-format`}
          aria-invalid={lineErrors.length > 0 || otherError ? true : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40 aria-[invalid=true]:border-rose-400"
        />
        <p id={`${id}-format`} className="mt-1 text-xs text-slate-500">
          One <code>period,value</code> row per measurement (a header row is fine); the period is its first day as YYYY-MM-DD.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || text.trim() === ""} className={primaryButtonClass}>
          {pending ? "Importing…" : "Import"}
        </button>
        {text ? (
          <button type="button" onClick={() => { setText(""); setFileName(null); setOutcome(null); }} className={secondaryButtonClass}>
            Clear
          </button>
        ) : null}
      </div>
      <div aria-live="polite" role="status">
        {outcome?.kind === "success" ? <p className="text-sm font-medium text-emerald-700">{outcome.text}</p> : null}
        {outcome?.kind === "failure" ? (
          <div className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            <p className="font-medium">{outcome.result.message}</p>
            {otherError ? <p className="mt-1">{otherError}</p> : null}
            {lineErrors.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {lineErrors.map((e) => (
                  <li key={e.line}>
                    Line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
