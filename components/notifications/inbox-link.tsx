import Link from "next/link";

/** The top bar's inbox: a bell with the unread count (the count is in the accessible name too). */
export function InboxLink({ unread }: { unread: number }) {
  const label = unread === 0 ? "Inbox, no unread notifications" : `Inbox, ${unread} unread notification${unread === 1 ? "" : "s"}`;
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-surface-sunken hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.7}>
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M14.86 17.08a24 24 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.09 5.45 1.31m5.72 0a24.25 24.25 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0"
        />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-[1.15rem] rounded-full bg-rose-600 px-1 text-center text-[10px] leading-[1.15rem] font-semibold text-white tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
