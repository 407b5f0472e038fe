import { expect, type Locator, type Page, test } from "@playwright/test";
import { watchConsole } from "./console";
import { DEMO, signIn } from "./session";

/**
 * Grooming and planning in the browser, as the Acquisition product owner: decompose an epic into a feature and
 * stories, make two stories ready, plan them into the next sprint while the capacity bar moves, and be refused
 * for a story that is not ready. Titles are unique per run, so the test can run again on the same database.
 */

const run = Date.now().toString(36);

/** Page object of a team's grooming page (/teams/[id]/backlog). */
class GroomingPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<GroomingPage> {
    // The team's id from the backlog list, then its grooming page (/teams/[id]/backlog).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Backlogs" }).click();
    const href = await page.getByRole("link", { name: /Acquisition/ }).first().getAttribute("href");
    await page.goto(`/teams/${/\d+/.exec(href ?? "")![0]}/backlog`);
    await expect(page.getByRole("heading", { level: 1, name: "Acquisition backlog" })).toBeVisible();
    return new GroomingPage(page);
  }

  row(key: string): Locator {
    return this.page.locator(`tr[data-key="${key}"]`);
  }

  async addFeatureUnderFirstEpic(title: string): Promise<string> {
    const panel = this.page.getByRole("region", { name: "Add to the backlog" });
    await panel.getByLabel("Level").selectOption("FEATURE");
    await panel.getByLabel("Title").fill(title);
    await panel.getByLabel("Epic (decompose)").selectOption({ index: 1 });
    await panel.getByRole("button", { name: "Add feature" }).click();
    const added = this.page.getByRole("status").filter({ hasText: `to the bottom of the backlog: ${title}.` });
    await expect(added).toBeVisible();
    return /FEAT-\d+/.exec(await added.innerText())![0];
  }

  async addStory(feature: string, title: string, points: number): Promise<string> {
    const form = this.page.getByRole("form", { name: `Add a story to ${feature}` });
    await form.getByLabel("New story").fill(title);
    await form.getByLabel("Points").fill(String(points));
    await form.getByRole("button", { name: "Add story" }).click();
    const added = form.getByText(new RegExp(`Added STORY-\\d+: ${title}\\.`));
    await expect(added).toBeVisible();
    return /STORY-\d+/.exec(await added.innerText())![0];
  }

  async makeReady(key: string, owner: RegExp): Promise<void> {
    await this.row(key).getByRole("button", { name: `Groom ${key}` }).click();
    const form = this.page.getByRole("form", { name: `Groom ${key}` });
    const checklist = this.page.getByRole("list", { name: `Definition of Ready for ${key}` });
    await expect(checklist).toContainText("An owner: missing");
    await form.getByLabel("Owner").selectOption({ label: (await optionLabel(form.getByLabel("Owner"), owner))! });
    await form.getByLabel("Acceptance criteria").fill("Given a visitor from the webinar invite, when they land, then they can register in one step.");
    await expect(this.page.getByText("Ready for sprint planning.")).toBeVisible();
    await form.getByRole("button", { name: `Save ${key}` }).click();
    await expect(this.page.getByText(`Saved ${key}.`)).toBeVisible();
    await expect(this.row(key).getByText("Ready", { exact: true })).toBeVisible();
  }
}

async function optionLabel(select: Locator, pattern: RegExp): Promise<string | undefined> {
  const labels = await select.locator("option").allInnerTexts();
  return labels.find((l) => pattern.test(l));
}

/** Page object of a sprint's planning page. */
class SprintPage {
  constructor(readonly page: Page) {}

  bar(): Locator {
    return this.page.getByRole("progressbar", { name: "Planned against capacity" });
  }

  async planned(): Promise<number> {
    return Number(await this.bar().getAttribute("aria-valuenow"));
  }

  async add(key: string): Promise<void> {
    await this.page.getByLabel("Find a story").fill(key);
    await this.page.getByRole("button", { name: `Add ${key} to the sprint` }).click();
  }

  notice(): Locator {
    return this.page.getByRole("status").filter({ hasText: /Planned|not ready|above|over/ }).first();
  }
}

