import { expect, test } from "@playwright/test";
import { watchConsole } from "./console";
import { METRIC_IDS, METRICS } from "../../lib/metrics/definitions";
import { DEMO, signIn } from "./session";

/** The Monday-morning path of a marketing leader through the rollup dashboard. */

test("a leader scopes the dashboard to one value stream and drills into blocked work", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.leader);
  // The first render of a cold server runs every metric query: allow it time on a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio dashboard" })).toBeVisible({ timeout: 30_000 });

  // Every metric carries its definition: focus the "i" beside Blocked work and read it.
  const info = page.getByRole("button", { name: "What Blocked work means" });
  await info.focus();
  const tooltip = page.getByRole("tooltip").filter({ hasText: "Active items (in a running sprint or in progress) that are blocked ÷ active items." });
  await expect(tooltip).not.toHaveClass(/sr-only/);
  await expect(tooltip).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(tooltip).toHaveClass(/sr-only/);

  // Scope: one value stream.
  await page.getByLabel("Scope").selectOption({ label: "Acquisition value stream" });
  await expect(page).toHaveURL(/scope=vs%3A\d+/);
  await expect(page.getByText(/^Acquisition · /)).toBeVisible({ timeout: 30_000 });

  // Drill into blocked work, keeping the scope.
  const number = page.getByRole("link", { name: /^Blocked work: .+ Show the rows behind it$/ });
  const shown = (await number.getAttribute("aria-label"))!.match(/^Blocked work: (.+)\. Show/)![1]!;
  await number.click();
  await expect(page).toHaveURL(/\/dashboard\/drill\/blocked-work\?.*scope=vs%3A\d+/);
  await expect(page.getByRole("heading", { level: 1, name: "Blocked work" })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("main")).toContainText(shown);

  // Landed on the blocked items: every one of them is blocked (status, or an unresolved dependency), and there
  // are as many as the number says ("n of m active items blocked").
  const madeOf = (await page.getByText(/^\d+ of \d+ active items? blocked$/).textContent())!;
  const blockedCount = Number(madeOf.split(" ")[0]);
  const blocked = page.getByRole("table", { name: "Blocked items", exact: true });
  await expect(blocked).toBeVisible();
  await expect(blocked.locator("tbody tr")).toHaveCount(blockedCount);
  for (const row of await blocked.locator("tbody tr").all()) {
    await expect(row.getByRole("cell").last()).toHaveText(/status Blocked|DEP-\d+/);
    await expect(row).toContainText("Acquisition");
  }
  // The rest of the denominator is listed too.
  await expect(page.getByRole("table", { name: "Active items that are not blocked", exact: true })).toBeVisible();

  // An item opens from the list.
  await blocked.locator("tbody tr").first().getByRole("link", { name: /^(STORY|FEAT)-\d+$/ }).click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("the dashboard's numbers export as CSV and print for the monthly review", async ({ page }) => {
  await signIn(page, DEMO.leader);
  const csv = await page.request.get("/api/dashboard/export?period=12w&scope=portfolio");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("metric,value,shown_as,numerator,denominator,unit,made_of,definition,period_start,period_end,scope");
  expect(lines.some((l) => l.startsWith("Goal contribution,"))).toBe(true);

  await page.goto("/dashboard?period=12w");
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByText("Monthly value review")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("rowheader", { name: "Sprint goal attainment" })).toBeVisible();
});

test("every number on the dashboard opens the rows behind it", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.leader);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio dashboard" })).toBeVisible({ timeout: 30_000 });
  const links = page.getByRole("link", { name: /: .+\. Show the rows behind it$/ });
  await expect(links).toHaveCount(METRIC_IDS.length);
  for (const id of METRIC_IDS) {
    await page.goto(`/dashboard/drill/${id}?period=12w&scope=portfolio`);
    await expect(page.getByRole("heading", { level: 1, name: METRICS[id].label })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(METRICS[id].definition, { exact: true })).toBeVisible();
  }
  expect(errors).toEqual([]);
});
