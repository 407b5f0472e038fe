import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchConsole } from "./console";
import { DEMO, signIn } from "./session";

/** Opens the add-member dialog, picks the person (by name) and role, and submits. */
async function addMember(page: Page, person: string, role: string, allocation?: number): Promise<Locator> {
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // The person picker is searchable (a combobox): type the name, choose the match.
  await dialog.getByRole("combobox", { name: "Person" }).click();
  await page.getByPlaceholder("Search people…").fill(person);
  await page.getByRole("option", { name: new RegExp(person) }).first().click();
  await dialog.getByLabel("Role").selectOption({ label: role });
  if (allocation !== undefined) await dialog.getByLabel("Allocation %").fill(String(allocation));
  await dialog.getByRole("button", { name: "Add member" }).click();
  return dialog;
}

const membersTable = (page: Page) => page.getByRole("table", { name: /members$/ });

/** Removes everyone from the team on this page, through the UI (so a re-run finds the demo people free again). */
async function removeAllMembers(page: Page): Promise<void> {
  const removeButtons = page.getByRole("button", { name: /^Remove .+ from / });
  while ((await removeButtons.count()) > 0) {
    const label = (await removeButtons.first().getAttribute("aria-label")) ?? "";
    const member = /^Remove (.+) from /.exec(label)?.[1] ?? "";
    await removeButtons.first().click();
    await page.getByRole("button", { name: `Confirm: ${label.charAt(0).toLowerCase()}${label.slice(1)}` }).click();
    await expect(page.getByText(new RegExp(`^${member} left `)).first()).toBeVisible();
    await expect(membersTable(page).getByRole("link", { name: member, exact: true })).toHaveCount(0);
  }
}

let createdTeamUrl: string | null = null;
test.afterEach(async ({ page }) => {
  // The demo database outlives a run: free the people this journey staffed, even if it failed half-way.
  if (!createdTeamUrl) return;
  await page.goto(createdTeamUrl);
  await removeAllMembers(page);
  createdTeamUrl = null;
});

test("a leader creates a pod, staffs it, and is refused double-booking a designer", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.leader);
  const name = `Partnerships ${Date.now().toString(36)}`;

  await page.goto("/teams");
  await page.getByRole("link", { name: "New team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New team" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Value stream", { exact: true }).selectOption({ label: "EMEA Launch" });
  await page.getByLabel("Mission", { exact: true }).fill("Launch Northwind in DACH and the Nordics with partner-led campaigns.");
  await page.getByRole("button", { name: "Create team" }).click();

  await expect(page).toHaveURL(/\/teams\/\d+$/);
  createdTeamUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // An empty pod: no product owner and nothing it can ship yet.
  await expect(page.getByText("No product owner").first()).toBeVisible();
  await expect(page.getByText("Incomplete team").first()).toBeVisible();

  // Staff it.
  await addMember(page, "Jonas Weber", "Product Owner", 100);
  await expect(page.getByText(`Jonas Weber joined ${name} as Product Owner.`).first()).toBeVisible();
  await addMember(page, "Ellie Davies", "Content Strategist", 100);
  await expect(page.getByText(`Ellie Davies joined ${name} as Content Strategist.`).first()).toBeVisible();
  await expect(membersTable(page).getByRole("link", { name: "Jonas Weber" })).toBeVisible();
  await expect(membersTable(page).getByRole("link", { name: "Ellie Davies" })).toBeVisible();
  await expect(page.getByText("No product owner")).toHaveCount(0);

  // A second product owner is a question, not a silent replacement.
  const dialog = await addMember(page, "Farah Aziz", "Product Owner", 50);
  await expect(dialog.getByText("Jonas Weber is the product owner; replace them?")).toBeVisible();
  await dialog.getByRole("button", { name: "Keep the current one" }).click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Chloe Martin already designs for the Acquisition and Brand & Content pods: refused, with the pods named.
  const refused = await addMember(page, "Chloe Martin", "Designer", 20);
  await expect(
    refused.getByText("Chloe Martin is already a Designer in the Acquisition and Brand & Content pods; a person delivers in one pod only. Oversight roles are exempt."),
  ).toBeVisible();
  await refused.getByRole("button", { name: "Cancel" }).click();
  await expect(membersTable(page).getByRole("link", { name: "Chloe Martin" })).toHaveCount(0);
  await expect(membersTable(page).getByRole("row")).toHaveCount(3); // header + two members

  // Leaving the pod is allowed; without a product owner it shows the finding again.
  await removeAllMembers(page);
  await expect(page.getByText("No product owner").first()).toBeVisible();

  // The new pod is on the teams board and the org chart.
  await page.goto("/teams");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await page.goto("/org");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});

test("a viewer sees a team page without any edit controls", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  await page.goto("/teams");
  await expect(page.getByRole("link", { name: "New team" })).toHaveCount(0);
  await page.getByRole("link", { name: "Acquisition", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Acquisition" })).toBeVisible();
  await expect(membersTable(page).getByRole("row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /edit|add|move|remove|replace/i })).toHaveCount(0);
  await expect(page.locator("main form")).toHaveCount(0);
  // The findings are shown to everyone.
  await expect(page.getByText("Chloe Martin also delivers in the Brand & Content pod.")).toBeVisible();
  await page.goto("/teams/new");
  await expect(page.getByText("Only leaders and admins create teams")).toBeVisible();
  await expect(page.locator("main form")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the org chart links a person to every membership they hold", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.leader);
  await page.goto("/org");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation" })).toBeVisible();
  await expect(page.getByText(/\d of \d value streams covered/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Leadership & oversight" })).toBeVisible();
  await page.getByRole("link", { name: "Chloe Martin" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Chloe Martin" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Acquisition", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Brand & Content", exact: true })).toBeVisible();
  await expect(page.getByText("Double-booked across pods")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});
