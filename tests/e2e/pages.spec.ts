import { expect, test } from "@playwright/test";
import { watchConsole } from "./console";
import { DEMO, signIn } from "./session";

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.leader);
});

/** Every board of the app shell loads with the demo data and logs no console error. */
const boards = [
  { name: "Dashboard", path: "/dashboard" },
  { name: "Portfolio", path: "/portfolio" },
  { name: "Teams", path: "/teams" },
  { name: "Backlogs", path: "/backlogs" },
  { name: "Dependencies", path: "/dependencies" },
  { name: "Services", path: "/services" },
  { name: "KPIs", path: "/kpis" },
];

for (const board of boards) {
  test(`${board.name} shows demo data without console errors`, async ({ page }) => {
    const errors = watchConsole(page);
    const response = await page.goto(board.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Navigation marks the current board.
    await expect(page.getByRole("navigation").getByRole("link", { name: board.name })).toHaveAttribute("aria-current", "page");
    // Real rows from the database: a table with at least one body row, or (dashboard) figures.
    if (board.path === "/dashboard") {
      await expect(page.getByText(/blocked/i).first()).toBeVisible();
    } else if (board.path !== "/backlogs") {
      await expect(page.locator("table tbody tr").first()).toBeVisible();
    }
    await page.waitForLoadState("load");
    await page.waitForTimeout(300); // let hydration report any console error
    expect(errors).toEqual([]);
  });
}

test("the navigation reaches a team, its backlog, and back", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation").getByRole("link", { name: "Teams" }).click();
  await page.getByRole("link", { name: "Acquisition", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Acquisition");
  await expect(page.getByText(/product owner/i).first()).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Backlogs" }).click();
  // The team's own backlog link (the page also links dependencies and items that mention the team).
  await page.locator('main a[href^="/backlogs/"]', { hasText: "Acquisition" }).first().click();
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await page.waitForLoadState("load");
  await page.waitForTimeout(300); // let hydration report any console error
  expect(errors).toEqual([]);
});

test("an unknown team is a friendly 404, not an error", async ({ page }) => {
  const response = await page.goto("/teams/999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  const bad = await page.goto("/teams/not-a-number");
  expect(bad?.status()).toBe(404);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.ok()).toBe(true);
  expect(await response.json()).toMatchObject({ status: "ok" });
});
