import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);
// redirect() ends a form submission by throwing; record where it was going instead.
const redirects: string[] = [];
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    redirects.push(to);
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;push;${to};307;` });
  },
}));

const { createKpiAction } = await import("@/lib/kpis/actions");
const { updateTeamAction } = await import("@/lib/teams/actions");

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

let leader: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  leader = await makeUser("LEADER");
});

/**
 * The one form path, server side: a guarded action called as a form action (previous state, FormData) — how a
 * form posts before hydration — decodes the data through its own schema and answers like a direct call.
 */
describe("a guarded action submitted as a form", () => {
  it("creates from form data and sends the browser to what it created", async () => {
    signInAs(leader.user.id);
    const team = await makeTeam();
    redirects.length = 0;
    const submitted = createKpiAction(
      null,
      form({
        name: "Cost per lead",
        definition: "Paid spend divided by new leads, from the ads export",
        unit: "£",
        direction: "LOWER_IS_BETTER",
        target: "42.5",
        frequency: "MONTHLY",
        dataOwnerId: String(leader.person.id),
        scope: "TEAM",
        teamId: String(team.id),
        valueStreamId: "",
        keyResultId: "",
      }),
    );
    await expect(submitted).rejects.toThrow("NEXT_REDIRECT");
    expect(redirects).toHaveLength(1);
    const id = Number(/^\/kpis\/(\d+)$/.exec(redirects[0] ?? "")?.[1]);
    const kpi = await getDb().kpi.findUniqueOrThrow({ where: { id } });
    expect(kpi).toMatchObject({ name: "Cost per lead", target: 42.5, direction: "LOWER_IS_BETTER", teamId: team.id, valueStreamId: null, keyResultId: null });
  });

  it("answers bad fields with the schema's messages per field and writes nothing", async () => {
    signInAs(leader.user.id);
    const before = await getDb().kpi.count();
    const result = await createKpiAction(null, form({ name: "x", definition: "short", unit: "", direction: "LOWER_IS_BETTER", target: "lots", frequency: "MONTHLY", dataOwnerId: "", scope: "TEAM", teamId: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("INVALID");
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(expect.arrayContaining(["name", "unit", "target", "dataOwnerId"]));
    expect(await getDb().kpi.count()).toBe(before);
  });

  it("returns a refusal as a value (no redirect) — e.g. a stale version", async () => {
    signInAs(leader.user.id);
    const team = await makeTeam();
    const result = await updateTeamAction(
      null,
      form({ teamId: String(team.id), version: "999", name: "Renamed pod", kind: "DELIVERY_POD", shape: "HYBRID", mission: "", valueStreamId: "", cadenceDays: "10", cadenceAnchor: "2026-01-05", wipLimit: "5" }),
    );
    expect(result).toMatchObject({ ok: false, reason: "CONFLICT" });
  });

  it("refuses a signed-out submission before reading the form", async () => {
    signInAs(null);
    const result = await createKpiAction(null, form({ name: "Anything" }));
    expect(result).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
  });
});
