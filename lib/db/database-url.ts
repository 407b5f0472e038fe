/**
 * Checks a DATABASE_URL and turns connection failures into one line a person can act on.
 * Used by every entry point (app launcher, migrate, seed) so they all answer bad input the same way.
 */

export class DatabaseUrlError extends Error {}

const HINT =
  "Fix DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/portfolio) or unset it to use the embedded database.";

/** Parses a postgres URL; throws DatabaseUrlError with a readable message when it is malformed. */
export function parseDatabaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseUrlError(`DATABASE_URL is not a valid URL ("${redact(raw)}"). ${HINT}`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new DatabaseUrlError(
      `DATABASE_URL must start with postgresql:// (got "${url.protocol}//"). ${HINT}`,
    );
  }
  if (!url.hostname) throw new DatabaseUrlError(`DATABASE_URL has no host. ${HINT}`);
  if (url.pathname.length <= 1) {
    throw new DatabaseUrlError(`DATABASE_URL names no database (add /<name> after the host). ${HINT}`);
  }
  return url;
}

/** Hides the password of a URL-ish string for messages. */
export function redact(raw: string): string {
  return raw.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** Maps a driver error to one line: what is wrong with the database and how to fix it. */
export function describeConnectionError(error: unknown, rawUrl: string): string {
  const where = (() => {
    try {
      const u = new URL(rawUrl);
      return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
    } catch {
      return redact(rawUrl);
    }
  })();
  const e = error as { code?: string; message?: string };
  switch (e?.code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: connection refused. Start the server or ${lower(HINT)}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the database host in ${where}. ${HINT}`;
    case "ETIMEDOUT":
      return `Timed out connecting to PostgreSQL at ${where}. ${HINT}`;
    case "3D000":
      return `Database ${where} does not exist. Create it (createdb) or ${lower(HINT)}`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the credentials. ${HINT}`;
    default:
      return `Cannot use the database at ${where}: ${e?.message ?? String(error)}. ${HINT}`;
  }
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
