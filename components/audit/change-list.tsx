import type { FieldChange } from "./describe-event";

const MAX_SHOWN = 6;

/** A compact before → after list of changed fields; long lists are cut with a count of the rest. */
export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  if (changes.length === 0) return null;
  const shown = changes.slice(0, MAX_SHOWN);
  const rest = changes.length - shown.length;
  return (
    <dl className="mt-1.5 flex flex-col gap-0.5 text-xs">
      {shown.map((change) => (
        <div key={change.field} className="flex min-w-0 flex-wrap gap-x-1.5">
          <dt className="font-medium text-slate-500">{change.field}:</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere] text-slate-700">
            {change.before !== undefined && change.after !== undefined ? (
              <>
                <span className="text-slate-500">{change.before}</span>
                <span aria-hidden="true" className="mx-1 text-slate-500">
                  →
                </span>
                <span className="sr-only"> changed to </span>
                <span className="font-medium text-slate-900">{change.after}</span>
              </>
            ) : change.after !== undefined ? (
              <span className="font-medium text-slate-900">{change.after}</span>
            ) : (
              <>
                <span className="sr-only">removed: </span>
                <span className="text-slate-500 line-through">{change.before}</span>
              </>
            )}
          </dd>
        </div>
      ))}
      {rest > 0 ? (
        <div>
          <dt className="sr-only">More</dt>
          <dd className="text-slate-500">
            and {rest} more {rest === 1 ? "field" : "fields"}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
