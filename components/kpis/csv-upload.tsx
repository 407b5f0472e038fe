"use client";

import { useState } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, Textarea } from "@/components/ui/input";
import { importMeasurementsAction } from "@/lib/kpis/actions";
import { ImportMeasurementsSchema } from "@/lib/kpis/schema";

const MAX_BYTES = 100_000;

/**
 * Uploads `period,value` rows from a CSV file (or pasted text). All or nothing: when any row is bad, every bad row
 * is listed with its line number and nothing is saved; uploading the same file again changes nothing.
 */
export function CsvUpload({ kpiId, example }: { kpiId: number; example: string }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const form = useActionForm(importMeasurementsAction, {
    schema: ImportMeasurementsSchema,
    success: ({ added, changed, unchanged }) => `Imported: ${added} added, ${changed} changed, ${unchanged} already up to date.`,
  });
  const lineErrors = Object.entries(form.errors)
    .filter(([k]) => k.startsWith("csv."))
    .map(([k, message]) => ({ line: Number(k.slice(4)), message }))
    .sort((a, b) => a.line - b.line);

  async function chooseFile(file: File | undefined) {
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileName(null);
      setText("");
      setFileError("The file is too large (at most 100 kB).");
      return;
    }
    setFileName(file.name);
    setText(await file.text());
  }

  return (
    <Form form={form} aria-label="Upload measurements as CSV" className="flex flex-col gap-3">
      <HiddenFields fields={{ kpiId }} />
      <Field label="CSV file" error={fileError}>
        <Input
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => void chooseFile(e.target.files?.[0])}
          className="py-1.5 file:mr-3 file:rounded-md file:border file:border-input file:bg-surface file:px-3 file:py-1 file:text-sm file:font-medium file:text-slate-700"
        />
      </Field>
      <Field
        name="csv"
        label={fileName ? `Contents of ${fileName}` : "…or paste the rows"}
        hint={
          <>
            One <code>period,value</code> row per measurement (a header row is fine); the period is its first day as YYYY-MM-DD.
          </>
        }
      >
        <Textarea name="csv" value={text} onChange={(e) => setText(e.target.value)} rows={5} spellCheck={false} placeholder={example} className="font-mono text-xs" />
      </Field>
      {lineErrors.length > 0 ? (
        <div role="alert" className="rounded-md border border-rose-200 bg-danger-surface px-3 py-2 text-sm text-danger">
          <p className="font-medium">Nothing was imported: fix these rows and upload again.</p>
          <ul className="mt-1 list-disc pl-5">
            {lineErrors.map((e) => (
              <li key={e.line}>
                Line {e.line}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Importing…" disabled={text.trim() === ""}>
          Import
        </SubmitButton>
        {text ? (
          <Button
            variant="secondary"
            onClick={() => {
              setText("");
              setFileName(null);
              form.reset();
            }}
          >
            Clear
          </Button>
        ) : null}
        <FormMessage shownElsewhere={(name) => name.startsWith("csv.")} />
      </div>
    </Form>
  );
}
