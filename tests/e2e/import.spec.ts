import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { parseCsv } from "../../lib/csv/parse";
import { writeCsv } from "../../lib/csv/write";
import { watchConsole } from "./console";
import { DEMO, signIn } from "./session";

/**
 * The Acquisition product owner imports a real Jira Cloud export (tests/fixtures/jira/cloud-company-gazeus.csv,
 * 219 issues × 213 columns): re-maps two custom statuses and one assignee, chooses to skip the invalid rows
 * (43 whose epic is not in the file), imports, downloads the skipped rows with their reasons, fixes them in
 * "a spreadsheet" (clears the parent) and imports them. The project key is made unique per run so the spec can
 * run again on the same database; nothing else in the file is touched.
 */

const run = Date.now().toString(36).toUpperCase();
const project = `G${run}`;
const original = readFileSync(path.resolve("tests/fixtures/jira/cloud-company-gazeus.csv"), "utf8");
const exported = original.replace(/\bGP-(\d+)/g, `${project}-$1`);
const shots = process.env.IMPORT_SCREENSHOTS;

async function openImport(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Backlogs" }).click();
  const href = await page.getByRole("link", { name: /Acquisition/ }).first().getAttribute("href");
  await page.goto(`/teams/${/\d+/.exec(href ?? "")![0]}/backlog/import`);
  await expect(page.getByRole("heading", { level: 1, name: /Import into Acquisition/ })).toBeVisible();
}

async function choose(page: Page, name: string, buffer: string): Promise<void> {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(buffer, "utf8") });
  await expect(page.getByRole("heading", { name: `2. Map ${name}` })).toBeVisible();
}

test("a product owner imports a real Jira export, skips the rows that need fixing, fixes them and imports them", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO.productOwner);
  await openImport(page);
  // Start from the defaults (an earlier run on this database saved its choices for the team).
  const forget = page.getByRole("button", { name: "Forget them" });
  if (await forget.isVisible()) {
    await forget.click();
    await expect(forget).toBeHidden();
  }
  await choose(page, "gazeus.csv", exported);
  await expect(page.getByText("219 rows · 213 columns")).toBeVisible();

  // Two workflow statuses of their own, and one assignee who is a member here under another name.
  const validation = page.getByRole("combobox", { name: "Validation", exact: true });
  await expect(validation).toHaveValue("IN_PROGRESS"); // from its Status Category
  await validation.selectOption("IN_REVIEW");
  await page.getByRole("combobox", { name: "Ready to Validate", exact: true }).selectOption("IN_REVIEW");
  const assignee = page.getByRole("combobox", { name: "Rodrigo Vargas", exact: true });
  await expect(assignee).toHaveValue("UNASSIGNED");
  const member = (await assignee.locator("option").allInnerTexts()).find((o) => o !== "Leave unassigned")!;
  await assignee.selectOption({ label: member });
  if (shots) await page.screenshot({ path: `${shots}/import-mapping-1280.png`, fullPage: true });

  await page.getByRole("button", { name: "Preview the import" }).click();
  const summary = page.getByRole("group", { name: "What the import will do" }).or(page.getByLabel("What the import will do"));
  await expect(summary).toContainText("176 to create");
  await expect(summary).toContainText("43 rows with problems");
  await expect(page.getByRole("cell", { name: /Its parent .* is neither in the file nor in the backlog/ }).first()).toBeVisible();
  await page.getByRole("radio", { name: /Import the 176 valid rows and skip the rest/ }).check();
  // The page never scrolls sideways, at a laptop's width or a tablet's.
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  if (shots) {
    await page.getByRole("heading", { name: "3. Preview" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/import-preview-1280.png` });
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.getByRole("heading", { name: "3. Preview" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/import-preview-768.png` });
    await page.getByRole("heading", { name: "2. Map gazeus.csv" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/import-mapping-768.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  await page.getByRole("button", { name: "Import 176 rows" }).click();
  await expect(page.getByText("Imported into Acquisition’s backlog: 176 created, 0 updated, 43 skipped.")).toBeVisible({ timeout: 60_000 });
  if (shots) await page.screenshot({ path: `${shots}/import-done-1280.png` });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the 43 skipped rows (CSV)" }).click()]);
  const skippedText = readFileSync((await download.path())!, "utf8");
  const [header, ...skipped] = parseCsv(skippedText).records.map((r) => r.fields);
  expect(header!.at(-1)).toBe("Reason");
  expect(skipped).toHaveLength(43);
  expect(skipped[0]!.at(-1)).toMatch(/neither in the file nor in the backlog/);

  // Fixed in a spreadsheet: these stories are imported without their epic (Parent and Parent key cleared).
  const cleared = new Set(["Parent", "Parent key", "Parent summary"].map((h) => header!.indexOf(h)));
  const fixed = writeCsv([header!, ...skipped.map((row) => row.map((cell, i) => (cleared.has(i) ? "" : cell)))]);
  await choose(page, "gazeus-fixed.csv", fixed);
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(summary).toContainText("43 to create");
  await expect(summary).toContainText("0 rows with problems");
  await page.getByRole("button", { name: "Import 43 rows" }).click();
  await expect(page.getByText("Imported into Acquisition’s backlog: 43 created, 0 updated.")).toBeVisible({ timeout: 60_000 });

  // Everything is in the backlog now: the whole original file previews as unchanged.
  await choose(page, "gazeus-again.csv", exported);
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(summary).toContainText("0 to create");
  await expect(summary).toContainText("219 unchanged");
  expect(errors).toEqual([]);
});
