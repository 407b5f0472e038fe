import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeForm, fieldErrorsOf } from "@/lib/forms/decode";
import { LogDependencySchema, RespondToDependencySchema } from "@/lib/dependencies/schema";
import { CreateItemSchema, UpdatePortfolioItemSchema } from "@/lib/backlog/schema";
import { CreateTeamSchema } from "@/lib/teams/schema";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("decodeForm reads a form through the action's own schema", () => {
  it("turns a team form into the input the action takes (numbers, a null value stream, an unticked checkbox)", () => {
    const input = decodeForm(
      CreateTeamSchema,
      form([
        ["name", "Acquisition"],
        ["kind", "DELIVERY_POD"],
        ["shape", "CROSS_FUNCTIONAL"],
        ["mission", ""],
        ["valueStreamId", ""],
        ["cadenceDays", "10"],
        ["cadenceAnchor", "2026-01-05"],
        ["wipLimit", "6"],
      ]),
    );
    expect(input).toMatchObject({ name: "Acquisition", kind: "DELIVERY_POD", valueStreamId: null, requiresBriefLink: false });
    const parsed = CreateTeamSchema.parse(input);
    expect(parsed).toMatchObject({ name: "Acquisition", valueStreamId: null, cadenceDays: 10, wipLimit: 6, requiresBriefLink: false });
  });

  it("ticks a checkbox from 'on' and keeps text that only looks like a number as text", () => {
    const schema = z.object({ agree: z.boolean(), code: z.string(), count: z.number() });
    expect(decodeForm(schema, form([["agree", "on"], ["code", "007"], ["count", "7"]]))).toEqual({ agree: true, code: "007", count: 7 });
  });

  it("leaves a bad number as text so the schema answers in its own words", () => {
    const parsed = CreateTeamSchema.safeParse(
      decodeForm(CreateTeamSchema, form([["name", "Ok team"], ["kind", "DELIVERY_POD"], ["shape", "HYBRID"], ["cadenceDays", "ten"], ["cadenceAnchor", "2026-01-05"], ["wipLimit", "5"]])),
    );
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error).cadenceDays).toMatch(/whole number/);
  });

  it("reads unions of '' | null | id, defaults, and refinements the way the action does", () => {
    const input = decodeForm(
      LogDependencySchema,
      form([
        ["fromTeamId", "1"],
        ["fromItemId", ""],
        ["toTeamId", "2"],
        ["toItemId", "41"],
        ["type", "DATA_NEED"],
        ["description", "Audience list for the launch"],
        ["fromOwnerId", "3"],
        ["toOwnerId", "4"],
        ["neededBy", "2026-05-01"],
      ]),
    );
    const parsed = LogDependencySchema.parse(input);
    expect(parsed).toMatchObject({ fromTeamId: 1, fromItemId: null, toTeamId: 2, toItemId: 41, fromOwnerId: 3 });

    const sameTeam = LogDependencySchema.safeParse({ ...input, toTeamId: "1" });
    expect(sameTeam.success).toBe(false);
    if (!sameTeam.success) expect(fieldErrorsOf(sameTeam.error)).toEqual({ toTeamId: "A team cannot depend on itself" });
  });

  it("sends an empty optional score as null and keeps superRefine paths", () => {
    const input = decodeForm(
      UpdatePortfolioItemSchema,
      form([["itemId", "5"], ["version", "2"], ["title", "Brand refresh"], ["status", "FUNNEL"], ["businessValue", ""], ["timeCriticality", "8"], ["riskReduction", ""], ["jobSize", "3"], ["valueTheme", ""]]),
    );
    expect(input).toMatchObject({ businessValue: null, riskReduction: null });
    expect(UpdatePortfolioItemSchema.parse(input)).toMatchObject({ businessValue: null, timeCriticality: 8, jobSize: 3 });
    const bad = CreateItemSchema.safeParse(decodeForm(CreateItemSchema, form([["teamId", "3"], ["level", "EPIC"], ["title", "An epic"]])));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(fieldErrorsOf(bad.error).teamId).toMatch(/portfolio/);
  });

  it("passes the pressed button's value (several submit buttons, one action)", () => {
    const input = decodeForm(RespondToDependencySchema, form([["dependencyId", "9"], ["version", "1"], ["response", "ACCEPT"]]));
    expect(RespondToDependencySchema.safeParse(input).success).toBe(true);
  });

  it("builds nested arrays from dotted names and repeated names", () => {
    const schema = z.object({
      members: z.array(z.object({ personId: z.number(), role: z.string() })),
      tags: z.array(z.string()),
      none: z.array(z.number()),
    });
    const input = decodeForm(schema, form([["members.1.personId", "8"], ["members.1.role", "DESIGNER"], ["members.0.personId", "7"], ["members.0.role", "PRODUCT_OWNER"], ["tags", "a"], ["tags", "b"]]));
    expect(input).toEqual({
      members: [
        { personId: 7, role: "PRODUCT_OWNER" },
        { personId: 8, role: "DESIGNER" },
      ],
      tags: ["a", "b"],
      none: [],
    });
  });

  it("ignores React's and Next's own action fields", () => {
    const schema = z.object({ title: z.string() });
    expect(decodeForm(schema, form([["$ACTION_ID_abc", ""], ["title", "x"]]))).toEqual({ title: "x" });
  });
});
