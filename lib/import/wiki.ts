/**
 * Jira wiki markup ↔ the plain text our descriptions hold. Pure.
 *
 * `wikiToText` makes a Jira description readable as plain text: headings lose their `h2.`, lists get bullets
 * and numbers, tables become `a | b` lines, links become `text (url)`, images `[image: name.png]`, mentions
 * `@mention`, and bold/italic/strike/colour markers go. `{code}` and `{noformat}` blocks are kept verbatim.
 *
 * `textToWiki` writes our plain text so that Jira shows it literally (a backslash before a character Jira
 * would read as markup, `&#92;` for a backslash) — and so that `wikiToText(textToWiki(t)) === t` for every
 * text t (a property test holds it): our export re-imports unchanged, and Jira takes the same file.
 */

/** Characters a backslash may escape (Jira's markup characters, plus `.` for `h1.`/`bq.` at a line start). */
const SPECIALS = "*_?-+^~{}[]|!#.";
const PUA = 0xe000;
// Escaped characters are parked in the private-use area while markup is read, then put back.
const parkOf = (ch: string) => String.fromCharCode(PUA + SPECIALS.indexOf(ch));
const PARKED = new RegExp(`[\\u${PUA.toString(16)}-\\u${(PUA + SPECIALS.length - 1).toString(16)}]`, "g");
const ESCAPE = /\\([*_?\-+^~{}[\]|!#.])/g;

const WORD = "\\p{L}\\p{N}";
/** An inline marker pair: opens after a non-word character, closes before one; never touches spaces inside. */
const inline = (marker: string) => {
  const m = marker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^${WORD}])${m}(?=\\S)(.+?)(?<=\\S)${m}(?=$|[^${WORD}])`, "gu");
};
const INLINE_MARKERS = ["*", "_", "-", "+", "^", "~", "??"];
const INLINE = INLINE_MARKERS.map(inline);
const IMAGE = /!((?:https?:\/\/)?[^!\s|]+\.[A-Za-z0-9]{2,5})(?:\|[^!\n]*)?!/g;
const LINK = /\[([^\]\n]*)\]/g;

function readLink(inner: string): string {
  if (inner.startsWith("~")) return "@mention";
  const parts = inner.split("|");
  if (parts.length === 1) return inner.startsWith("#") ? inner.slice(1) : inner;
  const [text, url] = [parts[0]!.trim(), parts[1]!.trim()];
  if (!text || text === url) return url;
  return `${text} (${url})`;
}

function readInline(text: string): string {
  // Most lines of most descriptions hold no markup at all.
  if (!/[*_\-+^~?{[!\\]/.test(text)) return text;
  let out = text
    .replace(/\{color(?::[^}]*)?\}/g, "")
    .replace(/\{\{(.+?)\}\}/g, "$1")
    .replace(LINK, (_m, inner: string) => readLink(inner))
    .replace(IMAGE, (_m, name: string) => `[image: ${name}]`);
  INLINE_MARKERS.forEach((marker, i) => {
    if (!out.includes(marker)) return;
    // Twice: a marker pair can sit inside another (*_bold italic_*).
    out = out.replace(INLINE[i]!, "$1$2").replace(INLINE[i]!, "$1$2");
  });
  return out.replace(/\\\\/g, "\n");
}

/** Jira wiki markup → readable plain text (line endings kept as they are). */
export function wikiToText(wiki: string): string {
  if (wiki === "") return "";
  // A raw character in the parking range would be mistaken for an escape: hold it as an entity instead.
  const parked = wiki
    .replace(PARKED, (c) => `&#${c.charCodeAt(0)};`)
    .replace(ESCAPE, (_m, ch: string) => parkOf(ch));
  const lines = parked.split(/(\r\n|\n|\r)/);
  const out: string[] = [];
  let verbatim: string | null = null; // "code" or "noformat" while inside such a block
  let quote = false;
  const numbers: number[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    let line = lines[i]!;
    const eol = lines[i + 1] ?? "";
    if (verbatim) {
      const end = line.search(new RegExp(`(?<!\\{)\\{${verbatim}\\}(?!\\})`));
      if (end === -1) {
        out.push(line + eol);
        continue;
      }
      const before = line.slice(0, end);
      line = line.slice(end + verbatim.length + 2);
      verbatim = null;
      if (before) out.push(before);
      if (!line.trim()) {
        if (before) out.push(eol);
        continue;
      }
    }
    const open = /(?<!\{)\{(code|noformat)(?::[^}]*)?\}(?!\})/.exec(line);
    if (open) {
      const before = line.slice(0, open.index);
      const rest = line.slice(open.index + open[0].length);
      const close = rest.search(new RegExp(`(?<!\\{)\\{${open[1]}\\}(?!\\})`));
      if (close !== -1) {
        out.push(readInline(before) + rest.slice(0, close) + readInline(rest.slice(close + open[1]!.length + 2)) + eol);
        continue;
      }
      verbatim = open[1]!;
      if (before.trim()) out.push(readInline(before) + eol);
      if (rest) out.push(rest + eol);
      continue;
    }
    if (/^\s*\{quote\}\s*$/.test(line)) {
      quote = !quote;
      continue;
    }
    line = line.replace(/\{quote\}/g, "").replace(/\{panel(?::[^}]*)?\}/g, "");
    let text: string;
    const list = /^([*#-]+)\s+(.*)$/.exec(line);
    if (/^\s*----\s*$/.test(line)) text = "———";
    else if (/^h[1-6]\.\s/.test(line)) text = readInline(line.replace(/^h[1-6]\.\s+/, ""));
    else if (/^bq\.\s/.test(line)) text = `> ${readInline(line.replace(/^bq\.\s+/, ""))}`;
    else if (/^\s*\|/.test(line)) {
      const cells = readInline(line)
        .trim()
        .replace(/^\|\|?|\|\|?$/g, "")
        .split(/\|\|?/)
        .map((c) => c.trim().replace(/^h[1-6]\.\s+/, ""));
      text = cells.join(" | ");
    } else if (list && !(list[1]!.startsWith("-") && list[1]!.length > 1 && /^-+$/.test(list[1]!))) {
      const depth = list[1]!.length;
      const numbered = list[1]!.endsWith("#");
      numbers.length = depth;
      numbers[depth - 1] = numbered ? (numbers[depth - 1] ?? 0) + 1 : 0;
      for (let d = 0; d < depth - 1; d++) numbers[d] ??= 0;
      const bullet = numbered ? `${numbers[depth - 1]}.` : "•";
      text = `${"  ".repeat(depth - 1)}${bullet} ${readInline(list[2]!)}`;
    } else {
      text = readInline(line);
    }
    if (!list) numbers.length = 0;
    out.push((quote && text ? `> ${text}` : text) + eol);
  }
  return out
    .join("")
    .replace(PARKED, (c) => SPECIALS[c.charCodeAt(0) - PUA]!)
    .replace(/&#(\d{1,7});/g, (m, code: string) => {
      const n = Number(code);
      return n <= 0x10ffff ? String.fromCodePoint(n) : m;
    });
}

