/**
 * A small RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF (a lone CR too); a field in
 * double quotes may hold commas, line breaks and doubled quotes (""). A leading byte-order mark is ignored,
 * as is one line break at the end of the text. Pure: no I/O.
 */

export interface CsvRecord {
  /** The 1-based line of the text on which the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** Malformed quoting: the records around it are still read, so every problem can be shown at once. */
  problems: CsvProblem[];
}

export function parseCsv(text: string): ParsedCsv {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // True once anything (even an empty quoted field) was read for the current record.
  let started = false;

  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    started = false;
  };

  while (i < input.length) {
    const ch = input[i]!;
    if (!started) {
      recordLine = line;
      started = true;
    }
    if (ch === '"' && field === "") {
      // A quoted field: read to the closing quote.
      const openedOn = line;
      i++;
      let closed = false;
      while (i < input.length) {
        const c = input[i]!;
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === "\r" && input[i + 1] === "\n") {
          field += "\r\n";
          i += 2;
          line++;
          continue;
        }
        if (c === "\n" || c === "\r") line++;
        field += c;
        i++;
      }
      if (!closed) {
        problems.push({ line: openedOn, message: "A quoted field is never closed (a \" is missing)." });
        endRecord();
        break;
      }
      // After the closing quote only a separator, a line break or the end may follow.
      const next = input[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        problems.push({ line, message: "Text follows a closing quote; quotes inside a field must be doubled (\"\")." });
        while (i < input.length && input[i] !== "," && input[i] !== "\n" && input[i] !== "\r") field += input[i++];
      }
      continue;
    }
    if (ch === ",") {
      endField();
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      continue;
    }
    if (ch === '"') {
      // A quote inside an unquoted field: RFC 4180 does not allow it; keep the text and say so.
      problems.push({ line, message: "A quote appears inside a field that does not start with one." });
    }
    field += ch;
    i++;
  }
  if (started) endRecord();
  return { records, problems };
}
