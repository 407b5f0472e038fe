import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { csvField, unguardCell, writeCsv } from "@/lib/csv/write";

const fieldsOf = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe("parseCsv", () => {
  it("reads plain records with LF, CRLF or CR line breaks", () => {
    expect(fieldsOf("a,b,c\n1,2,3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fieldsOf("a,b\r\n1,2\r\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(fieldsOf("a,b\r1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(fieldsOf("a,,c,\n")).toEqual([["a", "", "c", ""]]);
    expect(fieldsOf(",\n")).toEqual([["", ""]]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'key,summary\nSTORY-1,"Hello, ""world"""\nSTORY-2,"two\r\nlines"\n';
    expect(fieldsOf(text)).toEqual([
      ["key", "summary"],
      ["STORY-1", 'Hello, "world"'],
      ["STORY-2", "two\r\nlines"],
    ]);
  });

  it("numbers each record by the line it starts on", () => {
    const { records } = parseCsv('h\n"a\nb\nc"\nd\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("ignores a byte-order mark and a missing final line break", () => {
    expect(fieldsOf("\uFEFFa,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("reads an empty text as no records, and a blank line as one empty field", () => {
    expect(fieldsOf("")).toEqual([]);
    expect(fieldsOf("a\n\nb\n")).toEqual([["a"], [""], ["b"]]);
  });

  it("reports an unclosed quote with its line", () => {
    const { problems } = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(problems).toEqual([{ line: 2, row: 2, message: expect.stringMatching(/never closed/) }]);
  });

  it("reports text after a closing quote and a stray quote, but keeps reading", () => {
    const { records, problems } = parseCsv('"a"b,c\nx"y,z\n');
    expect(records).toHaveLength(2);
    expect(problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe("writeCsv", () => {
  it("quotes only what needs quoting and ends every record with CRLF", () => {
    expect(writeCsv([["a", "b c", 3, null], ['say "hi"', "x,y", "two\nlines", true]])).toBe(
      'a,b c,3,\r\n"say ""hi""","x,y","two\nlines",true\r\n',
    );
  });

  it("keeps leading and trailing spaces by quoting them", () => {
    expect(csvField(" padded ")).toBe('" padded "');
  });

  it("guards cells a spreadsheet would run as formulas, and the guard comes off on import", () => {
    for (const text of ["=SUM(A1)", "+1", "-x", "@cmd", "'=already", "''=twice"]) {
      const written = csvField(text);
      expect(written.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
      expect(unguardCell(fieldsOf(written)[0]![0]!)).toBe(text);
    }
    // Numbers are not formulas; apostrophes before ordinary text are left alone.
    expect(csvField(-3)).toBe("-3");
    expect(csvField("'quoted'")).toBe("'quoted'");
    expect(unguardCell("'quoted'")).toBe("'quoted'");
  });
});

describe("round trip (property)", () => {
  it("parse(write(rows)) gives the rows back, whatever the text", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r", "\r\n", "=", "'", "-", "é", "1") , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const parsed = parseCsv(writeCsv(rows));
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((r) => r.fields.map(unguardCell))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