test("a product owner decomposes an epic, readies two stories and plans them against capacity", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.productOwner);
  const grooming = await GroomingPage.open(page);

  // Decompose: an epic → a feature of this team → three stories.
  const feature = await grooming.addFeatureUnderFirstEpic(`Webinar series ${run}`);
  await grooming.row(feature).getByRole("button", { name: `Groom ${feature}` }).click();
  const first = await grooming.addStory(feature, `Book the speakers ${run}`, 3);
  const second = await grooming.addStory(feature, `Registration page ${run}`, 5);
  const notReady = await grooming.addStory(feature, `Follow-up emails ${run}`, 2);
  await expect(grooming.row(notReady)).toContainText("Needs owner, acceptance criteria");
  await page.getByRole("button", { name: `Close ${feature}` }).click();

  // Make two of them ready: an owner and acceptance criteria (the estimate came with them).
  await grooming.makeReady(first, /^Oliver Grant/);
  await grooming.makeReady(second, /^Chloe Martin/);
  await expect(grooming.row(notReady)).toContainText("Needs owner, acceptance criteria");

  // Plan the next sprint: the bar moves with each story.
  await page.getByRole("link", { name: /^Plan sprint \d+$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Sprint \d+$/ })).toBeVisible();
  const sprint = new SprintPage(page);
  const before = await sprint.planned();
  await sprint.add(first);
  await expect(page.getByRole("status").filter({ hasText: `Planned ${first} into Sprint` }).first()).toBeVisible();
  await expect(sprint.bar()).toHaveAttribute("aria-valuenow", String(before + 3));
  await sprint.add(second);
  await expect(page.getByRole("status").filter({ hasText: `Planned ${second} into Sprint` }).first()).toBeVisible();
  await expect(sprint.bar()).toHaveAttribute("aria-valuenow", String(before + 8));
  await expect(page.getByRole("table", { name: /Stories in Sprint/ })).toContainText(first);

  // The story that is not ready cannot be added: its button is disabled and says what is missing, beside it;
  // the plan does not change. (The server refuses it too: tests/integration/sprints.)
  await page.getByLabel("Find a story").fill(notReady);
  await expect(page.getByRole("button", { name: `Add ${notReady} to the sprint` })).toBeDisabled();
  await expect(page.locator(`li[data-key="${notReady}"]`)).toContainText("Not ready: missing an owner, acceptance criteria.");
  await expect(sprint.bar()).toHaveAttribute("aria-valuenow", String(before + 8));
  await expect(page.getByRole("table", { name: /Stories in Sprint/ })).not.toContainText(notReady);

  // Put the sprint back as it was for the other tests.
  await page.getByRole("button", { name: `Remove ${first} from the sprint` }).click();
  await expect(sprint.bar()).toHaveAttribute("aria-valuenow", String(before + 5));
  await page.getByRole("button", { name: `Remove ${second} from the sprint` }).click();
  await expect(sprint.bar()).toHaveAttribute("aria-valuenow", String(before));
  expect(errors).toEqual([]);
});

test("a leader re-ranks portfolio epics from the keyboard, and the move is announced", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.leader);
  await page.goto("/portfolio");
  await expect(page.getByText(/\d+ epics · \d+ themes/)).toBeVisible();
  // The flat list is the portfolio's one ranking: a move by one place is a move by one rank.
  await page.getByLabel("Group by theme").uncheck();
  const handle = page.getByRole("button", { name: /^Re-rank EPIC-\d+ .+, rank 1$/ });
  const key = /EPIC-\d+/.exec((await handle.getAttribute("aria-label"))!)![0];
  const keyHandle = page.getByRole("button", { name: new RegExp(`^Re-rank ${key} `) });
  await handle.focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.getByRole("status").filter({ hasText: `Moved ${key} to rank 2.` })).toBeVisible();
  await expect(keyHandle).toBeFocused();
  await expect(keyHandle).toHaveAccessibleName(/, rank 2$/);
  // And back up again, so the demo keeps its order.
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.getByRole("status").filter({ hasText: `Moved ${key} to rank 1.` })).toBeVisible();
  await expect(keyHandle).toBeFocused();
  // The order is the database's: it holds after a reload.
  await page.reload();
  await page.getByLabel("Group by theme").uncheck();
  await expect(page.getByRole("button", { name: new RegExp(`^Re-rank ${key} .+, rank 1$`) })).toBeVisible();
  expect(errors).toEqual([]);
});
