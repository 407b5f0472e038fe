import { type NextRequest, NextResponse } from "next/server";

/**
 * An optimistic gate: a request without a session cookie is sent to the sign-in page. The real check (a valid
 * session of an active user) happens in every page and server action, which never trust this one.
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    // A request id for the logs (lib/log/logger.ts): the one a load balancer sent, or a new one.
    const headers = new Headers(request.headers);
    if (!headers.has("x-request-id")) headers.set("x-request-id", crypto.randomUUID());
    return NextResponse.next({ request: { headers } });
  }
  const url = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the auth and health endpoints, the token-authenticated API, the signed unsubscribe
  // link, and static assets.
  matcher: ["/((?!sign-in|api/auth|api/health|api/v1|api/unsubscribe|unsubscribed|_next/static|_next/image|favicon.ico|icon.svg|logo.svg|robots.txt).*)"],
};
