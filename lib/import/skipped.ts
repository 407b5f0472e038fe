/**
 * The rows an import skipped, as a CSV to fix and import again: the file's own header and cells exactly as they
 * were, plus a Reason column. Pure (the browser builds it from the file it still holds).
 */
import { parseCsv } from "@/lib/csv/parse";
import { writeCsv } from "@/lib/csv/write";

export function skippedRowsCsv(text: string, skipped: readonly { row: number; reason: string }[]): string {
  const { records } = parseCsv(text);
  const [header, ...rest] = records;
  if (!header) return "";
  const reasons = new Map(skipped.map((s) => [s.row, s.reason]));
  const width = header.fields.length;
  const pad = (fields: string[]) => [...fields, ...Array.from({ length: Math.max(0, width - fields.length) }, () => "")];
  return writeCsv([
    [...pad(header.fields), "Reason"],
    ...rest.filter((r) => reasons.has(r.row)).map((r) => [...pad(r.fields), reasons.get(r.row)!]),
  ]);
}
