import { z } from "zod";

/*
 * The strict input layer: bounded zod field builders. Every lib/<domain>/schema.ts builds its fields from
 * these instead of raw z.coerce / z.string(), so every id, number, date and text that reaches an action is
 * bounded, and hostile input is answered with a message a person can act on (never a database error).
 *
 *   import { idField, optionalIdField, intField, numberField, dayField, textField, emailField } from "@/lib/validation/fields";
 *
 *   itemId: idField(),                                  // 1..2147483647 (Postgres int4); 5 or "5"
 *   version: versionField(),                            // same bounds, "Reload the page…" message
 *   ownerPersonId: optionalIdField("Choose a person"),  // "" / null / undefined → null
 *   estimate: intField({ label: "Points", min: 0, max: 100 }).nullable(),
 *   target: numberField({ label: "The target", min: -1e12, max: 1e12 }),
 *   neededBy: dayField({ label: "Needed by" }),         // "YYYY-MM-DD", a real day in 2000..2100 → string
 *   cadenceAnchor: dayField({ label: "First sprint" }).transform(utcDay),  // → Date at UTC midnight
 *   title: textField({ label: "Title", min: 3, max: 200 }),
 *   description: textField({ label: "Description", max: 10_000, multiline: true }).default(""),
 *
 * Numbers are strict: a number, or a string of plain decimal digits (what an <input> sends). `true`, `[5]`,
 * `"0x10"`, `"1e3"`, `""` and `null` are refused (use .nullable() / optionalIdField when empty is allowed).
 * Text is NFC-normalised and trimmed; NUL, other control characters and unpaired UTF-16 surrogates are refused
 * with a message (they break Postgres text and JSON). Lengths are counted after normalisation.
 */

/** Largest value of a Postgres `integer` (every id and version column). */
export const MAX_INT4 = 2_147_483_647;

/** Dates outside this range are refused unless a field sets its own bounds (no sprints in 1900 or 9999). */
export const MIN_DAY = "2000-01-01";
export const MAX_DAY = "2100-12-31";

const INTEGER_TEXT = /^[+-]?\d{1,16}$/;
const DECIMAL_TEXT = /^[+-]?(?:\d{1,16}(?:\.\d{0,12})?|\.\d{1,12})$/;

type NumberOptions = {
  /** Used in the default messages: "{label} must be a whole number". */
  label?: string;
  min: number;
  max: number;
  /** Replaces every default message (e.g. "Choose a team"). */
  message?: string;
  minMessage?: string;
  maxMessage?: string;
};

function strictNumber(integer: boolean, opts: NumberOptions) {
  const label = opts.label ?? "This value";
  const typeMessage = opts.message ?? (integer ? `${label} must be a whole number` : `${label} must be a number`);
  const minMessage = opts.minMessage ?? opts.message ?? `${label} must be at least ${opts.min.toLocaleString("en-GB")}`;
  const maxMessage = opts.maxMessage ?? opts.message ?? `${label} must be at most ${opts.max.toLocaleString("en-GB")}`;
  return z
    .union([z.number(), z.string()], { message: typeMessage })
    .transform((value, ctx) => {
      if (typeof value === "number") return value;
      const text = value.trim();
      if (!(integer ? INTEGER_TEXT : DECIMAL_TEXT).test(text)) {
        ctx.addIssue({ code: "custom", message: typeMessage });
        return z.NEVER;
      }
      return Number(text);
    })
    .pipe(
      (integer ? z.number({ message: typeMessage }).int(typeMessage) : z.number({ message: typeMessage }))
        .min(opts.min, minMessage)
        .max(opts.max, maxMessage),
    );
}

/** A whole number within [min, max] (both required: every number is bounded). */
export function intField(opts: NumberOptions) {
  return strictNumber(true, opts);
}

/** A finite decimal number within [min, max]. */
export function numberField(opts: NumberOptions) {
  return strictNumber(false, opts);
}

/** A row id: a whole number 1..2147483647. */
export function idField(message = "Choose an item from the list") {
  return strictNumber(true, { min: 1, max: MAX_INT4, message });
}

/** An optimistic-concurrency version the page read (1..2147483647). */
export function versionField() {
  return strictNumber(true, { min: 1, max: MAX_INT4, message: "This page is out of date: reload it and try again" });
}

