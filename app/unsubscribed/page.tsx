import Link from "next/link";

export const metadata = { title: "E-mail preferences · Marketing Portfolio" };

/** Where an unsubscribe link lands (no sign-in needed). */
export default async function UnsubscribedPage({ searchParams }: { searchParams: Promise<{ what?: string; invalid?: string }> }) {
  const { what, invalid } = await searchParams;
  const ok = !invalid && typeof what === "string";
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">{ok ? "You are unsubscribed" : "That link does not work"}</h1>
      <p className="mt-4 text-slate-700">
        {ok
          ? `We will not e-mail you about “${what.slice(0, 120)}” any more. Notices still appear in your inbox in the app.`
          : "The unsubscribe link is incomplete or was changed. Use the link from the e-mail as it is, or choose what you get on your account page."}
      </p>
      <p className="mt-6">
        <Link className="text-blue-700 underline" href="/account">
          Choose which e-mails you get
        </Link>
      </p>
    </main>
  );
}
