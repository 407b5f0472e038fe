/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallbackUrl(raw: string | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || raw.startsWith("/sign-in")) return "/dashboard";
  return raw;
}
