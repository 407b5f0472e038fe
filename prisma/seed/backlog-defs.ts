/**
 * Hand-written portfolio content of the demo: themes, epics, features (owned by pods) and the story templates
 * the simulation in backlog.ts turns into ~300 stories.
 */
import { ItemStatus, MemberRole } from "@/lib/generated/prisma/enums";
import { P } from "./org";

export interface ThemeDef {
  title: string;
  description: string;
  owner: string;
}

export const THEMES: ThemeDef[] = [
  { title: "Grow qualified pipeline", description: "More marketing-sourced pipeline at a lower cost per opportunity, in core and new markets.", owner: P.strategy },
  { title: "Faster time-to-value for trials", description: "Trial users reach their first success sooner, and more of them convert.", owner: P.strategy },
  { title: "Retain and grow customers", description: "Fewer avoidable cancellations and more accounts moving up a tier.", owner: P.vp },
  { title: "Build a distinctive brand", description: "A refreshed brand and content engine that makes every other campaign cheaper.", owner: P.cmo },
];

export interface EpicDef {
  title: string;
  description: string;
  /** 1-based index into THEMES. */
  theme: number;
  status: ItemStatus;
  valueTheme: string;
  owner: string;
  /** WSJF inputs (modified Fibonacci). */
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  jobSize: number;
  plannedBenefit: number;
  investment: number;
  /** Realised ÷ planned benefit, for delivered epics. */
  realisedRatio?: number;
}

const S = ItemStatus;

