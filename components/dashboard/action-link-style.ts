/**
 * The look of the dashboard's header actions (Export CSV, Print view, Print): a plain string so server and client
 * components share it (components/admin/form-parts.tsx has the same, but a server component importing from a
 * client module gets a reference, not the string).
 */
export const actionLinkStyle =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60";
