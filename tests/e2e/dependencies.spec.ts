import { writeFileSync } from "node:fs";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { watchConsole } from "./console";
import { DEMO, signIn } from "./session";

/*
 * An agile lead logs a dependency on another pod, that pod's lead accepts it, and it turns overdue once its
 * date passes. Time moves on two clocks: the server's (lib/clock.ts reads the file playwright.config.ts names
 * in TEST_CLOCK_FILE) and the browser's (page.clock), moved together.
 */

// Pages here run the notification sweep and several queries: give them time on a loaded machine.
const expect = baseExpect.configure({ timeout: 15_000 });
test.setTimeout(180_000);

const ACTIVATION_LEAD = "lead.activation@northwind.example";
const DAY = 86_400_000;
const clockFile = process.env.TEST_CLOCK_FILE;

/** The server's "now" (empty: the real clock). */
function setServerClock(at: Date | null): void {
  if (!clockFile) throw new Error("TEST_CLOCK_FILE is not set: run through playwright.config.ts");
  writeFileSync(clockFile, at ? at.toISOString() : "");
}

/** A calendar day in London, where the demo organisation works. */
const londonDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

async function signedIn(browser: Browser, email: string, at: Date): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(at);
  await signIn(page, email);
  return page;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => setServerClock(null));
test.afterAll(() => setServerClock(null));

test("an agile lead logs a dependency, the other pod's lead accepts it, and it turns overdue when its date passes", async ({ browser }) => {
  const start = new Date();
  const neededBy = londonDay(new Date(start.getTime() + DAY));
  const description = `E2E: conversion events for the spring launch ${start.getTime()}`;

  // 1. Acquisition's agile lead logs it from the board, in one form.
  const lead = await signedIn(browser, DEMO.agileLead, start);
  const leadErrors = watchConsole(lead);
  await lead.goto("/dependencies");
  await lead.getByRole("link", { name: "Log a dependency" }).first().click();
  await expect(lead.getByRole("heading", { level: 1, name: "Log a dependency" })).toBeVisible();
  await expect(lead.getByLabel("Team", { exact: true })).toHaveValue(/\d+/);
  await lead.getByLabel("Team or shared service").selectOption({ label: "Activation" });
  await expect(lead.getByLabel("Owner on their side")).toBeEnabled();
  await lead.getByLabel("Type").selectOption({ label: "Data need" });
  await lead.getByLabel("Needed by").fill(neededBy);
  await lead.getByLabel("What do you need?").fill(description);
  await lead.getByRole("button", { name: "Log dependency" }).click();
  await expect(lead).toHaveURL(/\/dependencies\/\d+$/);
  const dependencyUrl = new URL(lead.url()).pathname;
  await expect(lead.getByRole("heading", { level: 1 })).toContainText("Acquisition");
  await expect(lead.getByRole("heading", { level: 1 })).toContainText("Activation");
  await expect(lead.getByText(description)).toBeVisible();
  await expect(lead.locator("main").getByText("Open", { exact: true }).first()).toBeVisible();
  expect(leadErrors).toEqual([]);
  await lead.context().close();

  // 2. Activation's agile lead finds it in the inbox and accepts it.
  const other = await signedIn(browser, ACTIVATION_LEAD, start);
  const otherErrors = watchConsole(other);
  await expect(other.getByRole("link", { name: /Inbox, \d+ unread/ })).toBeVisible();
  await other.getByRole("link", { name: /Inbox/ }).click();
  await expect(other).toHaveURL(/\/inbox$/);
  await other.locator(`a[href="${dependencyUrl}"]`).first().click();
  await expect(other).toHaveURL(new RegExp(`${dependencyUrl}$`));
  await expect(other.getByRole("heading", { name: "Your answer" })).toBeVisible();
  await other.getByRole("button", { name: "Accept", exact: true }).click();
  // A toast (Radix also announces it once in a live region, hence first()).
  await expect(other.getByText(/Accepted DEP-\d+\. The requesting team has been told\./).first()).toBeVisible();
  await expect(other.locator("main").getByText("Accepted", { exact: true }).first()).toBeVisible();
  await expect(other.locator("main").getByText("Overdue", { exact: true })).toHaveCount(0);
  expect(otherErrors).toEqual([]);

  // 3. Three days later (server and browser), the needed-by date has passed: it is overdue everywhere.
  const later = new Date(start.getTime() + 3 * DAY);
  setServerClock(later);
  await other.clock.setFixedTime(later);
  await other.reload();
  await expect(other.locator("main").getByText("Overdue", { exact: true }).first()).toBeVisible();
  await expect(other.getByText(/\(overdue\)/)).toBeVisible();
  const key = (await other.getByRole("heading", { level: 1 }).locator("span").first().textContent())?.trim() ?? "";
  expect(key).toMatch(/^DEP-\d+$/);

  // On the board its card sits under Accepted with an Overdue badge.
  await other.goto("/dependencies");
  const column = other.getByRole("region", { name: /^Accepted/ });
  const card = column.getByRole("article").filter({ hasText: key });
  await expect(card).toBeVisible();
  await expect(card.getByText("Overdue", { exact: true })).toBeVisible();

  // And the owners hear about it in their inbox (the sweep runs on these pages).
  await other.goto("/inbox");
  await expect(other.getByRole("link", { name: new RegExp(`${key} is past its needed-by date`) })).toBeVisible();
  expect(otherErrors).toEqual([]);
  await other.context().close();
});

test("the dependency map draws teams and links every arrow to its dependency", async ({ browser }) => {
  const page = await signedIn(browser, DEMO.leader, new Date());
  const errors = watchConsole(page);
  await page.goto("/dependencies/map");
  const map = page.getByRole("group", { name: /Dependency map/ });
  await expect(map).toBeVisible();
  const arrow = map.getByRole("link", { name: /^DEP-\d+: .+ waits on .+, overdue$/ }).first();
  await expect(arrow).toBeVisible();
  const label = (await arrow.getAttribute("aria-label")) ?? "";
  // Arrows are SVG links: keyboard users reach them with Tab and open them with Enter.
  await arrow.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dependencies\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(label.split(":")[0]!);
  expect(errors).toEqual([]);
  await page.context().close();
});
