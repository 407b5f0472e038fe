import { describe, expect, it } from "vitest";
import { getActivityFeed, getEntityHistory } from "@/lib/audit/queries";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/tests/support/factories";

describe("activity feed", () => {
  it("pages newest first by time, without gaps or repeats, even for events recorded out of order", async () => {
    const team = await makeTeam();
    const hoursAgo = [5, 1, 3, 3, 2, 4, 0];
    for (const [i, h] of hoursAgo.entries()) {
      await getDb().auditEvent.create({
        data: { action: "test.event", entityType: "Test", entityId: String(i), teamId: team.id, at: new Date(Date.now() - h * 3_600_000) },
      });
    }
    const seen: string[] = [];
    let before: bigint | undefined;
    for (;;) {
      const page = await getActivityFeed({ teamId: team.id, limit: 2, before });
      if (page.length === 0) break;
      seen.push(...page.map((e) => e.entityId));
      before = BigInt(page[page.length - 1]!.id);
    }
    expect(seen).toHaveLength(hoursAgo.length);
    expect(new Set(seen).size).toBe(hoursAgo.length);
    const times = seen.map((id) => hoursAgo[Number(id)]!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("shows one entity's history with before and after", async () => {
    await getDb().auditEvent.create({ data: { action: "team.update", entityType: "Team", entityId: "424242", before: { wipLimit: 5 }, after: { wipLimit: 6 } } });
    const history = await getEntityHistory("Team", 424242);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "team.update", before: { wipLimit: 5 }, after: { wipLimit: 6 } });
  });
});