/** EPIC-1 … EPIC-18 in this order. */
export const EPICS: EpicDef[] = [
  { title: "Paid social always-on programme", description: "Replace campaign bursts with an always-on LinkedIn and Meta programme, optimised weekly on pipeline rather than clicks.", theme: 1, status: S.IMPLEMENTING, valueTheme: "Pipeline growth", owner: "daniel.okafor", businessValue: 13, timeCriticality: 8, riskReduction: 5, jobSize: 8, plannedBenefit: 640_000, investment: 180_000 },
  { title: "SEO content hub for mid-market", description: "Topic clusters, comparison pages and a benchmark tool that rank for mid-market marketing-ops searches.", theme: 1, status: S.IMPLEMENTING, valueTheme: "Pipeline growth", owner: "harriet.lawson", businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 13, plannedBenefit: 420_000, investment: 95_000 },
  { title: "Webinar lead-gen engine", description: "A repeatable monthly webinar series with follow-up nurture that feeds the SDR team.", theme: 1, status: S.DONE, valueTheme: "Pipeline growth", owner: "daniel.okafor", businessValue: 8, timeCriticality: 5, riskReduction: 2, jobSize: 5, plannedBenefit: 260_000, investment: 60_000, realisedRatio: 0.85 },
  { title: "Trial onboarding journey redesign", description: "Rebuild the first 14 days of the trial around three activation milestones, across e-mail and in-product.", theme: 2, status: S.IMPLEMENTING, valueTheme: "Time to value", owner: "grace.whitaker", businessValue: 20, timeCriticality: 13, riskReduction: 8, jobSize: 13, plannedBenefit: 900_000, investment: 210_000 },
  { title: "Product-qualified lead scoring", description: "Score trials on product usage and hand the best ones to Sales within an hour.", theme: 2, status: S.IMPLEMENTING, valueTheme: "Time to value", owner: "grace.whitaker", businessValue: 13, timeCriticality: 8, riskReduction: 8, jobSize: 8, plannedBenefit: 520_000, investment: 120_000 },
  { title: "In-app education series", description: "Short in-product videos that teach the three features most correlated with conversion.", theme: 2, status: S.PORTFOLIO_BACKLOG, valueTheme: "Time to value", owner: "grace.whitaker", businessValue: 5, timeCriticality: 3, riskReduction: 2, jobSize: 8, plannedBenefit: 150_000, investment: 70_000 },
  { title: "Churn-risk save programme", description: "Detect churn signals early and run coordinated save plays with Customer Success.", theme: 3, status: S.IMPLEMENTING, valueTheme: "Customer retention", owner: "isabel.moreno", businessValue: 20, timeCriticality: 13, riskReduction: 13, jobSize: 13, plannedBenefit: 1_100_000, investment: 240_000 },
  { title: "Customer advocacy & reviews", description: "Reviews on G2, case studies and customer videos from our happiest accounts.", theme: 3, status: S.DONE, valueTheme: "Customer retention", owner: "isabel.moreno", businessValue: 5, timeCriticality: 3, riskReduction: 5, jobSize: 5, plannedBenefit: 180_000, investment: 45_000, realisedRatio: 1.2 },
  { title: "Enterprise upsell motion", description: "Move Growth-tier accounts to Enterprise: propensity model, offer, ROI calculator and CS play.", theme: 3, status: S.IMPLEMENTING, valueTheme: "Expansion revenue", owner: "alexander.reid", businessValue: 13, timeCriticality: 8, riskReduction: 3, jobSize: 8, plannedBenefit: 750_000, investment: 150_000 },
  { title: "Brand refresh 2026", description: "New visual identity, tone of voice and website roll-out, ready before the EMEA launch.", theme: 4, status: S.IMPLEMENTING, valueTheme: "Brand", owner: "harriet.lawson", businessValue: 8, timeCriticality: 13, riskReduction: 5, jobSize: 20, plannedBenefit: 400_000, investment: 260_000 },
  { title: "State of Marketing Ops research report", description: "An annual survey-based report that earns press coverage and gated downloads.", theme: 4, status: S.ANALYZING, valueTheme: "Brand", owner: "harriet.lawson", businessValue: 8, timeCriticality: 5, riskReduction: 2, jobSize: 8, plannedBenefit: 220_000, investment: 80_000 },
  { title: "EMEA market entry", description: "Localised campaigns, partners and events for DACH and the Nordics.", theme: 1, status: S.REVIEWING, valueTheme: "New markets", owner: P.strategy, businessValue: 20, timeCriticality: 8, riskReduction: 8, jobSize: 20, plannedBenefit: 1_500_000, investment: 600_000 },
  { title: "Partner co-marketing programme", description: "Joint campaigns with integration partners, shared leads and co-branded content.", theme: 1, status: S.FUNNEL, valueTheme: "Pipeline growth", owner: "grace.liu", businessValue: 5, timeCriticality: 2, riskReduction: 3, jobSize: 8, plannedBenefit: 300_000, investment: 90_000 },
  { title: "Community relaunch", description: "Bring the customer community back to life with events and champions.", theme: 3, status: S.FUNNEL, valueTheme: "Customer retention", owner: "amelia.foster", businessValue: 3, timeCriticality: 2, riskReduction: 3, jobSize: 13, plannedBenefit: 120_000, investment: 75_000 },
  { title: "Account-based marketing pilot", description: "Pilot one-to-few ABM for 50 target enterprise accounts with Sales.", theme: 1, status: S.REVIEWING, valueTheme: "Pipeline growth", owner: P.vp, businessValue: 13, timeCriticality: 5, riskReduction: 5, jobSize: 13, plannedBenefit: 800_000, investment: 200_000 },
  { title: "Always-on brand content", description: "Newsletter, social calendar and blog cadence that keep the brand visible between campaigns.", theme: 4, status: S.IMPLEMENTING, valueTheme: "Brand", owner: "harriet.lawson", businessValue: 5, timeCriticality: 3, riskReduction: 2, jobSize: 5, plannedBenefit: 160_000, investment: 70_000 },
  { title: "Pricing page experimentation", description: "A programme of pricing-page tests with Product: layout, plan names, annual discount framing.", theme: 2, status: S.PORTFOLIO_BACKLOG, valueTheme: "Time to value", owner: "nathan.cole", businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5, plannedBenefit: 350_000, investment: 40_000 },
  { title: "Podcast series", description: "A monthly podcast with marketing-ops leaders. Cancelled: audience research showed little demand.", theme: 4, status: S.CANCELLED, valueTheme: "Brand", owner: "harriet.lawson", businessValue: 3, timeCriticality: 1, riskReduction: 1, jobSize: 8, plannedBenefit: 90_000, investment: 55_000 },
];

