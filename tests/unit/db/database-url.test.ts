import { describe, expect, it } from "vitest";
import { DatabaseUrlError, describeConnectionError, parseDatabaseUrl, redact } from "@/lib/db/database-url";

describe("parseDatabaseUrl", () => {
  it("accepts postgres and postgresql URLs", () => {
    expect(parseDatabaseUrl("postgresql://u:p@db:5432/app").hostname).toBe("db");
    expect(parseDatabaseUrl("postgres://db/app").pathname).toBe("/app");
  });

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://db/app", /must start with postgresql:\/\//],
    ["postgresql://db", /names no database/],
    ["postgresql://db/", /names no database/],
  ])("refuses %s with a message that says how to fix it", (raw, message) => {
    expect(() => parseDatabaseUrl(raw)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(raw)).toThrow(message);
    expect(() => parseDatabaseUrl(raw)).toThrow(/unset it to use the embedded database/);
  });

  it("never echoes a password", () => {
    expect(redact("postgresql://user:s3cret@db/app")).toBe("postgresql://user:***@db/app");
    expect(() => parseDatabaseUrl("mysql://user:s3cret@db/app")).not.toThrow(/s3cret/);
  });
});

describe("describeConnectionError", () => {
  const url = "postgresql://u:secret@db.internal:6543/app";
  it.each([
    ["ECONNREFUSED", /Cannot reach PostgreSQL at db.internal:6543\/app: connection refused/],
    ["ENOTFOUND", /Cannot resolve the database host/],
    ["3D000", /does not exist/],
    ["28P01", /refused the credentials/],
  ])("turns %s into one line", (code, message) => {
    const line = describeConnectionError({ code, message: "x" }, url);
    expect(line).toMatch(message);
    expect(line).not.toContain("\n");
    expect(line).not.toContain("secret");
  });
});
