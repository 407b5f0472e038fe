import type { ReactNode } from "react";

/** Label/value pairs for a detail page. */
export function FactList({ facts }: { facts: ReadonlyArray<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2">
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{fact.label}</dt>
          <dd className="mt-1 text-sm text-slate-900">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
