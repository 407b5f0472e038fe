import { expect, test } from "@playwright/test";
import { watchConsole } from "./console";
import { DEMO, DEMO_PASSWORD, signIn } from "./session";

test("every page but sign-in requires a session", async ({ page }) => {
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.agileLead);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/do not match an active account/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  // The failed sign-in answers 401 in the network log; nothing else may fail.
  expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
});

test("signing in returns to the page asked for, and signing out ends the session", async ({ page }) => {
  await page.goto("/dependencies");
  await page.getByLabel("Email").fill(DEMO.agileLead);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dependencies$/);
  await page.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("session cookies are httpOnly and sameSite", async ({ page, context }) => {
  await signIn(page, DEMO.viewer);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  // The browser tests run the production build: cookies are Secure (browsers accept them on localhost).
  expect(cookie!.secure).toBe(true);
});

test("responses carry a Content-Security-Policy and other security headers", async ({ request }) => {
  const response = await request.get("/sign-in");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
});
