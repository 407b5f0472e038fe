import { NextResponse, type NextRequest } from "next/server";
import { unsubscribe } from "@/lib/mail/mutations";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe from an e-mail, no sign-in: the signed link names the person and the kind of notice
 * (lib/mail/unsubscribe.ts). GET (a click) turns it off and shows the confirmation page; POST is RFC 8058's
 * one-click from the mail client's own button.
 */
async function handle(request: NextRequest, redirect: boolean) {
  const token = request.nextUrl.searchParams.get("t") ?? "";
  const claim = verifyUnsubscribeToken(token);
  const done = claim ? await unsubscribe(claim.personId, claim.kind) : { ok: false, what: "" };
  if (!redirect) return NextResponse.json({ ok: done.ok }, { status: done.ok ? 200 : 400 });
  const url = new URL("/unsubscribed", request.nextUrl.origin);
  if (done.ok) url.searchParams.set("what", done.what);
  else url.searchParams.set("invalid", "1");
  return NextResponse.redirect(url, 303);
}

export const GET = (request: NextRequest) => handle(request, true);
export const POST = (request: NextRequest) => handle(request, false);
