import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textToWiki, wikiToText } from "@/lib/import/wiki";

describe("wikiToText", () => {
  it("makes Jira's markup readable", () => {
    const wiki = [
      "h2. Acceptance Criteria",
      "",
      "* At least *3* playtests",
      "** with _notes_",
      "# first",
      "# second",
      "----",
      "||Name||Coins||",
      "|h5. Tier7: 1|{color:#ff5630}4500{color}|",
      "See [the guide|https://example.com/guide] and [https://example.com] {{code}} !shot.png|width=10!",
      "Ping [~accountid:5fe07a7dd3649601392ba191] -strike- +ins+ bq. not at start",
      "bq. quoted",
      "{code:java}",
      "*kept* as _is_",
      "{code}",
      "dom_tables_core 2025-12-22 e-mail a - b +£3,100 What?? C:\\Users",
    ].join("\n");
    expect(wikiToText(wiki)).toBe(
      [
        "Acceptance Criteria",
        "",
        "• At least 3 playtests",
        "  • with notes",
        "1. first",
        "2. second",
        "———",
        "Name | Coins",
        "Tier7: 1 | 4500",
        "See the guide (https://example.com/guide) and https://example.com code [image: shot.png]",
        "Ping @mention strike ins bq. not at start",
        "> quoted",
        "*kept* as _is_",
        "dom_tables_core 2025-12-22 e-mail a - b +£3,100 What?? C:\\Users",
      ].join("\n"),
    );
  });

  it("keeps CRLF line ends and turns \\\\ into a line break", () => {
    expect(wikiToText("a\r\nb\\\\c")).toBe("a\r\nb\nc");
  });
});

describe("textToWiki", () => {
  it("leaves ordinary prose alone", () => {
    const prose = "Launch the e-mail on 2026-03-09 - then review. Done! Why? Because.";
    expect(textToWiki(prose)).toBe(prose);
  });

  it("escapes what Jira would read as markup", () => {
    expect(textToWiki("*bold* h1. x\nh1. heading\n# one\n-strike- [link] C:\\x")).toBe("\\*bold\\* h1. x\nh1\\. heading\n\\# one\n\\-strike\\- \\[link] C:&#92;x");
  });

  it("reads back exactly as written, for any text (property)", () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.constantFrom(..."*_?-+^~{}[]|!#.\\&;\n\r\t ".split(""), "h1. ", "bq. ", "&#92;", "&#38;", "{code}", "{noformat}", "----", "[~x]", "!a.png!", "\r\n", "||", "\uE000"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join("")), (text) => {
        expect(wikiToText(textToWiki(text))).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });
});
