/**
 * Human labels for database enum values: `DELIVERY_POD` → `Delivery pod`, `SEO_ANALYTICS` → `SEO analytics`.
 * Acronyms keep their capitals.
 */

const ACRONYMS: Record<string, string> = {
  SEO: "SEO",
  CRM: "CRM",
  SLA: "SLA",
  KPI: "KPI",
  REVOPS: "RevOps",
  WIP: "WIP",
};

export function enumLabel(value: string): string {
  const words = value.split("_").filter((w) => w.length > 0);
  return words
    .map((word, index) => {
      const acronym = ACRONYMS[word];
      if (acronym) return acronym;
      const lower = word.toLowerCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(" ");
}
