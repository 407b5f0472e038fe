import Link from "next/link";
import type { ItemRefDto } from "@/lib/items/queries";
import { enumLabel } from "@/lib/format/enum-label";

/** Where the item sits: its ancestors from the theme down, each a link, then the item itself. */
export function ParentChain({ parents, current }: { parents: ItemRefDto[]; current: { key: string } }) {
  if (parents.length === 0) return null;
  return (
    <nav aria-label="Parent items" className="mb-3">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-slate-500">
        {parents.map((parent) => (
          <li key={parent.id} className="flex min-w-0 items-center gap-1.5">
            <Link
              href={`/items/${parent.id}`}
              title={parent.title}
              className="max-w-xs min-w-0 truncate rounded hover:text-slate-900 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
            >
              <span className="sr-only">{enumLabel(parent.level)} </span>
              <span className="font-mono text-xs">{parent.key}</span> <span className="max-sm:hidden">{parent.title}</span>
            </Link>
            <span aria-hidden="true" className="text-slate-300">
              /
            </span>
          </li>
        ))}
        <li aria-current="page" className="font-mono text-xs text-slate-700">
          {current.key}
        </li>
      </ol>
    </nav>
  );
}