export interface CampaignDef {
  /** Launch window in days relative to today. */
  start: number;
  end: number;
  segments: string[];
  channel: string;
}

export interface FeatureDef {
  team: string;
  /** 1-based index into EPICS. */
  epic: number;
  title: string;
  description: string;
  campaign?: CampaignDef;
  /** Cancelled on its own (its epic carries on). */
  cancelled?: boolean;
}

/** FEAT-1 … in this order. */
export const FEATURES: FeatureDef[] = [
  // Acquisition
  { team: "acquisition", epic: 3, title: "Webinar series: Modern marketing ops", description: "Three monthly webinars with guest speakers, registration pages and reminders.", campaign: { start: -75, end: -40, segments: ["Mid-market", "Marketing ops leaders"], channel: "Webinar" } },
  { team: "acquisition", epic: 3, title: "Webinar follow-up nurture", description: "Attendee and no-show follow-up streams that route hot leads to SDRs." },
  { team: "acquisition", epic: 1, title: "Always-on LinkedIn lead gen", description: "Lead-gen forms on LinkedIn with weekly creative rotation.", campaign: { start: -50, end: -15, segments: ["Mid-market"], channel: "LinkedIn" } },
  { team: "acquisition", epic: 1, title: "Meta retargeting for site visitors", description: "Retarget pricing and product page visitors on Meta with proof-point creative." },
  { team: "acquisition", epic: 2, title: "Mid-market SEO topic clusters", description: "Pillar pages and supporting articles for five mid-market topics." },
  { team: "acquisition", epic: 1, title: "Free-trial paid social push", description: "Four-week paid social burst promoting the free trial.", campaign: { start: 9, end: 34, segments: ["SMB", "Trial users"], channel: "Paid social" } },
  { team: "acquisition", epic: 2, title: "Comparison landing pages", description: "Honest comparison pages against the three most-searched competitors." },
  { team: "acquisition", epic: 1, title: "Paid search restructure", description: "Rebuild search campaigns around intent tiers with shared negative lists." },
  { team: "acquisition", epic: 2, title: "Lead magnet: marketing benchmark calculator", description: "Interactive calculator that benchmarks a team's funnel against peers." },
  { team: "acquisition", epic: 17, title: "Pricing page A/B tests", description: "First three pricing-page experiments, run with Product." },
  // Activation
  { team: "activation", epic: 3, title: "Onboarding webinar for new trials", description: "Weekly live onboarding session for new trial users." },
  { team: "activation", epic: 4, title: "Welcome e-mail journey v2", description: "New welcome series built around the first activation milestone." },
  { team: "activation", epic: 5, title: "PQL scoring model v1", description: "First product-qualified lead score from usage events." },
  { team: "activation", epic: 4, title: "In-product checklist copy", description: "Copy and sequencing for the in-product getting-started checklist." },
  { team: "activation", epic: 5, title: "Sales hand-off for PQLs", description: "Route PQLs to Sales with context in under an hour." },
  { team: "activation", epic: 4, title: "Trial nurture refresh", description: "Refresh of the day 3–14 trial nurture with new proof points.", campaign: { start: 16, end: 45, segments: ["Trial users"], channel: "E-mail" } },
  { team: "activation", epic: 4, title: "Activation milestone e-mails", description: "Triggered e-mails when a trial reaches (or misses) a milestone." },
  { team: "activation", epic: 5, title: "PQL alerts in Slack", description: "Real-time Slack alerts to account owners for new PQLs." },
  { team: "activation", epic: 4, title: "Trial survey and insights", description: "Day-7 survey on trial goals; insights fed back into the journey." },
  { team: "activation", epic: 6, title: "In-app education video series", description: "Six short in-app videos for the key features." },
  // Retention
  { team: "retention", epic: 8, title: "Review generation on G2", description: "Ask happy customers for G2 reviews at the right moment." },
  { team: "retention", epic: 8, title: "Customer case study programme", description: "Four written case studies from the advocacy pipeline." },
  { team: "retention", epic: 7, title: "Churn-risk playbooks", description: "Playbooks for the three strongest churn signals, run with CS." },
  { team: "retention", epic: 7, title: "Health-score alerts to CSMs", description: "Alert CSMs when an account's health score drops sharply." },
  { team: "retention", epic: 7, title: "Win-back campaign for lapsed accounts", description: "Multi-touch win-back for accounts showing churn risk.", campaign: { start: 7, end: 28, segments: ["Churn risk", "Enterprise"], channel: "E-mail" } },
  { team: "retention", epic: 7, title: "Save-offer flow", description: "Structured save offers at the cancellation step." },
  { team: "retention", epic: 7, title: "NPS follow-up journeys", description: "Tailored follow-ups for promoters, passives and detractors." },
  { team: "retention", epic: 7, title: "Renewal reminder sequence", description: "90/60/30-day renewal reminders with value recap." },
  { team: "retention", epic: 7, title: "Cancellation survey", description: "Exit survey in the cancellation flow. Cancelled: Product now owns the flow.", cancelled: true },
  { team: "retention", epic: 7, title: "Quarterly customer newsletter", description: "Quarterly product and community newsletter for customers." },
  // Expansion
  { team: "expansion", epic: 9, title: "Upgrade propensity model", description: "Score accounts on upgrade likelihood from usage and firmographics." },
  { team: "expansion", epic: 9, title: "Enterprise upgrade offer", description: "Time-limited upgrade offer to high-propensity Growth accounts.", campaign: { start: 12, end: 40, segments: ["Enterprise", "Mid-market"], channel: "E-mail" } },
  { team: "expansion", epic: 9, title: "Seat expansion prompts", description: "In-product and e-mail prompts when teams hit their seat limit." },
  { team: "expansion", epic: 9, title: "Enterprise ROI calculator", description: "Calculator CSMs use in upgrade conversations." },
  { team: "expansion", epic: 9, title: "Customer success upsell kit", description: "Deck, talk track and e-mail templates for CSM-led upsell." },
  { team: "expansion", epic: 9, title: "Add-on cross-sell e-mails", description: "Cross-sell the analytics add-on to accounts that would benefit." },
  { team: "expansion", epic: 17, title: "Pricing page enterprise tier", description: "Clearer Enterprise tier on the pricing page." },
  // Brand & Content
  { team: "brand-content", epic: 8, title: "Customer story videos", description: "Three short customer story videos for the advocacy programme." },
  { team: "brand-content", epic: 10, title: "Visual identity toolkit", description: "Logo lock-ups, colour, type and illustration system of the refreshed brand." },
  { team: "brand-content", epic: 16, title: "Social content calendar", description: "Planned social content for the quarter across LinkedIn and X." },
  { team: "brand-content", epic: 10, title: "Tone of voice guide", description: "The refreshed tone of voice with do/don't examples per channel." },
  { team: "brand-content", epic: 2, title: "Always-on blog programme", description: "Two SEO-led articles a week for the content hub." },
  { team: "brand-content", epic: 10, title: "Brand campaign: Work smarter", description: "Brand campaign introducing the refreshed identity.", campaign: { start: -20, end: 10, segments: ["SMB", "Mid-market"], channel: "Paid social" } },
  { team: "brand-content", epic: 10, title: "Website brand roll-out", description: "Apply the refreshed brand to the top 40 website pages." },
  { team: "brand-content", epic: 16, title: "Newsletter redesign", description: "New template and editorial format for the monthly newsletter." },
  { team: "brand-content", epic: 10, title: "Event booth kit", description: "Stand, banners and giveaways in the refreshed brand for the next events season." },
  { team: "brand-content", epic: 16, title: "LinkedIn thought-leadership series", description: "Weekly posts and carousels from our leadership team." },
  { team: "brand-content", epic: 11, title: "State of Marketing Ops report", description: "Survey design, analysis and the report itself." },
  { team: "brand-content", epic: 18, title: "Podcast pilot", description: "Three pilot episodes. Cancelled with the podcast epic." },
];