/** An id that may be left empty: "", null and undefined all mean none (null). */
export function optionalIdField(message = "Choose an item from the list") {
  return z.preprocess((v) => (v === "" || v === undefined ? null : v), idField(message).nullable());
}

/** Midnight UTC of a `YYYY-MM-DD` day (how Prisma stores a `@db.Date`). */
export function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function formatDay(day: string): string {
  return utcDay(day).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** A calendar day `YYYY-MM-DD` that exists and lies within [min, max] (default 2000-01-01..2100-12-31). */
export function dayField(opts: { label?: string; message?: string; min?: string; max?: string } = {}) {
  const label = opts.label ?? "The date";
  const min = opts.min ?? MIN_DAY;
  const max = opts.max ?? MAX_DAY;
  const shape = opts.message ?? `${label}: enter a date like 2026-01-05`;
  return z
    .string({ message: shape })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, shape)
    .refine((s) => {
      const d = utcDay(s);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, opts.message ?? `${label}: that day does not exist`)
    .refine((s) => s >= min && s <= max, opts.message ?? `${label} must be between ${formatDay(min)} and ${formatDay(max)}`);
}

// C0 controls except TAB, LF, CR; DEL; and C1 controls. NUL gets a message of its own.
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of text cannot be stored, or null when it can. */
export function unsafeTextReason(text: string, multiline = true): string | null {
  if (text.includes("\u0000")) return "contains a NUL character (often from a pasted binary file); remove it and try again";
  if (LONE_SURROGATE.test(text)) return "contains a broken character (half of an emoji or symbol); retype it and try again";
  if (CONTROL.test(text)) return "contains an invisible control character; retype the text or paste it as plain text";
  if (!multiline && LINE_BREAK.test(text)) return "must be on one line";
  return null;
}

type TextOptions = {
  label?: string;
  /** Minimum length after trimming (0 by default: may be empty). */
  min?: number;
  max: number;
  minMessage?: string;
  maxMessage?: string;
  /** Line breaks allowed (descriptions, criteria). Default false: one line. */
  multiline?: boolean;
};

/** Text: refused when it holds NUL / control characters / lone surrogates, then NFC-normalised, trimmed and bounded. */
export function textField(opts: TextOptions) {
  const label = opts.label ?? "This text";
  const min = opts.min ?? 0;
  return z
    .string({ message: `${label} must be text` })
    .superRefine((s, ctx) => {
      const reason = unsafeTextReason(s, opts.multiline ?? false);
      if (reason) ctx.addIssue({ code: "custom", message: `${label} ${reason}` });
    })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(min, opts.minMessage ?? (min === 1 ? `${label} cannot be empty` : `${label} needs at least ${min} characters`))
        .max(opts.max, opts.maxMessage ?? `Keep ${label.toLowerCase()} under ${opts.max.toLocaleString("en-GB")} characters`),
    );
}

/** An e-mail address, lower-cased (logins and people are matched by it). */
export function emailField(message = "Enter an email address like name@company.com") {
  return textField({ label: "The email address", min: 3, max: 254 }).pipe(z.string().toLowerCase().email(message));
}

/** An http(s) link, or "" / null for none (→ null). */
export function optionalUrlField(opts: { label?: string; max?: number } = {}) {
  const label = opts.label ?? "The link";
  return z
    .union([z.literal(""), z.null(), textField({ label, max: opts.max ?? 2000 })], { message: `${label} must be text` })
    .transform((v) => (v === "" || v === null ? null : v))
    .pipe(
      z
        .string()
        .url("Enter a full link, e.g. https://…")
        .regex(/^https?:\/\//i, "Use an http:// or https:// link")
        .nullable(),
    );
}

/** A bounded list: every array an action takes has a maximum length. */
export function listField<T extends z.ZodType>(item: T, opts: { min?: number; max: number; minMessage?: string; maxMessage?: string }) {
  return z
    .array(item, { message: "Expected a list" })
    .min(opts.min ?? 0, opts.minMessage ?? `Choose at least ${opts.min ?? 0}`)
    .max(opts.max, opts.maxMessage ?? `At most ${opts.max} at a time`);
}
