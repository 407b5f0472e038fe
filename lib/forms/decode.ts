import type { z } from "zod";

/*
 * FormData → the input object an action's zod schema expects, read from the schema itself, so one schema
 * serves the form (validated in the browser before the round trip) and the action (validated again on the
 * server, where a form posted before hydration arrives as FormData too). Pure and shared by both sides.
 *
 * Names: `title`, `members.0.role` (nested objects and arrays by dotted path); a name given several times is
 * an array. Values, by what the schema accepts at that path:
 *   - ""             → "" when the schema allows the empty string, else null when nullable, else undefined
 *   - "12"           → 12 where it takes a number (and no free text)
 *   - "on" / "true"  → true where it takes a boolean; a checkbox left unticked (absent) → false
 *   - absent array   → []
 * Anything else stays a string, and the schema says what is wrong with it in its own words.
 */

type FormValue = FormDataEntryValue;
type RawTree = { [key: string]: RawNode };
type RawNode = FormValue | FormValue[] | RawTree;

interface Accepts {
  string: boolean;
  number: boolean;
  boolean: boolean;
  null: boolean;
  optional: boolean;
  emptyString: boolean;
  array: z.ZodType | null;
  object: Record<string, z.ZodType> | null;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: readonly z.ZodType[];
  values?: readonly unknown[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function collect(schema: z.ZodType, acc: Accepts, depth = 0): void {
  if (depth > 20) return;
  const def = defOf(schema);
  const next = (inner: z.ZodType | undefined) => inner && collect(inner, acc, depth + 1);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "catch":
      acc.optional = true;
      return next(def.innerType);
    case "nullable":
      acc.null = true;
      return next(def.innerType);
    case "readonly":
    case "nonoptional":
    case "promise":
      return next(def.innerType);
    case "lazy":
      return next(def.getter?.());
    case "pipe":
      // z.preprocess(fn, schema) is pipe(transform, schema): the schema after it says what the field is.
      return next(def.in && defOf(def.in).type === "transform" ? def.out : def.in);
    case "union":
      for (const option of def.options ?? []) next(option);
      return;
    case "number":
    case "int":
    case "bigint":
      acc.number = true;
      return;
    case "boolean":
      acc.boolean = true;
      return;
    case "null":
      acc.null = true;
      return;
    case "undefined":
    case "void":
      acc.optional = true;
      return;
    case "literal":
      for (const value of def.values ?? []) {
        if (value === "") acc.emptyString = true;
        else if (typeof value === "number") acc.number = true;
        else if (typeof value === "boolean") acc.boolean = true;
        else if (value === null) acc.null = true;
        else acc.string = true;
      }
      return;
    case "array":
      acc.array = def.element ?? null;
      return;
    case "object":
      acc.object = def.shape ?? null;
      return;
    default:
      // string, enum, date (from its text), template literals, anything opaque: a string.
      acc.string = true;
  }
}

function accepts(schema: z.ZodType): Accepts {
  const acc: Accepts = { string: false, number: false, boolean: false, null: false, optional: false, emptyString: false, array: null, object: null };
  collect(schema, acc);
  return acc;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function coerceText(text: string, acc: Accepts): unknown {
  if (acc.boolean && !acc.string) {
    if (text === "on" || text === "true") return true;
    if (text === "off" || text === "false" || text === "") return false;
  }
  if (text.trim() === "") {
    if (acc.emptyString || (acc.string && !acc.null && !acc.optional)) return text;
    if (acc.null) return null;
    if (acc.optional) return undefined;
    return text;
  }
  if (acc.number && !acc.string && NUMBER.test(text.trim())) return Number(text.trim());
  return text;
}

function coerce(schema: z.ZodType, raw: RawNode | undefined): unknown {
  const acc = accepts(schema);
  if (acc.object) {
    const tree: RawTree = raw !== undefined && !Array.isArray(raw) && !isValue(raw) ? raw : {};
    if (raw === undefined && (acc.optional || acc.null) && !acc.boolean) return acc.optional ? undefined : null;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(acc.object)) {
      const value = coerce(field, tree[key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (acc.array) {
    const element = acc.array;
    if (raw === undefined) return [];
    if (Array.isArray(raw)) return raw.map((item) => coerce(element, item));
    if (isValue(raw)) return [coerce(element, raw)];
    // members.0.role, members.1.role → an object keyed by index: back to an array in index order.
    return Object.keys(raw)
      .filter((key) => /^\d+$/.test(key))
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => coerce(element, raw[key]));
  }
  if (raw === undefined) return acc.boolean ? false : undefined;
  if (Array.isArray(raw)) return raw.map((item) => (typeof item === "string" ? coerceText(item, acc) : item));
  if (typeof raw === "string") return coerceText(raw, acc);
  return raw; // a File, or a nested tree the schema does not describe
}

const isValue = (node: RawNode): node is FormValue => typeof node === "string" || (typeof File !== "undefined" && node instanceof File);

function toTree(form: FormData): RawTree {
  const root: RawTree = {};
  for (const name of new Set(form.keys())) {
    // React's and Next's own fields ($ACTION_ID_…, $ACTION_REF_…) are not the form's.
    if (name.startsWith("$ACTION")) continue;
    const values = form.getAll(name);
    const path = name.split(".");
    let node: RawTree = root;
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      if (child === undefined || isValue(child) || Array.isArray(child)) node[segment] = {};
      node = node[segment] as RawTree;
    }
    node[path.at(-1) ?? name] = values.length === 1 ? (values[0] as FormValue) : values;
  }
  return root;
}

/** The schema's input, read from a form's data. */
export function decodeForm<S extends z.ZodType>(schema: S, form: FormData): z.input<S> {
  return coerce(schema, toTree(form)) as z.input<S>;
}

/** Zod's issues as "field path → its first message" (the shape `ActionResult.fieldErrors` has). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "_"] ??= issue.message;
  return out;
}