/** How many points a pod plans per sprint before days off (its historical velocity, roughly). */
export const POD_CAPACITY: Record<string, number> = {
  acquisition: 32,
  activation: 30,
  retention: 24,
  expansion: 16,
  "brand-content": 34,
};

/** Stories per feature, by pod: [min, max]. */
export const STORIES_PER_FEATURE: Record<string, [number, number]> = {
  acquisition: [7, 9],
  activation: [5, 8],
  retention: [5, 7],
  expansion: [5, 7],
  "brand-content": [5, 7],
};

export interface StoryTemplate {
  role: MemberRole;
  /** 1 plan, 2 create, 3 build, 4 launch, 5 measure: stories of a feature are ordered by phase. */
  phase: number;
  title: string;
  criteria: string[];
}

const R = MemberRole;

export const STORY_TEMPLATES: StoryTemplate[] = [
  { role: R.PRODUCT_OWNER, phase: 1, title: "Agree scope and success criteria for {f}", criteria: ["Success metric and target agreed with stakeholders", "Out-of-scope list written down", "Dependencies logged on the dependency board"] },
  { role: R.CONTENT_STRATEGIST, phase: 1, title: "Draft messaging framework for {f}", criteria: ["Value proposition and three proof points", "Messaging reviewed by the product owner", "Claims flagged for Legal where needed"] },
  { role: R.CONTENT_STRATEGIST, phase: 2, title: "Write landing page copy for {f}", criteria: ["Copy follows the tone-of-voice guide", "Primary CTA and form fields agreed", "Proofread by a second writer"] },
  { role: R.CONTENT_STRATEGIST, phase: 2, title: "Write e-mail copy for {f}", criteria: ["Subject line plus two variants for testing", "Copy follows the tone-of-voice guide", "Unsubscribe and footer copy checked"] },
  { role: R.CONTENT_STRATEGIST, phase: 2, title: "Write supporting blog post for {f}", criteria: ["1,200–1,800 words", "Target keyword in title and H1", "Internal links to two related articles"] },
  { role: R.DESIGNER, phase: 2, title: "Design key visuals for {f}", criteria: ["Visuals use the brand colour and type system", "Source files in the DAM with campaign tag", "Passed brand review"] },
  { role: R.DESIGNER, phase: 3, title: "Produce ad creative variants for {f}", criteria: ["Three variants in every placement size", "Text under 20% of the image area", "Files named to the UTM convention"] },
  { role: R.DESIGNER, phase: 3, title: "Design e-mail template for {f}", criteria: ["Renders in Outlook, Gmail and Apple Mail", "Dark-mode check done", "Accessible colour contrast (AA)"] },
  { role: R.PAID_MEDIA, phase: 3, title: "Set up LinkedIn campaign for {f}", criteria: ["Audiences, budget and bids match the media plan", "Conversion tracking verified", "Naming follows the campaign convention"] },
  { role: R.PAID_MEDIA, phase: 3, title: "Build Meta audiences for {f}", criteria: ["Custom and lookalike audiences built", "Exclusions for customers and open opportunities", "Audience sizes recorded in the brief"] },
  { role: R.PAID_MEDIA, phase: 4, title: "Configure budget pacing and A/B test for {f}", criteria: ["Test hypothesis written down", "Sample size and run time calculated", "Pacing alert set at 120% of daily budget"] },
  { role: R.CRM_LIFECYCLE, phase: 3, title: "Build {f} journey in HubSpot", criteria: ["Enrolment and exit criteria match the brief", "Goal event configured", "Tested with seed accounts"] },
  { role: R.CRM_LIFECYCLE, phase: 3, title: "Set up segments and suppression lists for {f}", criteria: ["Suppression of customers in an open save play", "Segment sizes recorded", "Consent status respected"] },
  { role: R.CRM_LIFECYCLE, phase: 4, title: "QA and schedule sends for {f}", criteria: ["Links and personalisation tokens checked", "Seed-list test received", "Send times agreed with the calendar owner"] },
  { role: R.SEO_ANALYTICS, phase: 1, title: "Keyword and audience research for {f}", criteria: ["Keyword list with volumes and difficulty", "Search intent per keyword", "Shared in the brief"] },
  { role: R.SEO_ANALYTICS, phase: 3, title: "Set up UTM and conversion tracking for {f}", criteria: ["UTMs follow the convention", "Conversions visible in GA4 and the CRM", "Test conversion recorded"] },
  { role: R.SEO_ANALYTICS, phase: 5, title: "Build performance dashboard for {f}", criteria: ["Dashboard shows the agreed success metric", "Data refreshes daily", "Shared with the pod"] },
  { role: R.SEO_ANALYTICS, phase: 5, title: "Analyse first-two-weeks results of {f}", criteria: ["Results against target with confidence", "Recommendation for the next sprint", "Presented at sprint review"] },
  { role: R.VIDEO_CREATIVE, phase: 2, title: "Storyboard video for {f}", criteria: ["Script and storyboard approved", "Shot list and locations booked", "Music licence checked"] },
  { role: R.VIDEO_CREATIVE, phase: 3, title: "Edit 15-second social cut-downs for {f}", criteria: ["Cuts for 1:1, 9:16 and 16:9", "Burned-in captions", "Brand end card"] },
  { role: R.CUSTOMER_SUCCESS_LIAISON, phase: 1, title: "Gather customer quotes and objections for {f}", criteria: ["Five customer quotes with permission", "Top objections from CS tickets", "Shared in the brief"] },
  { role: R.CUSTOMER_SUCCESS_LIAISON, phase: 4, title: "Brief Customer Success on {f}", criteria: ["Enablement note published", "FAQ for CSMs", "Feedback channel agreed"] },
  { role: R.REVOPS_ATTRIBUTION, phase: 3, title: "Map lead source and attribution for {f}", criteria: ["Lead source values added to the CRM", "Campaign members sync verified", "Attribution model documented"] },
  { role: R.REVOPS_ATTRIBUTION, phase: 5, title: "Report pipeline influence of {f}", criteria: ["Sourced and influenced pipeline reported", "Compared with the business case", "Shared with Finance"] },
  { role: R.AGILE_LEAD, phase: 4, title: "Run launch-readiness check for {f}", criteria: ["Checklist complete", "Open dependencies resolved or accepted", "Go/no-go recorded"] },
];

