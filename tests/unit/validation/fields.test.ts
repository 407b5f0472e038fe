import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayField, emailField, idField, intField, MAX_INT4, numberField, optionalIdField, optionalUrlField, textField, versionField } from "@/lib/validation/fields";

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: unknown) => schema.safeParse(v).success;
const message = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues[0]?.message;

describe("ids and versions", () => {
  it("accept 1..2147483647 as numbers or digit strings", () => {
    expect(idField().parse(5)).toBe(5);
    expect(idField().parse(" 42 ")).toBe(42);
    expect(versionField().parse(MAX_INT4)).toBe(MAX_INT4);
    expect(ok(idField(), MAX_INT4 + 1)).toBe(false);
    expect(ok(idField(), "2147483648")).toBe(false);
    expect(ok(idField(), "99999999999999999999")).toBe(false);
    expect(ok(idField(), 0)).toBe(false);
    expect(ok(idField(), -1)).toBe(false);
  });

  it("never coerce true, [5], '0x10', '', null, 1.5, NaN, Infinity, objects", () => {
    for (const v of [true, false, [5], "0x10", "1e3", "", "  ", null, undefined, 1.5, "1.5", NaN, Infinity, {}, { valueOf: () => 5 }, "5 OR 1=1"]) {
      expect(ok(idField(), v), JSON.stringify(v)).toBe(false);
    }
    expect(message(idField("Choose a team"), "")).toBe("Choose a team");
    expect(message(versionField(), true)).toMatch(/reload/i);
  });

  it("optional ids read '', null and undefined as none", () => {
    const s = optionalIdField();
    expect(s.parse("")).toBeNull();
    expect(s.parse(null)).toBeNull();
    expect(s.parse(undefined)).toBeNull();
    expect(s.parse("7")).toBe(7);
    expect(ok(s, true)).toBe(false);
    expect(ok(s, "0x10")).toBe(false);
  });

  it("every integer a property test throws at them is in range or refused", () => {
    const id = idField();
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.bigInt().map(String), fc.double(), fc.string()), (v) => {
        const r = id.safeParse(v);
        return !r.success || (r.data >= 1 && r.data <= MAX_INT4 && Number.isInteger(r.data));
      }),
    );
  });
});

describe("numbers", () => {
  it("are bounded with readable messages", () => {
    const points = intField({ label: "Points", min: 0, max: 100 });
    expect(points.parse("13")).toBe(13);
    expect(message(points, 101)).toBe("Points must be at most 100");
    expect(message(points, "abc")).toBe("Points must be a whole number");
    const target = numberField({ label: "The target", min: -1e12, max: 1e12 });
    expect(target.parse("-12.5")).toBe(-12.5);
    expect(target.parse(".5")).toBe(0.5);
    for (const v of [true, [5], "0x10", "", null, "1e400", Infinity, "1,000"]) expect(ok(target, v), JSON.stringify(v)).toBe(false);
    expect(ok(target, 1e13)).toBe(false);
  });
});

describe("days", () => {
  it("are real days within 2000..2100 by default", () => {
    const d = dayField({ label: "Needed by" });
    expect(d.parse("2026-03-01")).toBe("2026-03-01");
    expect(ok(d, "2026-02-30")).toBe(false);
    expect(message(d, "1900-01-01")).toBe("Needed by must be between 1 January 2000 and 31 December 2100");
    expect(ok(d, "9999-12-31")).toBe(false);
    expect(ok(d, "0000-01-01")).toBe(false);
    expect(ok(d, "2026-1-1")).toBe(false);
    expect(ok(d, 20260101)).toBe(false);
  });
});

describe("text", () => {
  const title = textField({ label: "The title", min: 3, max: 10 });
  it("is normalised to NFC, trimmed and bounded", () => {
    expect(title.parse("  Cafe\u0301  ")).toBe("Café");
    expect(message(title, "ab")).toBe("The title needs at least 3 characters");
    expect(message(title, "x".repeat(11))).toBe("Keep the title under 10 characters");
  });
  it("refuses NUL, control characters and lone surrogates with a message", () => {
    expect(message(title, "ab\u0000cd")).toMatch(/NUL/);
    expect(message(title, "ab\uD800cd")).toMatch(/broken character/);
    expect(message(title, "ab\uDC00cd")).toMatch(/broken character/);
    expect(message(title, "ab\u0007cd")).toMatch(/control character/);
    expect(message(title, "ab\ncd")).toMatch(/one line/);
    expect(title.parse("ab😀c")).toBe("ab😀c");
    expect(textField({ max: 20, multiline: true }).parse("a\r\nb\tc")).toBe("a\r\nb\tc");
  });
  it("refuses non-strings", () => {
    for (const v of [5, null, ["abc"], { toString: () => "abc" }]) expect(ok(title, v)).toBe(false);
  });
  it("never lets an unsafe string through (property)", () => {
    const any = textField({ max: 100, multiline: true });
    // Any UTF-16 code units (NUL, controls, lone surrogates included); built from integers because fast-check's
    // "binary" string unit takes seconds to set up on a loaded machine.
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes));
    for (const s of fc.sample(units, 500)) {
      const r = any.safeParse(s);
      if (r.success) expect(!r.data.includes("\u0000") && r.data.isWellFormed(), JSON.stringify(s)).toBe(true);
    }
  });
});

describe("emails and links", () => {
  it("lower-cases emails and refuses junk", () => {
    expect(emailField().parse(" Ann@Example.COM ")).toBe("ann@example.com");
    expect(ok(emailField(), "ann@\u0000example.com")).toBe(false);
    expect(ok(emailField(), "not-an-email")).toBe(false);
  });
  it("takes http(s) links or nothing", () => {
    const u = optionalUrlField();
    expect(u.parse("")).toBeNull();
    expect(u.parse(null)).toBeNull();
    expect(u.parse("https://example.com/brief")).toBe("https://example.com/brief");
    expect(ok(u, "javascript:alert(1)")).toBe(false);
    expect(ok(u, "ftp://example.com")).toBe(false);
  });
});