const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Plain text → Jira wiki markup that shows the text literally. Escapes only what `wikiToText` (and Jira) would
 * read as markup, so ordinary prose stays as it is.
 */
export function textToWiki(text: string): string {
  if (text === "") return "";
  let out = "";
  let lineStart = true;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    const code = c.codePointAt(0)!;
    if (c === "\\") out += "&#92;";
    else if (c === "&" && /^#\d{1,7};/.test(chars.slice(i + 1, i + 10).join(""))) out += "&#38;";
    else if (code >= PUA && code < PUA + SPECIALS.length) out += `&#${code};`;
    else if ("*_+^~{[|".includes(c)) out += `\\${c}`;
    else if (c === "!" && next !== "" && !/\s/.test(next)) out += "\\!";
    else if (c === "-" && dashIsMarkup(prev, next, lineStart)) out += "\\-";
    else if (c === "?" && (prev === "?" || next === "?")) out += "\\?";
    else if (c === "#" && lineStart) out += "\\#";
    else if (c === "." && lineStart === false && /^(?:h[1-6]|bq)$/.test(lineSoFar(chars, i))) out += "\\.";
    else out += c;
    lineStart = c === "\n" || c === "\r";
  }
  return out;
}

/**
 * Whether a hyphen could be read as markup: a list or rule at a line start, or the opening (before a non-space,
 * after a non-word character) or closing (after a non-space, before a non-word character) of a -strike-.
 */
function dashIsMarkup(prev: string, next: string, lineStart: boolean): boolean {
  if (lineStart) return true;
  const space = (c: string) => c === "" || /\s/.test(c);
  const opens = !ALNUM.test(prev) && !space(next);
  const closes = !space(prev) && !ALNUM.test(next);
  return opens || closes;
}

/** The text of the current line before index i. */
function lineSoFar(chars: readonly string[], i: number): string {
  let j = i;
  while (j > 0 && chars[j - 1] !== "\n" && chars[j - 1] !== "\r") j--;
  return chars.slice(j, i).join("");
}
