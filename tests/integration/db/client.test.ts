import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { testDatabase } from "@/tests/support/db";
import { makeItem, makeMembership, makePerson, makeTeam, makeValueStream } from "@/tests/support/factories";

describe("the Prisma client", () => {
  it("reads and writes this file's own database, through models and raw SQL alike", async () => {
    const db = getDb();
    await db.valueStream.create({ data: { slug: "client-check", name: "Client check", kind: "CHANNEL" } });
    const raw = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM value_stream WHERE slug = 'client-check'`;
    expect(raw[0]?.n).toBe(1);
    const direct = await testDatabase().sql<{ n: number }>(`SELECT count(*)::int AS n FROM value_stream`);
    expect(direct[0]?.n).toBe(1);
  });

  it("keeps database rules: a second product owner in one team is refused", async () => {
    const db = getDb();
    const team = await db.team.create({
      data: { slug: "rule-pod", name: "Rule pod", kind: "DELIVERY_POD", shape: "CROSS_FUNCTIONAL", cadenceAnchor: new Date(Date.UTC(2026, 0, 5)), wipLimit: 5 },
    });
    const [a, b] = await Promise.all(
      ["po-a@rule.example", "po-b@rule.example"].map((email) => db.person.create({ data: { email, name: email } })),
    );
    await db.membership.create({ data: { teamId: team.id, personId: a!.id, role: "PRODUCT_OWNER", allocationPct: 100 } });
    await expect(
      db.membership.create({ data: { teamId: team.id, personId: b!.id, role: "PRODUCT_OWNER", allocationPct: 100 } }),
    ).rejects.toThrow();
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(1);
  });
});

describe("test factories", () => {
  it("create unique rows on every call", async () => {
    const [a, b] = [await makeTeam(), await makeTeam()];
    expect(a.slug).not.toBe(b.slug);
    const epic = await makeItem({ level: "EPIC" });
    const story = await makeItem({ level: "STORY", teamId: a.id, parentId: epic.id });
    expect(story.parentId).toBe(epic.id);
    const person = await makePerson();
    const membership = await makeMembership({ teamId: a.id, personId: person.id });
    expect(membership.role).toBe("DESIGNER");
    await makeValueStream();
  });
});
