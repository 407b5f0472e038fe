/** Loading placeholders. Decorative: the wrapping region announces "Loading" once. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200/80 ${className}`} />;
}

/** A page-shaped placeholder: title, optional row of stat cards, and a table. */
export function PageSkeleton({ cards = 0, rows = 8, label = "Loading" }: { cards?: number; rows?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}…</span>
      <Skeleton className="h-7 w-56" />
      <Skeleton className="mt-2 mb-6 h-4 w-96 max-w-full" />
      {cards > 0 ? (
        <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
          {Array.from({ length: cards }, (_, i) => (
            <div key={i} className="rounded-xl border border-slate-200 bg-white p-5">
              <Skeleton className="h-3 w-24" />
              <Skeleton className="mt-3 h-7 w-16" />
            </div>
          ))}
        </div>
      ) : null}
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        <Skeleton className="mb-4 h-8 w-64" />
        <div className="space-y-3">
          {Array.from({ length: rows }, (_, i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      </div>
    </div>
  );
}
