/**
 * Progress of a long import, reported from inside the write to whoever started it (the upload route streams it
 * to the browser). AsyncLocalStorage carries the listener through the guarded action without widening its input.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type ImportPhase = "reading" | "planning" | "writing" | "done";
export type ProgressListener = (phase: ImportPhase, done: number, total: number) => void;

const storage = new AsyncLocalStorage<ProgressListener>();

/** Runs `work` with `listener` receiving every progress report made inside it. */
export function withProgress<T>(listener: ProgressListener, work: () => Promise<T>): Promise<T> {
  return storage.run(listener, work);
}

/** Reports progress to the surrounding listener, if any (a no-op in tests and plain actions). */
export function reportProgress(phase: ImportPhase, done: number, total: number): void {
  storage.getStore()?.(phase, done, total);
}
