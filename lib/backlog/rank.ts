/**
 * Rank keys: strings over 0-9a-z compared as plain text, so a key can always be made between any two others
 * without renumbering (fractional indexing). Digits then lowercase letters sort the same in byte order and in
 * any collation PostgreSQL may use, so ORDER BY rank needs no COLLATE.
 *
 * Invariant: a key never ends in "0" (the smallest digit); otherwise "a" and "a0" would leave no room
 * between them. Keys grow when one spot is inserted into repeatedly; past MAX_RANK_LENGTH the rank space is
 * rebalanced with `spacedKeys`.
 */
export const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
const BASE = DIGITS.length;
const ZERO = DIGITS[0]!;
export const MAX_RANK_LENGTH = 32;

export function isValidRank(key: string): boolean {
  return key.length > 0 && key.length <= 64 && /^[0-9a-z]+$/.test(key) && !key.endsWith(ZERO);
}

/** A key strictly between `a` and `b` (null = open end). Throws when a >= b or a key is malformed. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && !isValidRank(a)) throw new Error(`invalid rank key "${a}"`);
  if (b !== null && !isValidRank(b)) throw new Error(`invalid rank key "${b}"`);
  if (a !== null && b !== null && a >= b) throw new Error(`rank keys out of order: "${a}" >= "${b}"`);
  return midpoint(a ?? "", b);
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Shared prefix (a padded with zeros): keep it and work on the rest.
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0]!) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0]!) : BASE;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)]!;
  // Adjacent first digits: b's first digit alone is between when b is longer; else extend a.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[digitA]! + midpoint(a.slice(1), null);
}

/** `count` evenly spaced keys of one width, none ending in "0": a fresh rank space, or a rebalance. */
export function spacedKeys(count: number): string[] {
  if (count <= 0) return [];
  let width = 2;
  while (BASE ** width < (count + 1) * BASE) width++;
  const step = Math.floor(BASE ** width / (count + 1));
  const keys: string[] = [];
  for (let i = 1; i <= count; i++) {
    let value = i * step;
    if (value % BASE === 0) value += 1; // no trailing zero; step >= BASE keeps keys increasing
    keys.push(value.toString(BASE).padStart(width, ZERO));
  }
  return keys;
}

/**
 * `count` increasing keys after `last` (null: an empty space) with nothing between them and `last`: the bottom
 * of a rank space for a batch of new items. Each is `last` plus one evenly spaced suffix, so the batch costs a
 * few characters, not one per item; the caller rebalances when the result is longer than MAX_RANK_LENGTH.
 */
export function keysAfter(last: string | null, count: number): string[] {
  if (last !== null && !isValidRank(last)) throw new Error(`invalid rank key "${last}"`);
  const suffixes = spacedKeys(count);
  return last === null ? suffixes : suffixes.map((s) => last + s);
}
