/**
 * The organisation: value streams, teams (delivery pods and shared services), people, memberships, logins,
 * decision rights and service-level agreements. Roles follow the agile marketing team-structure article.
 */
import {
  DecisionMode,
  IntakeMethod,
  MemberRole,
  OrgRole,
  TeamKind,
  TeamShape,
  TurnaroundUnit,
  ValueStreamKind,
} from "@/lib/generated/prisma/enums";
import { ORGANIZATION, emailOf, idOf, type SeedContext, type Tx } from "./context";

// ───────────────────────────── definitions ─────────────────────────────

export interface ValueStreamDef {
  slug: string;
  name: string;
  kind: ValueStreamKind;
  description: string;
}

export const VALUE_STREAMS: ValueStreamDef[] = [
  { slug: "acquisition", name: "Acquisition", kind: ValueStreamKind.LIFECYCLE_STAGE, description: "Turn the right strangers into qualified leads and trials: paid, organic and events." },
  { slug: "activation", name: "Activation", kind: ValueStreamKind.LIFECYCLE_STAGE, description: "Get trial users to their first moment of value and convert them into paying customers." },
  { slug: "retention", name: "Retention", kind: ValueStreamKind.LIFECYCLE_STAGE, description: "Keep customers successful and renewing; catch churn risk early." },
  { slug: "expansion", name: "Expansion", kind: ValueStreamKind.LIFECYCLE_STAGE, description: "Grow accounts: seat expansion, add-ons and upgrades to the Enterprise tier." },
  { slug: "brand-awareness", name: "Brand Awareness", kind: ValueStreamKind.BUYER_JOURNEY, description: "Be the name marketing-ops buyers think of first: brand, content and thought leadership." },
  { slug: "emea-launch", name: "EMEA Launch", kind: ValueStreamKind.STRATEGIC_INITIATIVE, description: "Enter DACH and the Nordics in the next planning interval. No pod yet: staffed from the next hiring round." },
];

export interface PersonDef {
  /** Local part of the person's e-mail address; also the key the rest of the seed uses. */
  handle: string;
  name: string;
  title: string;
}

function person(name: string, title: string): PersonDef {
  const handle = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".");
  return { handle, name, title };
}

