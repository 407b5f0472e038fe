/*
 * Counted nouns in the app's voice: "1 partner", "3 partners", "0 items". Irregular plurals are given
 * explicitly; numbers over 999 get a thousands separator.
 */

const IRREGULAR: Record<string, string> = {
  person: "people",
  "key result": "key results",
  story: "stories",
  dependency: "dependencies",
  capability: "capabilities",
  activity: "activities",
  "unread notification": "unread notifications",
};

/** The plural of a noun (regular English, plus the app's irregular ones). */
export function pluralOf(noun: string): string {
  if (IRREGULAR[noun]) return IRREGULAR[noun];
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** `plural(1, "partner")` → "1 partner"; `plural(3, "partner")` → "3 partners". */
export function plural(count: number, noun: string, pluralForm?: string): string {
  const word = count === 1 ? noun : (pluralForm ?? pluralOf(noun));
  return `${count.toLocaleString("en-GB")} ${word}`;
}
