import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";
import { unique } from "@/tests/support/factories";

const PASSWORD = "a long demo password";
let hash: string;
beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
});

async function makeLogin(active = true) {
  const email = `${unique("login")}@test.example`;
  await getDb().user.create({ data: { email, passwordHash: hash, orgRole: "MEMBER", active } });
  return email;
}

describe("sign-in", () => {
  it("accepts the right password (any email case) and records the sign-in time", async () => {
    const email = await makeLogin();
    const user = await authenticate({ email: email.toUpperCase(), password: PASSWORD }, "10.0.0.1");
    expect(user?.email).toBe(email);
    const stored = await getDb().user.findUnique({ where: { email } });
    expect(stored?.lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password, an unknown account and a deactivated account alike", async () => {
    const email = await makeLogin();
    expect(await authenticate({ email, password: "wrong" }, "10.0.0.2")).toBeNull();
    expect(await authenticate({ email: "nobody@test.example", password: PASSWORD }, "10.0.0.2")).toBeNull();
    expect(await authenticate({ email: await makeLogin(false), password: PASSWORD }, "10.0.0.2")).toBeNull();
    expect(await authenticate({ email: "not an email", password: PASSWORD }, "10.0.0.2")).toBeNull();
  });

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even from other addresses and with the right password`, async () => {
    const email = await makeLogin();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await authenticate({ email, password: "wrong" }, `10.1.0.${i}`)).toBeNull();
    }
    await expect(authenticate({ email, password: PASSWORD }, "10.1.1.1")).rejects.toThrow("RateLimited");
    // Another account is not affected.
    expect(await authenticate({ email: await makeLogin(), password: PASSWORD }, "10.1.1.1")).not.toBeNull();
  });

  it("counts an account's failures only since its last success", async () => {
    const email = await makeLogin();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await authenticate({ email, password: "wrong" }, "10.2.0.1");
    expect(await authenticate({ email, password: PASSWORD }, "10.2.0.1")).not.toBeNull();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await authenticate({ email, password: "wrong" }, "10.2.0.1");
    expect(await authenticate({ email, password: PASSWORD }, "10.2.0.1")).not.toBeNull();
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const address = "10.3.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await authenticate({ email: `guess-${i}@test.example`, password: "wrong" }, address);
    }
    await expect(authenticate({ email: await makeLogin(), password: PASSWORD }, address)).rejects.toThrow("RateLimited");
    expect(await authenticate({ email: await makeLogin(), password: PASSWORD }, "10.3.0.2")).not.toBeNull();
  });

  it("keeps the attempts in the database, so every app instance sees them", async () => {
    const rows = await getDb().signInAttempt.count({ where: { key: "address:10.3.0.1", succeeded: false } });
    expect(rows).toBeGreaterThanOrEqual(MAX_FAILURES_PER_ADDRESS);
  });
});
