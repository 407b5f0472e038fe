"use client";

import type { ImportResult } from "@/lib/import/mutations";
import type { Mapping } from "@/lib/import/mapping";
import type { ImportPhase } from "@/lib/import/progress";

export type UploadProgress = { stage: "upload"; fraction: number } | { stage: ImportPhase; done: number; total: number };

export type UploadOutcome =
  | { ok: true; data: ImportResult }
  | { ok: false; reason: string; message: string };

/**
 * Sends a file to the import route with XMLHttpRequest (the one browser API that reports upload progress), then
 * reads the route's newline-delimited answer as it arrives: progress lines, then the result.
 */
export function uploadImport(
  teamId: number,
  file: Blob,
  options: { mode: "preview" | "commit"; mapping: Mapping; skipInvalid: boolean; expectedDigest?: string },
  onProgress: (p: UploadProgress) => void,
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let result: UploadOutcome | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          const event = JSON.parse(line) as { type: string; phase?: ImportPhase; done?: number; total?: number; ok?: boolean; data?: ImportResult; reason?: string; message?: string };
          if (event.type === "progress" && event.phase) onProgress({ stage: event.phase, done: event.done ?? 0, total: event.total ?? 0 });
          else if (event.type === "result") {
            result = event.ok ? { ok: true, data: event.data! } : { ok: false, reason: event.reason ?? "FAILED", message: event.message ?? "Nothing was imported. Try again." };
          }
        } catch {
          // A line cut short: the next read completes it.
          return;
        }
      }
      seen = end + 1;
    };
    xhr.open("POST", `/api/teams/${teamId}/import`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ stage: "upload", fraction: e.total ? e.loaded / e.total : 1 });
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.responseText && !xhr.responseText.endsWith("\n")) {
        try {
          const body = JSON.parse(xhr.responseText) as { message?: string; reason?: string };
          resolve({ ok: false, reason: body.reason ?? "INVALID", message: body.message ?? "The import was refused." });
          return;
        } catch {
          // fall through
        }
      }
      readLines();
      resolve(result ?? { ok: false, reason: "FAILED", message: "The server gave no answer, and nothing was imported. Try again." });
    };
    xhr.onerror = () => resolve({ ok: false, reason: "FAILED", message: "We couldn’t reach the server, and nothing was imported. Check your connection and try again." });
    xhr.send(new Blob([`${JSON.stringify(options)}\n`, file]));
  });
}
