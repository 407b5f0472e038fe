import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "@/tests/support/org";
import { makeTeam } from "@/tests/support/factories";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { GET } = await import("@/app/api/dashboard/export/route");

let viewer: Awaited<ReturnType<typeof makeUser>>;
let team: { id: number; name: string };

beforeAll(async () => {
  viewer = await makeUser("VIEWER");
  team = await makeTeam();
});

describe("GET /api/dashboard/export", () => {
  it("refuses a caller without a session", async () => {
    signInAs(null);
    const response = await GET(new Request("http://app.test/api/dashboard/export?period=4w"));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("metric,");
  });

  it("gives any signed-in user (even a viewer) the numbers of a scope as CSV", async () => {
    signInAs(viewer.user.id);
    const response = await GET(new Request(`http://app.test/api/dashboard/export?period=2w&scope=team:${team.id}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`dashboard-${team.name}`);
    const lines = (await response.text()).trim().split("\r\n");
    // Header + 20 metrics (interval predictability included) + the 85th percentiles of cycle and lead time.
    expect(lines).toHaveLength(1 + 20 + 2);
    // An empty team: blocked work is 0 ÷ 0, an empty value shown as —.
    expect(lines.find((l) => l.startsWith("Blocked work,"))).toMatch(/^Blocked work,,—,0,0,/);
  });

  it("answers an unknown team with 404", async () => {
    signInAs(viewer.user.id);
    expect((await GET(new Request("http://app.test/api/dashboard/export?scope=team:999999"))).status).toBe(404);
  });
});
