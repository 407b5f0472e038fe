"use client";

import { useEffect, useRef } from "react";

/**
 * What an error.tsx boundary shows: a plain message and a retry. Never the error's message or stack (in
 * production it is a generic string anyway); the digest lets support match the server log.
 */
export function RouteError({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div role="alert" className="mx-auto mt-8 max-w-lg rounded-xl border border-rose-200 bg-white p-6 text-center shadow-sm">
      <div className="mx-auto flex size-10 items-center justify-center rounded-full bg-rose-50 text-rose-600">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path fillRule="evenodd" d="M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
        </svg>
      </div>
      <h1 ref={headingRef} tabIndex={-1} className="mt-3 text-lg font-semibold text-slate-900 focus:outline-none">
        We couldn’t load {what}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Something went wrong on our side. It may be a temporary problem — please try again.
      </p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Try again
      </button>
      {digest ? <p className="mt-3 text-xs text-slate-500">Reference: {digest}</p> : null}
    </div>
  );
}
