import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const exec = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

/** Runs an npm-script entry point with a given DATABASE_URL; resolves with exit code and stderr. */
async function runWith(url: string, script: string, ...args: string[]) {
  try {
    await exec(tsx, [script, ...args], { env: { ...process.env, DATABASE_URL: url }, timeout: 60_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: e.code ?? -1, stderr: e.stderr ?? "" };
  }
}

describe("entry points answer a bad DATABASE_URL with one clear line and a non-zero exit", () => {
  const cases: [string, string, RegExp][] = [
    ["malformed", "definitely not a url", /DATABASE_URL is not a valid URL/],
    ["wrong scheme", "mysql://root@127.0.0.1/app", /must start with postgresql/],
    ["unreachable", "postgresql://postgres@127.0.0.1:1/app", /Cannot reach PostgreSQL at 127.0.0.1:1\/app: connection refused/],
  ];
  for (const [name, url, message] of cases) {
    it(`${name}: app launcher, db:migrate and db:seed`, async () => {
      for (const args of [["node", "-e", "1"], ["tsx", "scripts/migrate.ts"], ["tsx", "prisma/seed.ts"]]) {
        const { code, stderr } = await runWith(url, "scripts/with-db.ts", ...args);
        expect(code).toBe(1);
        expect(stderr.trim()).toMatch(message);
        expect(stderr.trim().split("\n")).toHaveLength(1);
      }
    });
  }

  it("db:migrate itself (when run without the launcher) also answers in one line", async () => {
    const { code, stderr } = await runWith("postgresql://postgres@127.0.0.1:1/app", "scripts/migrate.ts");
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/connection refused/);
  });
});
