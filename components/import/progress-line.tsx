"use client";

import type { UploadProgress } from "./upload";

const PHASE: Record<string, string> = { reading: "Reading the file", planning: "Checking every row", writing: "Writing", done: "Finishing" };

/** Where an upload is: sending the file (percent), then the server's own steps (rows written of all). */
export function ProgressLine({ purpose, progress }: { purpose: "preview" | "commit"; progress: UploadProgress | null }) {
  let label = purpose === "preview" ? "Sending the file for a preview…" : "Sending the file…";
  let value: number | null = null;
  if (progress?.stage === "upload") {
    value = Math.round(progress.fraction * 100);
    label = `Uploading: ${value}%`;
  } else if (progress) {
    value = progress.total ? Math.round((progress.done / progress.total) * 100) : null;
    label = progress.stage === "writing" ? `Writing: ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")} rows` : `${PHASE[progress.stage] ?? "Working"}…`;
  }
  return (
    <div className="flex max-w-xl items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2">
      <div
        role="progressbar"
        aria-label={purpose === "preview" ? "Preview progress" : "Import progress"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={label}
        className="h-2 w-40 shrink-0 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full bg-indigo-500 transition-[width] ${value === null ? "w-1/3 animate-pulse" : ""}`} style={value === null ? undefined : { width: `${value}%` }} />
      </div>
      <span className="text-sm text-slate-700 tabular-nums">{label}</span>
    </div>
  );
}