export const PEOPLE: PersonDef[] = [
  // Leadership and operations
  person("Eleanor Whitfield", "Chief Marketing Officer"),
  person("Marcus Adeyemi", "VP Marketing"),
  person("Sophie Lindqvist", "Head of Marketing Strategy & Portfolio"),
  person("Priya Raman", "Director of Marketing Operations"),
  // Acquisition pod
  person("Daniel Okafor", "Growth Product Owner"),
  person("Hannah Brooks", "Agile Lead"),
  person("Oliver Grant", "Senior Content Strategist"),
  person("Aisha Khan", "Paid Media Lead"),
  person("Tom Castellano", "Paid Social Specialist"),
  person("Chloe Martin", "Senior Designer"),
  person("Ravi Patel", "SEO & Analytics Manager"),
  person("Lucy Evans", "Video Producer"),
  // Activation pod
  person("Grace Whitaker", "Lifecycle Product Owner"),
  person("Samuel Osei", "Agile Lead"),
  person("Emily Clarke", "CRM Manager"),
  person("Jack Morrison", "Email Operations Specialist"),
  person("Maya Fischer", "UX Copywriter"),
  person("Ben Harrington", "Product Designer"),
  person("Zara Hussain", "Customer Experience Liaison"),
  person("Leo Novak", "Marketing Analyst"),
  // Retention pod (no designer: the incomplete pod)
  person("Isabel Moreno", "Retention Product Owner"),
  person("Kwame Mensah", "Agile Lead"),
  person("Rachel Young", "Retention Marketing Manager"),
  person("Ethan Walsh", "Customer Insights Analyst"),
  person("Niamh O'Connor", "Support Content Writer"),
  person("Fatima Begum", "Customer Success Liaison"),
  // Expansion pod (four people: the pod that is too small)
  person("Alexander Reid", "Expansion Product Owner"),
  person("Jasmine Wong", "Lifecycle Marketing Manager"),
  person("Callum Fraser", "Visual Designer"),
  person("Nadia Petrova", "RevOps & Attribution Analyst"),
  // Brand & Content pod
  person("Harriet Lawson", "Content Product Owner"),
  person("Dev Sharma", "Agile Lead"),
  person("Imogen Hale", "Managing Editor"),
  person("Felix Turner", "Content Writer"),
  person("Yusuf Ali", "Motion Designer"),
  person("Olivia Bennett", "SEO Content Lead"),
  person("Ruby Chen", "Social Media Manager"),
  person("Theo Wright", "Brand Designer"),
  // Legal shared service
  person("Catherine Moore", "Head of Legal, Marketing"),
  person("James Whitmore", "Legal Counsel"),
  person("Amara Nwosu", "Commercial Counsel"),
  // Brand shared service
  person("Victoria Hughes", "Brand Director"),
  person("Lewis Campbell", "Brand Manager"),
  person("Sienna Rossi", "Brand Manager"),
  person("Arjun Mehta", "Brand Designer"),
  // Analytics shared service
  person("Helen Carter", "Head of Marketing Analytics"),
  person("Mohammed Rahman", "Analytics Engineer"),
  person("Laura Kim", "Attribution Analyst"),
  person("Peter Lindgren", "RevOps Analyst"),
  // Web shared service
  person("George Bailey", "Web Platform Lead"),
  person("Anika Johansson", "Senior Web Developer"),
  person("Ryan Doyle", "Web Developer"),
  person("Mei Tanaka", "Front-end Developer"),
  // Stakeholders and people not (yet) in a team
  person("Charlotte Price", "Finance Business Partner, Marketing"),
  person("Simon Hall", "Head of Sales Operations"),
  person("Amelia Foster", "Head of Customer Success"),
  person("Nathan Cole", "Director of Product Marketing"),
  person("Ellie Davies", "Marketing Coordinator"),
  person("Jonas Weber", "EMEA Marketing Lead (designate)"),
  person("Farah Aziz", "Events Manager"),
  person("Owen Pritchard", "Marketing Technologist"),
  person("Grace Liu", "Partner Marketing Manager"),
];

/** Handles by first name + surname initial would be ambiguous; these constants keep the references readable. */
export const P = {
  cmo: "eleanor.whitfield",
  vp: "marcus.adeyemi",
  strategy: "sophie.lindqvist",
  ops: "priya.raman",
  finance: "charlotte.price",
  salesOps: "simon.hall",
} as const;

export type DecisionDef = {
  decision: string;
  mode: DecisionMode;
  approver?: string;
  approverRole?: string;
  responseHours?: number;
  escalationRoute: string;
};

export interface TeamDef {
  slug: string;
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  mission: string;
  valueStream: string | null;
  wipLimit: number;
  requiresBriefLink: boolean;
  /** [person handle, role, allocation %] */
  members: [string, MemberRole, number][];
  decisions: DecisionDef[];
}

const R = MemberRole;
const OWNS = DecisionMode.TEAM_OWNS;
const APPROVAL = DecisionMode.NEEDS_APPROVAL;

const spendApproval = (limit: string): DecisionDef => ({
  decision: `Campaign spend above ${limit}`,
  mode: APPROVAL,
  approver: P.vp,
  responseHours: 24,
  escalationRoute: "VP Marketing → CMO",
});

const claimsApproval: DecisionDef = {
  decision: "Public claims, comparisons and pricing statements",
  mode: APPROVAL,
  approver: "catherine.moore",
  approverRole: "Legal (Claims check SLA)",
  responseHours: 16,
  escalationRoute: "Legal counsel → Head of Legal, Marketing → VP Marketing",
};

