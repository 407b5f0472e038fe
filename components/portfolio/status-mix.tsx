/** Leaf items by status as one thin stacked bar (done, doing, blocked, to do), with the counts as its label. */
export function StatusMix({ todo, doing, blocked, done }: { todo: number; doing: number; blocked: number; done: number }) {
  const total = todo + doing + blocked + done;
  const label = total === 0 ? "No items yet" : `${done} done, ${doing} in progress, ${blocked} blocked, ${todo} to do`;
  const parts = [
    { n: done, className: "bg-emerald-500" },
    { n: doing, className: "bg-indigo-500" },
    { n: blocked, className: "bg-rose-500" },
    { n: todo, className: "bg-slate-300" },
  ];
  return (
    <span className="flex items-center gap-2" title={label}>
      <span role="img" aria-label={label} className="flex h-1.5 w-12 shrink-0 overflow-hidden rounded-full bg-slate-100">
        {total > 0 ? parts.map((p, i) => (p.n > 0 ? <span key={i} className={p.className} style={{ width: `${(p.n / total) * 100}%` }} /> : null)) : null}
      </span>
      <span aria-hidden="true" className="text-xs whitespace-nowrap text-slate-500 tabular-nums">
        {total === 0 ? "—" : `${done}/${total}`}
        {blocked > 0 ? <span className="ml-1 rounded bg-rose-50 px-1 font-medium text-rose-700">{blocked} blocked</span> : null}
      </span>
    </span>
  );
}
