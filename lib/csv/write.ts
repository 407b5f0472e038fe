/**
 * A small RFC 4180 CSV writer: CRLF between records (and after the last), a field in double quotes when it holds
 * a comma, a quote, a line break or leading/trailing spaces, with quotes doubled. Pure: no I/O.
 *
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab / CR) would run as a formula when the
 * file is opened in Excel or Sheets, so such cells are written with a leading apostrophe. `unguardCell` takes it
 * off again when the file is imported, so export → import round-trips exactly.
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// Any run of apostrophes before a formula character, so a literal "'=x" survives the round trip too.
const FORMULA_START = /^'*[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // Numbers are data, not formulas: "-3" stays as it is.
  if (typeof value === "number") return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function writeCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/** Undoes the formula guard of `writeCsv` on one cell read back from a file. */
export function unguardCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