export const TEAMS: TeamDef[] = [
  {
    slug: "acquisition",
    name: "Acquisition",
    kind: TeamKind.DELIVERY_POD,
    shape: TeamShape.CROSS_FUNCTIONAL,
    mission: "Generate qualified pipeline efficiently: always-on paid social and search, SEO content and webinars that turn the right strangers into MQLs and trials.",
    valueStream: "acquisition",
    // Tight on purpose: the pod runs over its WIP limit in the demo (dashboard alert).
    wipLimit: 5,
    requiresBriefLink: false,
    members: [
      ["daniel.okafor", R.PRODUCT_OWNER, 100],
      ["hannah.brooks", R.AGILE_LEAD, 100],
      ["oliver.grant", R.CONTENT_STRATEGIST, 100],
      ["aisha.khan", R.PAID_MEDIA, 100],
      ["tom.castellano", R.PAID_MEDIA, 100],
      // Deliberately double-booked: also a designer in Brand & Content (dashboard alert "person double-booked").
      ["chloe.martin", R.DESIGNER, 60],
      ["ravi.patel", R.SEO_ANALYTICS, 100],
      ["lucy.evans", R.VIDEO_CREATIVE, 100],
      [P.vp, R.OVERSIGHT, 10],
      [P.strategy, R.OVERSIGHT, 10],
    ],
    decisions: [
      { decision: "Channel mix and bids within the approved quarterly budget", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "Ad creative and copy variants for tests", mode: OWNS, escalationRoute: "Product owner" },
      spendApproval("£10,000 per campaign"),
      claimsApproval,
    ],
  },
  {
    slug: "activation",
    name: "Activation",
    kind: TeamKind.DELIVERY_POD,
    shape: TeamShape.CROSS_FUNCTIONAL,
    mission: "Get every trial user to first value within 7 days: onboarding journeys, in-product messaging and product-qualified lead hand-off.",
    valueStream: "activation",
    wipLimit: 7,
    requiresBriefLink: false,
    members: [
      ["grace.whitaker", R.PRODUCT_OWNER, 100],
      ["samuel.osei", R.AGILE_LEAD, 100],
      ["emily.clarke", R.CRM_LIFECYCLE, 100],
      ["jack.morrison", R.CRM_LIFECYCLE, 100],
      ["maya.fischer", R.CONTENT_STRATEGIST, 100],
      ["ben.harrington", R.DESIGNER, 100],
      ["zara.hussain", R.CUSTOMER_SUCCESS_LIAISON, 100],
      ["leo.novak", R.REVOPS_ATTRIBUTION, 100],
      [P.vp, R.OVERSIGHT, 10],
      [P.strategy, R.OVERSIGHT, 10],
    ],
    decisions: [
      { decision: "Onboarding journey content, timing and segmentation", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "A/B tests on lifecycle e-mails", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "Changes to the PQL definition handed to Sales", mode: APPROVAL, approver: P.salesOps, approverRole: "Head of Sales Operations", responseHours: 48, escalationRoute: "Head of Sales Operations → VP Marketing" },
      { decision: "In-product messages shown to all trial users", mode: APPROVAL, approver: "nathan.cole", approverRole: "Director of Product Marketing", responseHours: 24, escalationRoute: "Director of Product Marketing → VP Marketing" },
    ],
  },
  {
    slug: "retention",
    name: "Retention",
    kind: TeamKind.DELIVERY_POD,
    shape: TeamShape.HYBRID,
    mission: "Cut avoidable churn: spot churn risk early, run save plays with Customer Success and turn happy customers into advocates.",
    valueStream: "retention",
    wipLimit: 6,
    requiresBriefLink: false,
    members: [
      ["isabel.moreno", R.PRODUCT_OWNER, 100],
      ["kwame.mensah", R.AGILE_LEAD, 100],
      ["rachel.young", R.CRM_LIFECYCLE, 100],
      ["ethan.walsh", R.SEO_ANALYTICS, 100],
      ["niamh.oconnor", R.CONTENT_STRATEGIST, 100],
      ["fatima.begum", R.CUSTOMER_SUCCESS_LIAISON, 100],
      [P.vp, R.OVERSIGHT, 10],
      [P.strategy, R.OVERSIGHT, 10],
    ],
    decisions: [
      { decision: "Save-play sequencing and messaging", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "Retention offers and discounts above 15%", mode: APPROVAL, approver: P.finance, approverRole: "Finance Business Partner", responseHours: 48, escalationRoute: "Finance Business Partner → VP Marketing → CMO" },
      { decision: "Visual assets (no designer in pod: via Brand shared service)", mode: APPROVAL, approver: "victoria.hughes", approverRole: "Brand Director", responseHours: 40, escalationRoute: "Brand review SLA escalation path" },
    ],
  },
  {
    slug: "expansion",
    name: "Expansion",
    kind: TeamKind.DELIVERY_POD,
    shape: TeamShape.HYBRID,
    mission: "Grow revenue from existing accounts: seat expansion, add-on cross-sell and upgrades to the Enterprise tier.",
    valueStream: "expansion",
    wipLimit: 4,
    requiresBriefLink: false,
    members: [
      ["alexander.reid", R.PRODUCT_OWNER, 100],
      ["jasmine.wong", R.CRM_LIFECYCLE, 100],
      ["callum.fraser", R.DESIGNER, 100],
      ["nadia.petrova", R.REVOPS_ATTRIBUTION, 100],
      [P.vp, R.OVERSIGHT, 10],
      [P.strategy, R.OVERSIGHT, 10],
    ],
    decisions: [
      { decision: "Upgrade and cross-sell journeys to existing customers", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "Enterprise pricing and packaging messages", mode: APPROVAL, approver: "nathan.cole", approverRole: "Director of Product Marketing", responseHours: 48, escalationRoute: "Director of Product Marketing → VP Marketing" },
      spendApproval("£5,000 per campaign"),
    ],
  },
  {
    slug: "brand-content",
    name: "Brand & Content",
    kind: TeamKind.DELIVERY_POD,
    shape: TeamShape.CROSS_FUNCTIONAL,
    mission: "Make Northwind the name marketing-ops buyers trust: the brand refresh, always-on editorial, video and research that feed every other pod.",
    valueStream: "brand-awareness",
    wipLimit: 9,
    requiresBriefLink: true,
    members: [
      ["harriet.lawson", R.PRODUCT_OWNER, 100],
      ["dev.sharma", R.AGILE_LEAD, 100],
      ["imogen.hale", R.CONTENT_STRATEGIST, 100],
      ["felix.turner", R.CONTENT_STRATEGIST, 100],
      ["chloe.martin", R.DESIGNER, 40],
      ["yusuf.ali", R.VIDEO_CREATIVE, 100],
      ["olivia.bennett", R.SEO_ANALYTICS, 100],
      ["ruby.chen", R.PAID_MEDIA, 100],
      ["theo.wright", R.DESIGNER, 100],
      [P.vp, R.OVERSIGHT, 10],
    ],
    decisions: [
      { decision: "Editorial calendar and topics", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "Social posting and community replies", mode: OWNS, escalationRoute: "Product owner" },
      { decision: "Changes to brand guidelines", mode: APPROVAL, approver: "victoria.hughes", approverRole: "Brand Director", responseHours: 72, escalationRoute: "Brand Director → CMO" },
      { decision: "Publishing customer names, logos and quotes", mode: APPROVAL, approver: "catherine.moore", approverRole: "Legal", responseHours: 40, escalationRoute: "Legal counsel → Head of Legal, Marketing" },
    ],
  },
  {
    slug: "legal",
    name: "Legal",
    kind: TeamKind.SHARED_SERVICE,
    shape: TeamShape.FUNCTIONAL,
    mission: "Keep marketing fast and safe: contract reviews, claims checks and privacy sign-off within fixed turnaround times.",
    valueStream: null,
    wipLimit: 10,
    requiresBriefLink: false,
    members: [
      ["catherine.moore", R.PRODUCT_OWNER, 100],
      ["james.whitmore", R.LEGAL_COUNSEL, 100],
      ["amara.nwosu", R.LEGAL_COUNSEL, 100],
    ],
    decisions: [
      { decision: "Approve or reject public claims", mode: OWNS, escalationRoute: "Head of Legal, Marketing" },
      { decision: "Contracts above £100,000", mode: APPROVAL, approverRole: "General Counsel", responseHours: 72, escalationRoute: "General Counsel" },
      { decision: "Queue order of requests", mode: OWNS, escalationRoute: "Head of Legal, Marketing → VP Marketing" },
    ],
  },
  {
    slug: "brand",
    name: "Brand",
    kind: TeamKind.SHARED_SERVICE,
    shape: TeamShape.FUNCTIONAL,
    mission: "Guard brand consistency across every pod and market: reviews, guidelines and high-end creative on request.",
    valueStream: null,
    wipLimit: 8,
    requiresBriefLink: true,
    members: [
      ["victoria.hughes", R.PRODUCT_OWNER, 100],
      ["lewis.campbell", R.BRAND_MANAGER, 100],
      ["sienna.rossi", R.BRAND_MANAGER, 100],
      ["arjun.mehta", R.DESIGNER, 100],
    ],
    decisions: [
      { decision: "Brand guideline interpretation", mode: OWNS, escalationRoute: "Brand Director" },
      { decision: "New sub-brands and campaign identities", mode: APPROVAL, approver: P.cmo, approverRole: "CMO", responseHours: 72, escalationRoute: "CMO" },
      { decision: "Queue order of requests", mode: OWNS, escalationRoute: "Brand Director → VP Marketing" },
    ],
  },
  {
    slug: "analytics",
    name: "Analytics",
    kind: TeamKind.SHARED_SERVICE,
    shape: TeamShape.FUNCTIONAL,
    mission: "One version of the truth: tracking, attribution and dashboards the pods can trust.",
    valueStream: null,
    wipLimit: 8,
    requiresBriefLink: false,
    members: [
      ["helen.carter", R.PRODUCT_OWNER, 100],
      ["mohammed.rahman", R.SEO_ANALYTICS, 100],
      ["laura.kim", R.REVOPS_ATTRIBUTION, 100],
      ["peter.lindgren", R.REVOPS_ATTRIBUTION, 100],
    ],
    decisions: [
      { decision: "Metric definitions and attribution model", mode: OWNS, escalationRoute: "Head of Marketing Analytics" },
      { decision: "New data sources in the warehouse", mode: APPROVAL, approver: P.ops, approverRole: "Director of Marketing Operations", responseHours: 48, escalationRoute: "Director of Marketing Operations → VP Marketing" },
      { decision: "Queue order of requests", mode: OWNS, escalationRoute: "Head of Marketing Analytics → VP Marketing" },
    ],
  },
  {
    slug: "web",
    name: "Web",
    kind: TeamKind.SHARED_SERVICE,
    shape: TeamShape.FUNCTIONAL,
    mission: "Ship landing pages, site changes and forms quickly without breaking the website.",
    valueStream: null,
    wipLimit: 8,
    requiresBriefLink: true,
    members: [
      ["george.bailey", R.PRODUCT_OWNER, 100],
      ["anika.johansson", R.WEB_DEVELOPER, 100],
      ["ryan.doyle", R.WEB_DEVELOPER, 100],
      ["mei.tanaka", R.WEB_DEVELOPER, 100],
    ],
    decisions: [
      { decision: "Release schedule and code freeze", mode: OWNS, escalationRoute: "Web Platform Lead" },
      { decision: "New third-party scripts on the website", mode: APPROVAL, approverRole: "Information Security", responseHours: 72, escalationRoute: "Information Security → CTO" },
      { decision: "Queue order of requests", mode: OWNS, escalationRoute: "Web Platform Lead → Director of Marketing Operations" },
    ],
  },
];

