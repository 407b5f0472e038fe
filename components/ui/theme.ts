/** The colour theme a person chose: the system's (default), or light or dark whatever the system says. */
export type ThemeChoice = "system" | "light" | "dark";

export const THEME_COOKIE = "theme";

/** Reads the cookie's value; anything unknown is "system". */
export function parseTheme(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/** The class on <html> for a choice ("" lets `color-scheme: light dark` follow the system). */
export function themeClass(choice: ThemeChoice): string {
  return choice === "system" ? "" : choice;
}
