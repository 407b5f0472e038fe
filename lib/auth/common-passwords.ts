import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/*
 * The bundled common-password list: the ~49,000 most common passwords from public breach corpora, as shipped
 * by @zxcvbn-ts/language-common (offline, no lookup service). Loaded once, on the first check.
 */
let common: ReadonlySet<string> | undefined;
function list(): ReadonlySet<string> {
  common ??= new Set((dictionary["passwords-common"] ?? []).map((p) => String(p).toLowerCase()));
  return common;
}

const SUFFIX = /[\d\W_]{1,6}$/u;
const PREFIX = /^[\d\W_]{1,6}/u;

/**
 * Why a password that meets the length rule is still too easy to guess, or null. Refused: a listed password;
 * a listed password with up to six digits or symbols before or after it ("password1234", "!!dragon2024");
 * three or fewer distinct characters; the user's own email address or its name part.
 */
export function commonPasswordReason(password: string, email?: string): string | null {
  const p = password.normalize("NFC").toLowerCase();
  const set = list();
  const stems = [p, p.replace(SUFFIX, ""), p.replace(PREFIX, ""), p.replace(PREFIX, "").replace(SUFFIX, "")];
  if (stems.some((s) => s.length >= 4 && set.has(s))) return "That password is on the list of most common passwords; choose a longer phrase of your own";
  if (new Set(p).size <= 3) return "That password repeats too few characters; choose a longer phrase of your own";
  if (email) {
    const e = email.toLowerCase();
    const name = e.split("@")[0] ?? "";
    if (p.includes(e) || (name.length >= 4 && p.replace(SUFFIX, "") === name)) return "Do not use your email address as your password";
  }
  return null;
}
