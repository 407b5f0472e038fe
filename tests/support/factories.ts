import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Factories that create unique rows, so tests never collide with each other or with seeded data.
 * Each takes overrides for the fields a test cares about.
 */
let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString("hex")}`;
}

export const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export function makeValueStream(data: Partial<Prisma.ValueStreamUncheckedCreateInput> = {}) {
  const slug = unique("vs");
  return getDb().valueStream.create({ data: { slug, name: slug, kind: "LIFECYCLE_STAGE", ...data } });
}

export function makeTeam(data: Partial<Prisma.TeamUncheckedCreateInput> = {}) {
  const slug = unique("team");
  return getDb().team.create({
    data: {
      slug,
      name: slug,
      kind: "DELIVERY_POD",
      shape: "CROSS_FUNCTIONAL",
      cadenceAnchor: utcDate(2026, 1, 5),
      wipLimit: 6,
      ...data,
    },
  });
}

export function makePerson(data: Partial<Prisma.PersonUncheckedCreateInput> = {}) {
  const name = unique("person");
  return getDb().person.create({ data: { email: `${name}@test.example`, name, ...data } });
}

export function makeMembership(data: Pick<Prisma.MembershipUncheckedCreateInput, "teamId" | "personId"> & Partial<Prisma.MembershipUncheckedCreateInput>) {
  return getDb().membership.create({ data: { role: "DESIGNER", allocationPct: 100, ...data } });
}

export function makeItem(data: Pick<Prisma.BacklogItemUncheckedCreateInput, "level"> & Partial<Prisma.BacklogItemUncheckedCreateInput>) {
  const key = unique(data.level);
  const portfolio = data.level === "THEME" || data.level === "EPIC";
  return getDb().backlogItem.create({
    data: { key, title: key, rank: key.toLowerCase(), status: portfolio ? "FUNNEL" : "BACKLOG", ...data },
  });
}