/** Stories that are tasks: no user-facing value of their own. */
export const TASK_TEMPLATES: string[] = [
  "Set up project board and naming for {f}",
  "Archive superseded assets for {f}",
  "Update UTM conventions for {f}",
  "Hand over {f} to its BAU owner",
  "Clean up test audiences after {f}",
];

/** Unplanned work that arrives mid-sprint. */
export const INTERRUPT_TEMPLATES: string[] = [
  "Fix broken UTM parameters on {f}",
  "Respond to competitor price cut in {f} copy",
  "Update legal disclaimer on {f}",
  "Add CEO quote requested by Comms to {f}",
  "Swap out-of-date screenshots in {f}",
  "Pull {f} numbers for the board pack",
];

export const RETRO_ACTIONS: string[] = [
  "Limit WIP to two items per person",
  "Book Legal claims checks at sprint planning, not mid-sprint",
  "Add the acceptance-criteria template to the story form",
  "Hold a 15-minute grooming slot every Wednesday",
  "Share the paid performance snapshot at Monday stand-up",
  "Agree brief sign-off before design starts",
  "Pair on e-mail QA to cut rework",
  "Move asset reviews to async video walkthroughs",
  "Log every Web team request on the dependency board",
  "Time-box stakeholder reviews to 48 hours",
  "Split stories over 8 points before planning",
  "Keep a shared test-results log",
  "Invite Analytics to sprint review once a month",
  "Agree a single channel for urgent requests",
];

export const SPRINT_GOAL_VERBS = ["Launch", "Ship", "Complete", "Go live with", "Finish"];