export const POD_SLUGS = TEAMS.filter((t) => t.kind === TeamKind.DELIVERY_POD).map((t) => t.slug);

export interface SlaDef {
  team: string;
  requestType: string;
  requestDays: number[];
  turnaround: number;
  unit: TurnaroundUnit;
  intake: IntakeMethod;
  escalation: { person?: string; role?: string }[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const H = TurnaroundUnit.BUSINESS_HOURS;
const D = TurnaroundUnit.BUSINESS_DAYS;

export const SLAS: SlaDef[] = [
  { team: "legal", requestType: "Contract review", requestDays: WEEKDAYS, turnaround: 5, unit: D, intake: IntakeMethod.TICKET, escalation: [{ person: "catherine.moore" }, { person: P.vp }, { role: "General Counsel" }] },
  { team: "legal", requestType: "Claims check", requestDays: [1, 2, 3, 4], turnaround: 16, unit: H, intake: IntakeMethod.ASYNC_FORM, escalation: [{ person: "catherine.moore" }, { role: "General Counsel" }] },
  { team: "legal", requestType: "Privacy review", requestDays: [2, 4], turnaround: 3, unit: D, intake: IntakeMethod.MEETING, escalation: [{ person: "catherine.moore" }, { role: "Data Protection Officer" }, { person: P.vp }] },
  { team: "brand", requestType: "Brand review", requestDays: WEEKDAYS, turnaround: 8, unit: H, intake: IntakeMethod.ASYNC_FORM, escalation: [{ person: "victoria.hughes" }, { person: P.vp }] },
  { team: "brand", requestType: "Creative asset request", requestDays: WEEKDAYS, turnaround: 5, unit: D, intake: IntakeMethod.TICKET, escalation: [{ person: "victoria.hughes" }, { role: "Creative Director" }, { person: P.vp }] },
  { team: "analytics", requestType: "Dashboard request", requestDays: WEEKDAYS, turnaround: 5, unit: D, intake: IntakeMethod.TICKET, escalation: [{ person: "helen.carter" }, { person: P.ops }] },
  { team: "analytics", requestType: "Attribution analysis", requestDays: [2], turnaround: 10, unit: D, intake: IntakeMethod.MEETING, escalation: [{ person: "helen.carter" }, { person: P.ops }, { person: P.vp }] },
  { team: "analytics", requestType: "Tracking plan review", requestDays: WEEKDAYS, turnaround: 24, unit: H, intake: IntakeMethod.ASYNC_FORM, escalation: [{ person: "helen.carter" }, { person: P.ops }] },
  { team: "web", requestType: "Landing page build", requestDays: WEEKDAYS, turnaround: 5, unit: D, intake: IntakeMethod.TICKET, escalation: [{ person: "george.bailey" }, { person: P.ops }, { role: "CTO" }] },
  { team: "web", requestType: "Website change", requestDays: WEEKDAYS, turnaround: 16, unit: H, intake: IntakeMethod.TICKET, escalation: [{ person: "george.bailey" }, { person: P.ops }] },
  { team: "web", requestType: "Form & tracking setup", requestDays: [1, 3], turnaround: 3, unit: D, intake: IntakeMethod.ASYNC_FORM, escalation: [{ person: "george.bailey" }, { role: "Head of Digital" }] },
];

export const slaKey = (team: string, requestType: string) => `${team}/${requestType}`;

export interface DemoUserDef {
  email: string;
  role: OrgRole;
  person: string;
}

/** Logins of the demo (all with the same password). Memorable aliases, each linked to a person. */
export const DEMO_USER_DEFS: DemoUserDef[] = [
  { email: emailOf("admin"), role: OrgRole.ADMIN, person: P.ops },
  { email: emailOf("cmo"), role: OrgRole.LEADER, person: P.cmo },
  { email: emailOf("leader"), role: OrgRole.LEADER, person: P.vp },
  { email: emailOf("strategy"), role: OrgRole.LEADER, person: P.strategy },
  { email: emailOf("po.acquisition"), role: OrgRole.MEMBER, person: "daniel.okafor" },
  { email: emailOf("lead.acquisition"), role: OrgRole.MEMBER, person: "hannah.brooks" },
  { email: emailOf("po.activation"), role: OrgRole.MEMBER, person: "grace.whitaker" },
  { email: emailOf("lead.activation"), role: OrgRole.MEMBER, person: "samuel.osei" },
  { email: emailOf("po.retention"), role: OrgRole.MEMBER, person: "isabel.moreno" },
  { email: emailOf("po.expansion"), role: OrgRole.MEMBER, person: "alexander.reid" },
  { email: emailOf("po.content"), role: OrgRole.MEMBER, person: "harriet.lawson" },
  { email: emailOf("viewer"), role: OrgRole.VIEWER, person: P.salesOps },
  { email: emailOf("finance"), role: OrgRole.VIEWER, person: P.finance },
];

export function personDef(handle: string): PersonDef {
  const found = PEOPLE.find((p) => p.handle === handle);
  if (!found) throw new Error(`seed: unknown person "${handle}"`);
  return found;
}

export function teamDef(slug: string): TeamDef {
  const found = TEAMS.find((t) => t.slug === slug);
  if (!found) throw new Error(`seed: unknown team "${slug}"`);
  return found;
}

/** The team's members holding a role (delivery or not). */
export function membersWithRole(slug: string, ...roles: MemberRole[]): string[] {
  return teamDef(slug)
    .members.filter(([, role]) => roles.includes(role))
    .map(([handle]) => handle);
}

export function deliveryMembers(slug: string): string[] {
  return teamDef(slug)
    .members.filter(([, role]) => role !== MemberRole.OVERSIGHT)
    .map(([handle]) => handle);
}

/** The team's backlog owner. */
export function productOwner(slug: string): string {
  const [po] = membersWithRole(slug, MemberRole.PRODUCT_OWNER);
  if (!po) throw new Error(`seed: team "${slug}" has no product owner`);
  return po;
}

/** The agile lead, or the product owner in a pod without one. */
export function agileLead(slug: string): string {
  return membersWithRole(slug, MemberRole.AGILE_LEAD)[0] ?? productOwner(slug);
}

// ───────────────────────────── writing ─────────────────────────────

export interface OrgIds {
  organizationId: number;
  valueStreams: Map<string, number>;
  teams: Map<string, number>;
  people: Map<string, number>;
  /** Person handle → user id, for people with a login. */
  usersByPerson: Map<string, number>;
  slas: Map<string, number>;
}

export interface OrgCounts {
  organization: number;
  holiday: number;
  value_stream: number;
  team: number;
  person: number;
  membership: number;
  app_user: number;
  decision_right: number;
  service_level_agreement: number;
  sla_escalation_step: number;
}

export async function writeOrg(tx: Tx, ctx: SeedContext, passwordHash: string): Promise<{ ids: OrgIds; counts: OrgCounts }> {
  const existingOrg = await tx.organization.findFirst({ where: { name: ORGANIZATION.name }, select: { id: true } });
  const orgData = {
    name: ORGANIZATION.name,
    timezone: ORGANIZATION.timezone,
    workdayStart: ORGANIZATION.workdayStart,
    workdayEnd: ORGANIZATION.workdayEnd,
    workingDays: [...ORGANIZATION.workingDays],
  };
  const org = existingOrg
    ? await tx.organization.update({ where: { id: existingOrg.id }, data: orgData, select: { id: true } })
    : await tx.organization.create({ data: orgData, select: { id: true } });
  await tx.holiday.deleteMany({ where: { organizationId: org.id } });
  await tx.holiday.createMany({ data: ctx.holidays.map((h) => ({ organizationId: org.id, date: h.date, name: h.name })) });

  const valueStreams = new Map<string, number>();
  for (const vs of VALUE_STREAMS) {
    const data = { slug: vs.slug, name: vs.name, kind: vs.kind, description: vs.description };
    const row = await tx.valueStream.upsert({ where: { slug: vs.slug }, create: data, update: data, select: { id: true } });
    valueStreams.set(vs.slug, row.id);
  }

  const people = new Map<string, number>();
  for (const p of PEOPLE) {
    const data = { email: emailOf(p.handle), name: p.name, title: p.title };
    const row = await tx.person.upsert({ where: { email: data.email }, create: data, update: data, select: { id: true } });
    people.set(p.handle, row.id);
  }

  // Teams start their sprint cadence on the same Monday (the article: "each pod operates on the same sprint cadence").
  const cadenceAnchor = sprintCadenceAnchor(ctx);
  const teams = new Map<string, number>();
  for (const t of TEAMS) {
    const data = {
      slug: t.slug,
      name: t.name,
      kind: t.kind,
      shape: t.shape,
      mission: t.mission,
      valueStreamId: t.valueStream ? idOf(valueStreams, t.valueStream, "value stream") : null,
      cadenceDays: 10,
      cadenceAnchor,
      wipLimit: t.wipLimit,
      requiresBriefLink: t.requiresBriefLink,
      archivedAt: null,
    };
    const row = await tx.team.upsert({ where: { slug: t.slug }, create: data, update: data, select: { id: true } });
    teams.set(t.slug, row.id);
  }
  const teamIds = [...teams.values()];

  await tx.membership.deleteMany({ where: { teamId: { in: teamIds } } });
  const memberships = TEAMS.flatMap((t) =>
    t.members.map(([handle, role, allocationPct]) => ({
      personId: idOf(people, handle, "person"),
      teamId: idOf(teams, t.slug, "team"),
      role,
      allocationPct,
    })),
  );
  await tx.membership.createMany({ data: memberships });

  await tx.decisionRight.deleteMany({ where: { teamId: { in: teamIds } } });
  const decisions = TEAMS.flatMap((t) =>
    t.decisions.map((d) => ({
      teamId: idOf(teams, t.slug, "team"),
      decision: d.decision,
      mode: d.mode,
      approverPersonId: d.approver ? idOf(people, d.approver, "person") : null,
      approverRole: d.approverRole ?? (d.approver ? personDef(d.approver).title : null),
      responseHours: d.responseHours ?? null,
      escalationRoute: d.escalationRoute,
    })),
  );
  await tx.decisionRight.createMany({ data: decisions });

  const usersByPerson = new Map<string, number>();
  for (const u of DEMO_USER_DEFS) {
    const data = { email: u.email, passwordHash, orgRole: u.role, personId: idOf(people, u.person, "person"), active: true };
    const row = await tx.user.upsert({ where: { email: u.email }, create: data, update: data, select: { id: true } });
    usersByPerson.set(u.person, row.id);
  }

  const slas = new Map<string, number>();
  for (const s of SLAS) {
    const teamId = idOf(teams, s.team, "team");
    const data = {
      teamId,
      requestType: s.requestType,
      requestDays: s.requestDays,
      turnaround: s.turnaround,
      turnaroundUnit: s.unit,
      intakeMethod: s.intake,
      active: true,
    };
    const row = await tx.serviceLevelAgreement.upsert({
      where: { teamId_requestType: { teamId, requestType: s.requestType } },
      create: data,
      update: data,
      select: { id: true },
    });
    slas.set(slaKey(s.team, s.requestType), row.id);
  }
  const slaIds = [...slas.values()];
  await tx.slaEscalationStep.deleteMany({ where: { slaId: { in: slaIds } } });
  const steps = SLAS.flatMap((s) =>
    s.escalation.map((step, index) => ({
      slaId: idOf(slas, slaKey(s.team, s.requestType), "SLA"),
      position: index + 1,
      personId: step.person ? idOf(people, step.person, "person") : null,
      role: step.role ?? (step.person ? personDef(step.person).title : null),
    })),
  );
  await tx.slaEscalationStep.createMany({ data: steps });

  return {
    ids: { organizationId: org.id, valueStreams, teams, people, usersByPerson, slas },
    counts: {
      organization: 1,
      holiday: ctx.holidays.length,
      value_stream: VALUE_STREAMS.length,
      team: TEAMS.length,
      person: PEOPLE.length,
      membership: memberships.length,
      app_user: DEMO_USER_DEFS.length,
      decision_right: decisions.length,
      service_level_agreement: SLAS.length,
      sla_escalation_step: steps.length,
    },
  };
}

/** Monday of the first seeded sprint: five closed sprints (ten weeks) before the running one. */
export function sprintCadenceAnchor(ctx: SeedContext): Date {
  return new Date(activeSprintStart(ctx).getTime() - 5 * 14 * 86_400_000);
}

/**
 * Start (a Monday) of the sprint running today, chosen so that today is always inside it and at least three
 * days in: the Monday on or before three days ago.
 */
export function activeSprintStart(ctx: SeedContext): Date {
  const threeDaysAgo = new Date(ctx.today.getTime() - 3 * 86_400_000);
  const weekday = threeDaysAgo.getUTCDay() === 0 ? 7 : threeDaysAgo.getUTCDay();
  return new Date(threeDaysAgo.getTime() - (weekday - 1) * 86_400_000);
}
