import { expect, type Page } from "@playwright/test";

/** The demo password of every seeded login (README, prisma/seed/demo.ts). */
export const DEMO_PASSWORD = "Northwind-Demo-2026";

export const DEMO = {
  admin: "admin@northwind.example",
  leader: "leader@northwind.example",
  productOwner: "po.acquisition@northwind.example",
  agileLead: "lead.acquisition@northwind.example",
  viewer: "viewer@northwind.example",
} as const;

/** Page object of the sign-in form. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, landing = /\/dashboard$/): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}
