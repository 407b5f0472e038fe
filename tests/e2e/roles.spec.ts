import { type Browser, expect, type Page, test } from "@playwright/test";
import { watchConsole } from "./console";
import { DEMO, signIn } from "./session";

/** Each demo role signs in and sees what it may see (and no more). */

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** The Acquisition backlog page, reached the way a person would. */
async function openAcquisitionBacklog(page: Page) {
  await nav(page).getByRole("link", { name: "Backlogs" }).click();
  // The team's own backlog link (the page also links dependencies and items that mention the team).
  await page.locator('main a[href^="/backlogs/"]', { hasText: "Acquisition" }).first().click();
  await expect(page.locator("table tbody tr").first()).toBeVisible();
}

/** The first story of the Acquisition backlog, on its own page. */
async function openFirstItem(page: Page) {
  await openAcquisitionBacklog(page);
  await page.locator("table tbody tr").first().getByRole("link", { name: /^(STORY|FEAT)-\d+$/ }).first().click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
}

test("admin: manages users, sees Admin and Activity", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.admin);
  await expect(nav(page).getByRole("link", { name: "Admin" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Activity" })).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("button", { name: `Edit ${DEMO.viewer}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Deactivate ${DEMO.viewer}` })).toBeVisible();
  expect(errors).toEqual([]);
});

test("leader: sees the activity feed and can re-rank, but not manage users", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await expect(nav(page).getByRole("link", { name: "Activity" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByText(/only administrators/i)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Deactivate / })).toHaveCount(0);
  await page.goto("/dashboard");
  await openAcquisitionBacklog(page);
  await expect(page.getByRole("button", { name: /^Move .+ down$/ }).first()).toBeVisible();
});

test("product owner: re-ranks their own backlog; no admin or activity", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.productOwner);
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Activity" })).toHaveCount(0);
  await openAcquisitionBacklog(page);
  const firstKey = await page.locator("table tbody tr").first().getByRole("link").first().innerText();
  await page.getByRole("button", { name: new RegExp(`^Move ${firstKey} .+ down$`) }).click();
  await expect(page.locator("table tbody tr").nth(1).getByRole("link").first()).toHaveText(firstKey);
  // Put it back so the demo stays as seeded.
  await page.getByRole("button", { name: new RegExp(`^Move ${firstKey} .+ up$`) }).click();
  await expect(page.locator("table tbody tr").first().getByRole("link").first()).toHaveText(firstKey);
  await openFirstItem(page);
  await expect(page.getByRole("button", { name: /^Edit (STORY|FEAT)-\d+$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test("agile lead: no re-rank controls on the backlog", async ({ page }) => {
  await signIn(page, DEMO.agileLead);
  await openAcquisitionBacklog(page);
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
});

test("viewer: reads everything and finds no edit controls anywhere", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Activity" })).toHaveCount(0);
  await openAcquisitionBacklog(page);
  await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
  await openFirstItem(page);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.locator("form")).toHaveCount(0);
  for (const path of ["/dashboard", "/portfolio", "/teams", "/dependencies", "/services", "/kpis"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Sign out is the only button-like control a viewer gets in forms.
    const forms = page.locator("main form");
    await expect(forms).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test("a deactivated user loses access on their next request, even with a live session", async ({ page, browser }) => {
  const other = await newSignedInPage(browser, "finance@northwind.example");
  await other.goto("/teams");
  await expect(other.getByRole("heading", { level: 1 })).toBeVisible();

  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Deactivate finance@northwind.example" }).click();
  await page.getByRole("button", { name: "Confirm: deactivate finance@northwind.example" }).click();
  await expect(page.getByRole("button", { name: "Reactivate finance@northwind.example" })).toBeVisible();

  await other.goto("/dashboard");
  await expect(other).toHaveURL(/\/sign-in/);

  await page.getByRole("button", { name: "Reactivate finance@northwind.example" }).click();
  await expect(page.getByRole("button", { name: "Deactivate finance@northwind.example" })).toBeVisible();
  await other.context().close();
});

async function newSignedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
