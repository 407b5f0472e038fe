import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn } from "./session";

/*
 * Accessibility and layout over every route, as a leader and as a viewer, at 1280×800 and 768×1024:
 *   - axe (WCAG 2.1 A/AA rules): no serious or critical violation;
 *   - layout: the page is never wider than the window (no sideways scrolling), and never taller than its
 *     content (nothing — e.g. an absolutely positioned screen-reader span — escapes its scroll box).
 * One browser context per role and width, iterating the routes, so the four passes cost four sign-ins.
 * Every problem is collected and reported together, route by route.
 */

const STATIC_ROUTES = [
  "/dashboard",
  "/portfolio",
  "/portfolio/kanban",
  "/okrs",
  "/okrs/new",
  "/teams",
  "/teams/new",
  "/value-streams",
  "/org",
  "/people",
  "/backlogs",
  "/dependencies",
  "/dependencies/map",
  "/dependencies/new",
  "/services",
  "/services/requests",
  "/services/requests/new",
  "/services/holidays",
  "/services/slas/new",
  "/kpis",
  "/kpis/new",
  "/inbox",
  "/activity",
  "/admin/users",
  "/dashboard/drill/blocked-work",
];

/** Detail routes: the first link of each shape found on the list pages (ids differ between seeds). */
const DETAIL_SOURCES: Array<{ from: string; pattern: RegExp }> = [
  { from: "/teams", pattern: /^\/teams\/\d+$/ },
  { from: "/people", pattern: /^\/people\/\d+$/ },
  { from: "/backlogs", pattern: /^\/backlogs\/\d+$/ },
  { from: "/dependencies", pattern: /^\/dependencies\/\d+$/ },
  { from: "/services", pattern: /^\/services\/slas\/\d+$/ },
  { from: "/services/requests", pattern: /^\/services\/requests\/\d+$/ },
  { from: "/kpis", pattern: /^\/kpis\/\d+$/ },
  { from: "/okrs", pattern: /^\/okrs\/\d+$/ },
  { from: "/portfolio/kanban", pattern: /^\/items\/\d+$/ },
];

async function discoverDetailRoutes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const source of DETAIL_SOURCES) {
    await page.goto(source.from);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => source.pattern.test(h));
    if (href) found.push(href);
  }
  const team = found.find((r) => /^\/teams\/\d+$/.test(r));
  if (team) {
    found.push(`${team}/sprints`, `${team}/backlog/import`);
    await page.goto(`${team}/sprints`);
    const sprint = (await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))).find((h) =>
      /^\/teams\/\d+\/sprints\/\d+$/.test(h),
    );
    if (sprint) found.push(sprint);
  }
  return found;
}

interface Problem {
  route: string;
  what: string;
}

/** The page's own measurements: sideways overflow, and height beyond the app's content. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth > width + 1) {
      // Name the widest culprits: elements whose right edge passes the window.
      const culprits = Array.from(document.querySelectorAll<HTMLElement>("body *"))
        .filter((el) => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
        .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")}`);
      problems.push(`wider than the window: ${doc.scrollWidth}px for ${width}px (${culprits.join(", ")})`);
    }
    // The content: the app shell (or the sign-in page's root), measured in document coordinates.
    const shell = document.body.firstElementChild?.nextElementSibling ?? document.body.firstElementChild;
    let contentBottom = 0;
    for (const child of Array.from(document.body.children)) {
      const style = getComputedStyle(child);
      if (style.position === "fixed" || child.tagName === "SCRIPT" || child.tagName === "NEXT-ROUTE-ANNOUNCER") continue;
      contentBottom = Math.max(contentBottom, child.getBoundingClientRect().bottom + window.scrollY);
    }
    if (!shell) return problems;
    const height = Math.max(contentBottom, window.innerHeight);
    if (doc.scrollHeight > height + 2) {
      problems.push(`taller than its content: ${doc.scrollHeight}px of page for ${Math.round(height)}px of content`);
    }
    return problems;
  });
}

async function checkRoutes(browser: Browser, email: string, width: number, height: number): Promise<Problem[]> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await signIn(page, email);
  const routes = [...STATIC_ROUTES, ...(await discoverDetailRoutes(page))];
  const problems: Problem[] = [];
  for (const route of routes) {
    const response = await page.goto(route, { waitUntil: "load" });
    const status = response?.status() ?? 0;
    if (status >= 500) {
      problems.push({ route, what: `HTTP ${status}` });
      continue;
    }
    await page.locator("main h1").first().waitFor({ state: "visible", timeout: 30_000 });
    for (const what of await layoutProblems(page)) problems.push({ route, what });
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const violation of axe.violations) {
      if (violation.impact !== "serious" && violation.impact !== "critical") continue;
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(" | ");
      problems.push({ route, what: `axe ${violation.impact} ${violation.id} (${violation.nodes.length}×): ${violation.help} — ${targets}` });
    }
  }
  await context.close();
  return problems;
}

const PASSES = [
  { role: "leader", email: DEMO.leader, width: 1280, height: 800 },
  { role: "leader", email: DEMO.leader, width: 768, height: 1024 },
  { role: "viewer", email: DEMO.viewer, width: 1280, height: 800 },
  { role: "viewer", email: DEMO.viewer, width: 768, height: 1024 },
] as const;

// Run by its own CI step (A11Y_LAYOUT=1, .ci/run), reported but not yet blocking: the last passes fixed every
// problem they found, but the four passes have not yet run green end to end (docs/ui.md, issue 12 note).
test.skip(!process.env.A11Y_LAYOUT, "set A11Y_LAYOUT=1 to run the accessibility and layout passes");

for (const pass of PASSES) {
  test(`every route passes axe and fits the window: ${pass.role} at ${pass.width} px`, async ({ browser }) => {
    test.setTimeout(900_000);
    const problems = await checkRoutes(browser, pass.email, pass.width, pass.height);
    const report = problems.map((p) => `${p.route}: ${p.what}`).join("\n");
    expect(problems, report).toEqual([]);
  });
}
