import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";

/**
 * What a signed-in user sees on a page their role does not open: a plain explanation and a way on. (The
 * page answers 200: nothing is hidden by the status, and nothing about the data is shown.)
 */
export function RestrictedPanel({ title, description }: { title: string; description: string }) {
  return (
    <div className="mx-auto mt-8 max-w-lg rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm">
      <div className="mx-auto flex size-10 items-center justify-center rounded-full bg-slate-100 text-slate-600">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path
            fillRule="evenodd"
            d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z"
            clipRule="evenodd"
          />
        </svg>
      </div>
      <h1 className="mt-3 text-lg font-semibold text-slate-900">{title}</h1>
      <p className="mt-1 text-sm text-slate-600">{description}</p>
      <Link
        href="/dashboard"
        className={buttonStyles({ className: "mt-4" })}
      >
        Go to the dashboard
      </Link>
    </div>
  );
}
