import type { MemberRole } from "@/lib/generated/prisma/enums";

/**
 * How the org chart colours a role: by the pod capability it brings (rules.ts CAPABILITIES), so a glance at a
 * pod shows what it can and cannot do. Class names are literal so Tailwind keeps them.
 */
export type RoleFamily = "backlog" | "flow" | "messaging" | "visual" | "channels" | "performance" | "specialist" | "oversight";

export const ROLE_FAMILY: Record<MemberRole, RoleFamily> = {
  PRODUCT_OWNER: "backlog",
  AGILE_LEAD: "flow",
  CONTENT_STRATEGIST: "messaging",
  DESIGNER: "visual",
  VIDEO_CREATIVE: "visual",
  PAID_MEDIA: "channels",
  CRM_LIFECYCLE: "channels",
  SEO_ANALYTICS: "performance",
  REVOPS_ATTRIBUTION: "performance",
  CUSTOMER_SUCCESS_LIAISON: "specialist",
  LEGAL_COUNSEL: "specialist",
  BRAND_MANAGER: "specialist",
  WEB_DEVELOPER: "specialist",
  OVERSIGHT: "oversight",
};

export const FAMILY_STYLE: Record<RoleFamily, { label: string; avatar: string; dot: string }> = {
  backlog: { label: "Owns the backlog", avatar: "bg-indigo-600 text-white", dot: "bg-indigo-600" },
  flow: { label: "Agile lead", avatar: "bg-violet-700 text-white", dot: "bg-violet-500" },
  messaging: { label: "Messaging", avatar: "bg-sky-700 text-white", dot: "bg-sky-500" },
  visual: { label: "Visual assets", avatar: "bg-pink-700 text-white", dot: "bg-pink-500" },
  channels: { label: "Channels", avatar: "bg-emerald-700 text-white", dot: "bg-emerald-500" },
  performance: { label: "Performance", avatar: "bg-amber-700 text-white", dot: "bg-amber-500" },
  specialist: { label: "Specialist", avatar: "bg-slate-600 text-white", dot: "bg-slate-500" },
  oversight: { label: "Oversight", avatar: "bg-slate-800 text-white", dot: "bg-slate-800" },
};

/** "Chloe Martin" → "CM"; "Niamh O'Connor" → "NO". */
export function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}
