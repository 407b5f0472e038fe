/**
 * A small RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF (a lone CR too); a field in
 * double quotes may hold commas, line breaks and doubled quotes (""). A leading byte-order mark is ignored,
 * as is one line break at the end of the text. Cell text is kept exactly (spaces, line breaks) as written.
 * Pure: no I/O. Fast enough for tens of megabytes: runs of plain text are sliced, not copied a character at a time.
 */

export interface CsvRecord {
  /** The 1-based line of the text on which the record starts (a quoted field may span several lines). */
  line: number;
  /** The record's row as a spreadsheet shows the file: the first record (the header) is row 1. */
  row: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  /** The spreadsheet row of the record the problem is in. */
  row: number;
  message: string;
}

export interface ParsedCsv {
  records: CsvRecord[];
  /** Malformed quoting: the records around it are still read, so every problem can be shown at once. */
  problems: CsvProblem[];
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

export function parseCsv(text: string): ParsedCsv {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = input.length;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // True once anything (even an empty quoted field) was read for the current record.
  let started = false;

  const endRecord = () => {
    records.push({ line: recordLine, row: records.length + 1, fields });
    fields = [];
    started = false;
  };
  const problem = (at: number, message: string) => problems.push({ line: at, row: records.length + 1, message });

  while (i < length) {
    if (!started) {
      recordLine = line;
      started = true;
    }
    const ch = input.charCodeAt(i);
    let field: string;
    if (ch === QUOTE) {
      // A quoted field: read to the closing quote, slicing between doubled quotes.
      const openedOn = line;
      i++;
      let closed = false;
      const parts: string[] = [];
      let from = i;
      while (i < length) {
        const q = input.indexOf('"', i);
        const end = q === -1 ? length : q;
        line += countLineBreaks(input, i, end);
        if (q === -1) {
          i = length;
          break;
        }
        if (input.charCodeAt(q + 1) === QUOTE) {
          parts.push(input.slice(from, q + 1));
          i = q + 2;
          from = i;
          continue;
        }
        parts.push(input.slice(from, q));
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        parts.push(input.slice(from, length));
        fields.push(parts.join(""));
        problem(openedOn, "A quoted field is never closed (a \" is missing).");
        endRecord();
        break;
      }
      field = parts.join("");
      // After the closing quote only a separator, a line break or the end may follow.
      const next = input.charCodeAt(i);
      if (i < length && next !== COMMA && next !== LF && next !== CR) {
        problem(line, "Text follows a closing quote; quotes inside a field must be doubled (\"\").");
        const stop = nextBoundary(input, i);
        field += input.slice(i, stop);
        i = stop;
      }
    } else {
      const stop = nextBoundary(input, i);
      field = input.slice(i, stop);
      if (field.includes('"')) problem(line, "A quote appears inside a field that does not start with one.");
      i = stop;
    }
    fields.push(field);
    if (i >= length) break;
    const sep = input.charCodeAt(i);
    if (sep === COMMA) {
      i++;
      // A comma at the very end still opens one more (empty) field.
      if (i >= length) fields.push("");
      continue;
    }
    // A line break ends the record.
    i += sep === CR && input.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRecord();
  }
  if (started) endRecord();
  return { records, problems };
}

/** The index of the next comma or line break at or after `from` (or the end). */
function nextBoundary(input: string, from: number): number {
  for (let j = from; j < input.length; j++) {
    const c = input.charCodeAt(j);
    if (c === COMMA || c === LF || c === CR) return j;
  }
  return input.length;
}

/** Line breaks in input[from, to): CRLF, LF and a lone CR each count once. */
function countLineBreaks(input: string, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) {
    const c = input.charCodeAt(j);
    if (c === LF) n++;
    else if (c === CR && input.charCodeAt(j + 1) !== LF) n++;
  }
  return n;
}
