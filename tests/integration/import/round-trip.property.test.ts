import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { EMPTY_MAPPING } from "@/lib/import/mapping";
import { makeItem, makeTeam, unique } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { importBacklogAction } = await import("@/lib/import/actions");
const { getGroomingBacklog } = await import("@/lib/backlog/queries");
const { teamBacklogCsv } = await import("@/lib/backlog/export");
const { getExportExtras } = await import("@/lib/import/queries");

const db = () => getDb();

// Any text a person could type (no NUL, which PostgreSQL does not store), weighted towards what breaks CSV and wiki markup.
const tricky = fc.constantFrom(..."\"',;=+-@*_?^~{}[]|!#.\\&\t\r\n ".split(""), "  ", "\r\n", "h1. ", "{code}", "&#92;", "'=");
const text = (max: number) =>
  fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 8 }), tricky), { maxLength: max }).map((p) => p.join("").replace(/\u0000/g, ""));
const title = text(12).filter((t) => t.trim().length >= 3 && t.length <= 200);
const label = fc.stringMatching(/^[^\s\u0000]{1,12}$/);
const story = fc.record({
  title,
  description: text(30).filter((d) => d.length <= 2_000),
  estimate: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  status: fc.constantFrom("BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED" as const),
  labels: fc.uniqueArray(label, { maxLength: 4 }),
  isTask: fc.boolean(),
});

let po: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  po = await makeUser("LEADER");
});

type Snapshot = Awaited<ReturnType<typeof itemsOf>>;
const itemsOf = (teamId: number) =>
  db().backlogItem.findMany({
    where: { teamId },
    orderBy: { key: "asc" },
    select: { key: true, level: true, isTask: true, title: true, description: true, status: true, estimate: true, labels: true, parent: { select: { key: true } } },
  });

describe("our export → import", () => {
  it("is the identity on items, for random titles and descriptions (property)", async () => {
    await fc.assert(
      fc.asyncProperty(title, text(30), fc.array(story, { minLength: 1, maxLength: 4 }), async (featureTitle, featureDescription, stories) => {
        const team = await makeTeam({ name: unique("Round trip") });
        const prefix = `RT${unique("k").replace(/\D/g, "").slice(-6)}`;
        const feature = await makeItem({ level: "FEATURE", teamId: team.id, key: `${prefix}-1`, title: featureTitle, description: featureDescription, status: "BACKLOG", rank: "a" });
        for (const [i, s] of stories.entries()) {
          await makeItem({ level: "STORY", teamId: team.id, key: `${prefix}-${i + 2}`, parentId: feature.id, rank: `b${i}`, ...s });
        }
        const before: Snapshot = await itemsOf(team.id);
        const backlog = (await getGroomingBacklog(team.id))!;
        const { extras, timeZone } = await getExportExtras(backlog.items.map((i) => i.id));
        const csv = teamBacklogCsv(backlog.items, backlog.team, extras, timeZone);

        // Re-imported as it is: nothing to change.
        signInAs(po.user.id);
        const same = await importBacklogAction({ teamId: team.id, csv, mode: "preview", mapping: EMPTY_MAPPING });
        expect(same.ok && same.data.rows.filter((r) => r.action !== "unchanged")).toEqual([]);

        // Imported into an empty backlog: the same items again.
        await db().backlogItem.deleteMany({ where: { teamId: team.id, parentId: { not: null } } });
        await db().backlogItem.deleteMany({ where: { teamId: team.id } });
        const created = await importBacklogAction({ teamId: team.id, csv, mode: "commit", mapping: EMPTY_MAPPING });
        expect(created).toMatchObject({ ok: true, data: { created: stories.length + 1 } });
        expect(await itemsOf(team.id)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
