/**
 * Plans the backlog and the sprints of the demo (pure: no database). Stories are pulled through twelve weeks of
 * sprints by a small simulation, so the status history, sprint scope, carry-overs, mid-sprint insertions and
 * completed points are consistent with each other:
 *
 *   sprints 1–5 CLOSED · sprint 6 ACTIVE (contains today) · sprint 7 PLANNED
 *
 * Times are drawn in business minutes (BusinessCalendar), so every event falls on a working day in working hours,
 * and events of one item are strictly increasing.
 */
import { ItemLevel, ItemStatus, MemberRole, SprintStatus } from "@/lib/generated/prisma/enums";
import { addDays, isoDate } from "./calendar";
import { rankKey, type SeedContext } from "./context";
import {
  EPICS,
  FEATURES,
  INTERRUPT_TEMPLATES,
  POD_CAPACITY,
  RETRO_ACTIONS,
  SPRINT_GOAL_VERBS,
  STORIES_PER_FEATURE,
  STORY_TEMPLATES,
  TASK_TEMPLATES,
  THEMES,
  type CampaignDef,
  type FeatureDef,
} from "./backlog-defs";
import { POD_SLUGS, activeSprintStart, deliveryMembers, membersWithRole, productOwner, teamDef } from "./org";
import type { Rng } from "./random";

// ───────────────────────────── plan types ─────────────────────────────

export interface HistoryEvent {
  from: ItemStatus | null;
  to: ItemStatus;
  at: Date;
  /** Person handle of who made the change (mapped to their login, when they have one). */
  by: string | null;
}

export interface ItemPlan {
  key: string;
  level: ItemLevel;
  isTask: boolean;
  title: string;
  description: string;
  parentKey: string | null;
  team: string | null;
  status: ItemStatus;
  rank: string;
  businessValue: number | null;
  timeCriticality: number | null;
  riskReduction: number | null;
  jobSize: number | null;
  estimate: number | null;
  valueTheme: string | null;
  releaseTag: string | null;
  launchStart: Date | null;
  launchEnd: Date | null;
  audienceSegments: string[];
  channel: string | null;
  acceptanceCriteria: string;
  briefUrl: string | null;
  owner: string | null;
  plannedBenefit: number | null;
  realisedBenefit: number | null;
  investment: number | null;
  createdAt: Date;
  history: HistoryEvent[];
}

export interface SprintItemPlan {
  itemKey: string;
  committed: boolean;
  addedAt: Date;
  midSprint: boolean;
  removedAt: Date | null;
  pointsAtStart: number | null;
}

export interface RetroPlan {
  title: string;
  owner: string;
  done: boolean;
  doneAt: Date | null;
  createdAt: Date;
}

export interface SprintPlan {
  team: string;
  number: number;
  startDate: Date;
  endDate: Date;
  goal: string;
  capacityPoints: number;
  status: SprintStatus;
  goalMet: boolean | null;
  completedPoints: number | null;
  startedAt: Date | null;
  closedAt: Date | null;
  items: SprintItemPlan[];
  availability: { person: string; daysOff: number }[];
  retro: RetroPlan[];
}

export interface BacklogPlan {
  items: ItemPlan[];
  sprints: SprintPlan[];
  /** Start of the recorded history (the oldest status change is after it). */
  historyStart: Date;
}

// ───────────────────────────── simulation state ─────────────────────────────

const S = ItemStatus;
const CLOSED_SPRINTS = 5;
const ACTIVE_SPRINT = CLOSED_SPRINTS + 1;
const PLANNED_SPRINT = CLOSED_SPRINTS + 2;

interface Event {
  to: ItemStatus;
  at: number;
}

interface StoryDraft {
  seq: number;
  team: string;
  feature: FeatureDraft;
  title: string;
  description: string;
  isTask: boolean;
  owner: string | null;
  estimate: number | null;
  criteria: string;
  briefUrl: string | null;
  campaign: CampaignDef | null;
  createdAt: number | null;
  events: Event[];
  status: ItemStatus;
  /** Belongs to a delivered epic: always finished in the sprint after it was started at the latest. */
  mustFinish: boolean;
  /** Order in the team backlog (lower is higher). */
  position: number;
}

interface FeatureDraft {
  index: number;
  def: FeatureDef;
  key: string;
  stories: StoryDraft[];
}

interface SprintEntry {
  story: StoryDraft;
  committed: boolean;
  addedAt: number;
  midSprint: boolean;
  removedAt: number | null;
  pointsAtStart: number | null;
  carried: boolean;
}

interface SprintWindow {
  number: number;
  startDate: Date;
  endDate: Date;
  start: number;
  end: number;
}

const ESTIMATES: [number, number][] = [
  [1, 12],
  [2, 22],
  [3, 28],
  [5, 24],
  [8, 12],
  [13, 2],
];

function last<T>(list: readonly T[]): T | undefined {
  return list[list.length - 1];
}

function fill(template: string, feature: string): string {
  return template.replace("{f}", feature);
}

function briefUrl(team: string, seq: number): string {
  return `https://drive.${"northwind.example"}/briefs/${team}/${seq.toString().padStart(4, "0")}`;
}

// ───────────────────────────── planning ─────────────────────────────

export function planBacklog(ctx: SeedContext): BacklogPlan {
  const rng = ctx.rng("backlog");
  const { cal } = ctx;
  const activeStart = activeSprintStart(ctx);
  const windows: SprintWindow[] = [];
  for (let n = 1; n <= PLANNED_SPRINT; n++) {
    const startDate = addDays(activeStart, (n - ACTIVE_SPRINT) * 14);
    const endDate = addDays(startDate, 11);
    windows.push({
      number: n,
      startDate,
      endDate,
      start: cal.toBiz(cal.instant(startDate, cal.working.workdayStart)),
      end: cal.toBiz(cal.instant(endDate, cal.working.workdayEnd)),
    });
  }
  const windowOf = (n: number): SprintWindow => {
    const w = windows[n - 1];
    if (!w) throw new Error(`no sprint window ${n}`);
    return w;
  };
  const day = cal.minutesPerDay;
  const historyStart = windowOf(1).start - 15 * day;
  const nowEdge = ctx.nowBiz - 30;

  // Features and their stories.
  let seq = 0;
  const features: FeatureDraft[] = FEATURES.map((def, index) => ({ index, def, key: `FEAT-${index + 1}`, stories: [] }));
  for (const feature of features) {
    const { def } = feature;
    const roles = new Set<MemberRole>(
      teamDef(def.team)
        .members.map(([, role]) => role)
        .filter((role) => role !== MemberRole.OVERSIGHT),
    );
    const options = STORY_TEMPLATES.filter((t) => roles.has(t.role));
    const [min, max] = STORIES_PER_FEATURE[def.team] ?? [4, 6];
    const count = rng.int(min, max);
    const chosen = rng.sample(options, count).sort((a, b) => a.phase - b.phase);
    const makeStory = (title: string, role: MemberRole | null, criteria: string[], isTask: boolean, campaign: CampaignDef | null): StoryDraft => {
      const candidates = role ? membersWithRole(def.team, role) : [];
      const owner = candidates.length > 0 ? rng.pick(candidates) : productOwner(def.team);
      seq++;
      return {
        seq,
        team: def.team,
        feature,
        title,
        description: isTask
          ? `Housekeeping for "${def.title}".`
          : `Part of "${def.title}". ${def.description}`,
        isTask,
        owner,
        estimate: rng.weighted(ESTIMATES),
        criteria: criteria.map((c) => `- ${c}`).join("\n"),
        briefUrl: teamDef(def.team).requiresBriefLink || rng.chance(0.3) ? briefUrl(def.team, seq) : null,
        campaign,
        createdAt: null,
        events: [],
        status: S.BACKLOG,
        mustFinish: EPICS[def.epic - 1]?.status === S.DONE,
        position: 0,
      };
    };
    for (const template of chosen) {
      feature.stories.push(makeStory(fill(template.title, def.title), template.role, template.criteria, false, null));
    }
    if (def.campaign) {
      const launchRole = roles.has(MemberRole.PAID_MEDIA) ? MemberRole.PAID_MEDIA : MemberRole.CRM_LIFECYCLE;
      feature.stories.push(
        makeStory(`Launch ${def.title}`, launchRole, ["Go/no-go signed off", "Launch announced in #marketing-launches", "Day-one numbers checked"], false, def.campaign),
      );
    }
    if (rng.chance(0.25)) {
      const task = makeStory(fill(rng.pick(TASK_TEMPLATES), def.title), null, ["Done when the checklist in the description is ticked"], true, null);
      task.estimate = rng.pick([1, 1, 2]);
      feature.stories.push(task);
    }
  }

  // The simulation, pod by pod.
  const sprintPlans: SprintPlan[] = [];
  let featureInReview = false;
  let featureBlocked = false;
  for (const pod of POD_SLUGS) {
    const podFeatures = features.filter((f) => f.def.team === pod);
    const pullable = (f: FeatureDraft) => {
      const epic = EPICS[f.def.epic - 1];
      return !f.def.cancelled && (epic?.status === S.DONE || epic?.status === S.IMPLEMENTING);
    };
    const first = podFeatures.filter((f) => pullable(f) && EPICS[f.def.epic - 1]?.status === S.DONE);
    const then = podFeatures.filter((f) => pullable(f) && EPICS[f.def.epic - 1]?.status !== S.DONE);
    // Two features in flight at a time: interleave their stories.
    const queue: StoryDraft[] = [];
    const interleave = (group: FeatureDraft[]) => {
      for (let i = 0; i < group.length; i += 2) {
        const a = group[i]?.stories ?? [];
        const b = group[i + 1]?.stories ?? [];
        for (let j = 0; j < Math.max(a.length, b.length); j++) {
          const x = a[j];
          const y = b[j];
          if (x) queue.push(x);
          if (y) queue.push(y);
        }
      }
    };
    interleave(first);
    interleave(then);

    const members = deliveryMembers(pod);
    const po = productOwner(pod);
    const baseCapacity = POD_CAPACITY[pod] ?? 20;
    let carry: StoryDraft[] = [];
    let position = 0;

    const prepare = (story: StoryDraft, before: number) => {
      if (story.createdAt !== null) return;
      const ready = before - rng.int(60, 8 * day);
      const created = Math.max(historyStart + rng.int(0, 3 * day), ready - rng.int(30, 20 * day));
      story.createdAt = created;
      story.events.push({ to: S.READY, at: Math.max(ready, created + rng.int(20, 240)) });
      story.status = S.READY;
    };
    const applyPath = (story: StoryDraft, path: ItemStatus[], from: number, to: number) => {
      if (path.length === 0) return;
      const lastAt = last(story.events)?.at ?? story.createdAt ?? from;
      const lo = Math.max(from, lastAt + 5);
      const fractions = rng.sortedFractions(path.length);
      path.forEach((status, i) => {
        story.events.push({ to: status, at: lo + (to - lo) * (fractions[i] ?? 0.5) });
      });
      story.status = path[path.length - 1] ?? story.status;
    };
    const newInterrupt = (window: SprintWindow, sprintStories: StoryDraft[], createdAt: number): StoryDraft => {
      const anchor = rng.pick(sprintStories);
      const feature = anchor.feature;
      const candidates = members.filter((m) => m !== po);
      seq++;
      const story: StoryDraft = {
        seq,
        team: pod,
        feature,
        title: fill(rng.pick(INTERRUPT_TEMPLATES), feature.def.title),
        description: `Unplanned: raised during sprint ${window.number} and accepted by the product owner.`,
        isTask: false,
        owner: rng.pick(candidates),
        estimate: rng.pick([1, 2, 2, 3]),
        criteria: "- Fix verified in production\n- Requester confirmed",
        briefUrl: teamDef(pod).requiresBriefLink ? briefUrl(pod, seq) : null,
        campaign: null,
        createdAt,
        events: [],
        status: S.BACKLOG,
        mustFinish: false,
        position: 0,
      };
      feature.stories.push(story);
      return story;
    };

    for (const window of windows) {
      const n = window.number;
      const status = n <= CLOSED_SPRINTS ? SprintStatus.CLOSED : n === ACTIVE_SPRINT ? SprintStatus.ACTIVE : SprintStatus.PLANNED;
      // Days off and capacity.
      const availability: { person: string; daysOff: number }[] = [];
      const absentees = rng.int(0, n >= ACTIVE_SPRINT ? 2 : 1);
      for (const person of rng.sample(members, absentees)) {
        availability.push({ person, daysOff: rng.pick([0.5, 1, 2, 3, 5]) });
      }
      const daysOff = availability.reduce((sum, a) => sum + a.daysOff, 0);
      const capacity = Math.round(baseCapacity * (1 - daysOff / (members.length * 10)));
      // Acquisition plans its next sprint well above capacity (dashboard warning).
      const factor =
        n === PLANNED_SPRINT && pod === "acquisition"
          ? 1.3
          : n === PLANNED_SPRINT
            ? rng.float(0.8, 0.95)
            : n === ACTIVE_SPRINT
              ? rng.float(0.85, 1)
              : rng.float(0.9, 1.12);
      const target = capacity * factor;
      // Closed sprints may overshoot a little (teams do); the running and next sprints stay within their target.
      const slack = n >= ACTIVE_SPRINT ? 0 : 2;

      const entries: SprintEntry[] = [];
      const planningAt = n === PLANNED_SPRINT ? windowOf(ACTIVE_SPRINT).start + (ctx.nowBiz - windowOf(ACTIVE_SPRINT).start) * rng.float(0.3, 0.8) : window.start + 30;
      let planned = 0;
      for (const story of carry) {
        entries.push({ story, committed: true, addedAt: window.start + 30, midSprint: false, removedAt: null, pointsAtStart: story.estimate, carried: true });
        planned += story.estimate ?? 0;
      }
      carry = [];
      while (queue.length > 0) {
        const next = queue[0] as StoryDraft;
        const points = next.estimate ?? 0;
        if (planned + points > target + slack && planned >= target * 0.7) break;
        queue.shift();
        prepare(next, n === PLANNED_SPRINT ? planningAt - 30 : window.start);
        const committed = n !== PLANNED_SPRINT;
        entries.push({ story: next, committed, addedAt: planningAt, midSprint: false, removedAt: null, pointsAtStart: committed ? next.estimate : null, carried: false });
        planned += points;
      }

      const sprintStories = entries.map((e) => e.story);
      let goalMet: boolean | null = null;
      let completedPoints: number | null = null;
      if (status === SprintStatus.CLOSED) {
        const completion = rng.float(0.62, 0.97);
        // Scope taken out mid-sprint: an unstarted story goes back to the backlog.
        if (rng.chance(0.4)) {
          const candidate = [...entries].reverse().find((e) => !e.carried && !e.story.mustFinish && e.story.status === S.READY);
          if (candidate) {
            candidate.removedAt = window.start + (window.end - window.start) * rng.float(0.3, 0.6);
            queue.splice(Math.min(2, queue.length), 0, candidate.story);
          }
        }
        for (const entry of entries) {
          if (entry.removedAt !== null) continue;
          const story = entry.story;
          const done = story.mustFinish || rng.chance(entry.carried ? Math.min(0.97, completion + 0.15) : completion);
          const blocked = rng.chance(0.14);
          if (done) {
            applyPath(story, pathTo(story.status, S.DONE, blocked, rng.chance(0.7)), window.start, window.end);
          } else {
            const outcome = rng.weighted<ItemStatus>([
              [S.READY, story.status === S.READY ? 35 : 0],
              [S.IN_PROGRESS, 45],
              [S.BLOCKED, 10],
              [S.IN_REVIEW, 10],
            ]);
            applyPath(story, pathTo(story.status, outcome, blocked && outcome !== S.BLOCKED, false), window.start, window.end);
            carry.push(story);
          }
        }
        if (rng.chance(0.55) && sprintStories.length > 0) {
          const createdAt = window.start + (window.end - window.start) * rng.float(0.15, 0.55);
          const story = newInterrupt(window, sprintStories, createdAt);
          story.events.push({ to: S.READY, at: createdAt + rng.int(15, 90) });
          story.status = S.READY;
          const addedAt = createdAt + rng.int(100, 200);
          entries.push({ story, committed: false, addedAt, midSprint: true, removedAt: null, pointsAtStart: story.estimate, carried: false });
          if (rng.chance(0.85)) {
            applyPath(story, pathTo(S.READY, S.DONE, false, rng.chance(0.5)), addedAt, window.end);
          } else {
            applyPath(story, [S.IN_PROGRESS], addedAt, window.end);
            carry.push(story);
          }
        }
        const committedPoints = entries.filter((e) => e.committed).reduce((sum, e) => sum + (e.pointsAtStart ?? 0), 0);
        completedPoints = entries
          .filter((e) => e.removedAt === null && e.story.events.some((ev) => ev.to === S.DONE && ev.at >= window.start && ev.at <= window.end))
          .reduce((sum, e) => sum + (e.story.estimate ?? 0), 0);
        goalMet = committedPoints === 0 ? true : completedPoints / committedPoints >= 0.8;
      } else if (status === SprintStatus.ACTIVE) {
        // Features whose remaining work is all in this sprint: one goes to review as a whole, one is held up
        // by a blocked story (so the board shows features in review and blocked, too).
        const inSprint = new Set(sprintStories);
        const finishing = [...new Set(sprintStories.map((s) => s.feature))].filter((f) =>
          f.stories.every((s) => s.status === S.DONE || s.status === S.CANCELLED || inSprint.has(s)),
        );
        const forced = new Map<StoryDraft, ItemStatus>();
        const toReview = !featureInReview ? finishing[0] : undefined;
        if (toReview) {
          featureInReview = true;
          toReview.stories.filter((s) => inSprint.has(s)).forEach((s, i) => forced.set(s, i === 0 ? S.IN_REVIEW : rng.pick([S.IN_REVIEW, S.DONE])));
        }
        const toBlock = !featureBlocked ? finishing.find((f) => f !== toReview) : undefined;
        if (toBlock) {
          featureBlocked = true;
          toBlock.stories.filter((s) => inSprint.has(s)).forEach((s, i) => forced.set(s, i === 0 ? S.BLOCKED : rng.pick([S.BLOCKED, S.DONE, S.IN_REVIEW])));
        }
        for (const entry of entries) {
          const story = entry.story;
          const target =
            forced.get(story) ??
            rng.weighted<ItemStatus>([
              [S.DONE, 30],
              [S.IN_REVIEW, 14],
              [S.IN_PROGRESS, 26],
              [S.BLOCKED, 12],
              [S.READY, 18],
            ]);
          const goal = target === S.READY && story.status !== S.READY ? S.IN_PROGRESS : target;
          const blocked = goal !== S.BLOCKED && rng.chance(0.1);
          applyPath(story, pathTo(story.status, goal, blocked, rng.chance(0.7)), window.start, nowEdge);
        }
        if (rng.chance(0.7) && sprintStories.length > 0) {
          const createdAt = window.start + (nowEdge - window.start) * rng.float(0.2, 0.6);
          const story = newInterrupt(window, sprintStories, createdAt);
          story.events.push({ to: S.READY, at: createdAt + rng.int(15, 60) });
          story.status = S.READY;
          const addedAt = createdAt + rng.int(70, 120);
          entries.push({ story, committed: false, addedAt, midSprint: true, removedAt: null, pointsAtStart: story.estimate, carried: false });
          applyPath(story, pathTo(S.READY, rng.pick([S.IN_PROGRESS, S.DONE]), false, false), addedAt, nowEdge);
        }
        // A re-estimate after commitment (points_at_start keeps the original).
        const reestimate = entries.find((e) => e.committed && e.story.status !== S.DONE && (e.story.estimate ?? 0) >= 3);
        if (reestimate && rng.chance(0.6)) reestimate.story.estimate = (reestimate.story.estimate ?? 0) + rng.pick([2, 3]);
      }

      for (const entry of entries) entry.story.position = entry.story.position || ++position;
      const goalStory = [...entries].sort((a, b) => (b.story.estimate ?? 0) - (a.story.estimate ?? 0))[0];
      const goalFeature = goalStory?.story.feature.def.title ?? "backlog clean-up";
      const startedAt = cal.fromBiz(window.start + 20);
      sprintPlans.push({
        team: pod,
        number: n,
        startDate: window.startDate,
        endDate: window.endDate,
        goal: `${rng.pick(SPRINT_GOAL_VERBS)} ${goalFeature}`,
        capacityPoints: capacity,
        status,
        goalMet,
        completedPoints,
        startedAt: status === SprintStatus.PLANNED ? null : startedAt,
        closedAt: status === SprintStatus.CLOSED ? cal.fromBiz(window.end - 45) : null,
        items: entries.map((e) => ({
          itemKey: `#${e.story.seq}`,
          committed: e.committed,
          addedAt: cal.fromBiz(e.addedAt),
          midSprint: e.midSprint,
          removedAt: e.removedAt === null ? null : cal.fromBiz(e.removedAt),
          pointsAtStart: e.pointsAtStart,
        })),
        availability,
        retro:
          status === SprintStatus.CLOSED
            ? rng.sample(RETRO_ACTIONS, rng.int(1, 3)).map((title) => {
                const createdAt = window.end - 60;
                const done = rng.chance(n <= 3 ? 0.8 : 0.4);
                const doneAt = done ? Math.min(createdAt + rng.int(day, 8 * day), nowEdge) : null;
                return {
                  title,
                  owner: rng.pick(members),
                  done,
                  doneAt: doneAt === null ? null : cal.fromBiz(doneAt),
                  createdAt: cal.fromBiz(createdAt),
                };
              })
            : [],
      });
    }

    // What is left in the queue is the pod's backlog: the top few refined (READY), the rest raw (BACKLOG).
    queue.forEach((story, i) => {
      story.position = ++position;
      if (i < 6) {
        prepare(story, nowEdge - rng.int(0, 4 * day));
      } else if (story.createdAt === null) {
        story.createdAt = rng.int(historyStart, nowEdge - 60);
      }
    });
    // Stories of features that are not being pulled yet (or were cancelled).
    for (const feature of podFeatures.filter((f) => !pullable(f))) {
      const cancelled = feature.def.cancelled || EPICS[feature.def.epic - 1]?.status === S.CANCELLED;
      const cancelAt = windowOf(3).start + rng.int(0, 8 * day);
      for (const story of feature.stories) {
        story.position = ++position;
        if (cancelled) {
          story.createdAt = rng.int(historyStart, cancelAt - 2 * day);
          story.events.push({ to: S.CANCELLED, at: cancelAt + rng.int(0, 30) });
          story.status = S.CANCELLED;
        } else {
          story.createdAt = rng.int(historyStart, nowEdge - 60);
        }
      }
    }
    // A couple of raw backlog stories get cancelled along the way.
    const raw = queue.slice(6);
    for (const story of rng.sample(raw, Math.min(2, raw.length))) {
      story.events.push({ to: S.CANCELLED, at: (story.createdAt ?? historyStart) + ((nowEdge - (story.createdAt ?? historyStart)) * rng.float(0.3, 0.9)) });
      story.status = S.CANCELLED;
    }
    // Definition of Ready gaps on raw backlog stories.
    for (const story of raw) {
      if (story.status !== S.BACKLOG) continue;
      if (rng.chance(0.35)) story.estimate = null;
      if (rng.chance(0.3)) story.criteria = "";
      if (rng.chance(0.25)) story.owner = null;
      if (rng.chance(0.3)) story.briefUrl = null;
    }
  }
  const notYetPlanned = (f: FeatureDraft) => {
    const status = EPICS[f.def.epic - 1]?.status;
    return status === S.PORTFOLIO_BACKLOG || status === S.ANALYZING;
  };
  for (const feature of features.filter(notYetPlanned)) {
    for (const story of feature.stories) {
      if (rng.chance(0.4)) story.estimate = null;
      if (rng.chance(0.4)) story.criteria = "";
      if (rng.chance(0.3)) story.owner = null;
    }
  }
  // One story planned into Activation's next sprint without acceptance criteria (Definition of Ready failure).
  const plannedActivation = sprintPlans.find((s) => s.team === "activation" && s.number === PLANNED_SPRINT);
  const dorGap = plannedActivation?.items[plannedActivation.items.length - 1];
  const allStories = features.flatMap((f) => f.stories);
  if (dorGap) {
    const story = allStories.find((s) => `#${s.seq}` === dorGap.itemKey);
    if (story) story.criteria = "";
  }

  return assemble(ctx, rng, features, allStories, sprintPlans, historyStart);
}

/** The statuses an item goes through from `current` to `target`. */
function pathTo(current: ItemStatus, target: ItemStatus, withBlock: boolean, withReview: boolean): ItemStatus[] {
  const path: ItemStatus[] = [];
  let state = current;
  if (state === target && !withBlock) return path;
  if (target === S.READY) return path;
  if (state === S.BACKLOG) {
    path.push(S.READY);
    state = S.READY;
  }
  if (state === S.READY || state === S.BLOCKED) {
    if (state === S.BLOCKED && target === S.BLOCKED) return path;
    path.push(S.IN_PROGRESS);
    state = S.IN_PROGRESS;
  }
  if (state === S.IN_REVIEW) {
    if (target === S.DONE) path.push(S.DONE);
    else if (target === S.IN_PROGRESS || target === S.BLOCKED) {
      path.push(S.IN_PROGRESS);
      if (target === S.BLOCKED) path.push(S.BLOCKED);
    }
    return path;
  }
  if (withBlock && target !== S.BLOCKED) path.push(S.BLOCKED, S.IN_PROGRESS);
  if (target === S.BLOCKED) path.push(S.BLOCKED);
  else if (target === S.IN_REVIEW) path.push(S.IN_REVIEW);
  else if (target === S.DONE) {
    if (withReview) path.push(S.IN_REVIEW);
    path.push(S.DONE);
  }
  return path;
}

// ───────────────────────────── assembling the plan ─────────────────────────────

function assemble(
  ctx: SeedContext,
  rng: Rng,
  features: FeatureDraft[],
  stories: StoryDraft[],
  sprintDrafts: SprintPlan[],
  historyStartBiz: number,
): BacklogPlan {
  const { cal } = ctx;
  const day = cal.minutesPerDay;
  const nowEdge = ctx.nowBiz - 30;
  const toDate = (biz: number) => cal.fromBiz(biz);

  // Story keys in the order the pods took stories on (roughly creation order). It depends on nothing but the
  // PRNG, so a story keeps its key when the seed runs again on another day.
  const ordered = [...stories].sort((a, b) => a.position - b.position || a.seq - b.seq);
  const storyKey = new Map<number, string>();
  ordered.forEach((s, i) => storyKey.set(s.seq, `STORY-${i + 1}`));
  const keyOf = (s: StoryDraft) => storyKey.get(s.seq) ?? `STORY-?${s.seq}`;

  const items: ItemPlan[] = [];
  const blank = () => ({
    isTask: false,
    businessValue: null,
    timeCriticality: null,
    riskReduction: null,
    jobSize: null,
    estimate: null,
    valueTheme: null,
    releaseTag: null,
    launchStart: null,
    launchEnd: null,
    audienceSegments: [] as string[],
    channel: null,
    acceptanceCriteria: "",
    briefUrl: null,
    plannedBenefit: null,
    realisedBenefit: null,
    investment: null,
  });

  /** Turns a list of (status, time) into history events with strictly increasing whole minutes. */
  const history = (created: number, initial: ItemStatus, events: Event[], by: string | null): { createdAt: Date; history: HistoryEvent[] } => {
    const out: HistoryEvent[] = [];
    let previous = Math.round(created);
    out.push({ from: null, to: initial, at: toDate(previous), by });
    let state = initial;
    for (const event of events) {
      if (event.to === state) continue;
      const at = Math.max(Math.round(event.at), previous + 1);
      out.push({ from: state, to: event.to, at: toDate(at), by });
      previous = at;
      state = event.to;
    }
    return { createdAt: toDate(Math.round(created)), history: out };
  };

  // Stories.
  const storyPlans = new Map<number, ItemPlan>();
  for (const story of stories) {
    const created = story.createdAt ?? historyStartBiz;
    const by = story.owner ?? productOwner(story.team);
    const { createdAt, history: events } = history(created, S.BACKLOG, story.events, by);
    const campaign = story.campaign;
    const plan: ItemPlan = {
      ...blank(),
      key: keyOf(story),
      level: ItemLevel.STORY,
      isTask: story.isTask,
      title: story.title,
      description: story.description,
      parentKey: story.feature.key,
      team: story.team,
      status: story.status,
      rank: "",
      estimate: story.estimate,
      acceptanceCriteria: story.criteria,
      briefUrl: story.briefUrl,
      owner: story.owner,
      launchStart: campaign ? addDays(ctx.today, campaign.start) : null,
      launchEnd: campaign ? addDays(ctx.today, campaign.end) : null,
      audienceSegments: campaign ? [...campaign.segments] : [],
      channel: campaign?.channel ?? null,
      createdAt,
      history: events,
    };
    storyPlans.set(story.seq, plan);
  }

  // Features: status and history follow their stories.
  const featurePlans: ItemPlan[] = [];
  const firstStart = new Map<number, number>();
  const lastDone = new Map<number, number>();
  for (const feature of features) {
    const { def } = feature;
    const children = feature.stories;
    const created = Math.min(...children.map((s) => s.createdAt ?? historyStartBiz)) - rng.int(day, 5 * day);
    const statuses = children.map((s) => s.status);
    const live = statuses.filter((s) => s !== S.CANCELLED);
    let status: ItemStatus;
    if (live.length === 0) status = S.CANCELLED;
    else if (live.every((s) => s === S.DONE)) status = S.DONE;
    else if (live.every((s) => s === S.DONE || s === S.IN_REVIEW)) status = S.IN_REVIEW;
    else if (live.includes(S.BLOCKED) && !live.includes(S.IN_PROGRESS)) status = S.BLOCKED;
    else if (live.some((s) => s === S.IN_PROGRESS || s === S.IN_REVIEW || s === S.DONE || s === S.BLOCKED)) status = S.IN_PROGRESS;
    else if (live.every((s) => s === S.READY)) status = S.READY;
    else status = S.BACKLOG;

    const events: Event[] = [];
    const allEvents = children.flatMap((s) => s.events);
    const firstOf = (to: ItemStatus) => Math.min(...allEvents.filter((e) => e.to === to).map((e) => e.at));
    const lastOf = (to: ItemStatus) => Math.max(...allEvents.filter((e) => e.to === to).map((e) => e.at));
    const ready = firstOf(S.READY);
    const started = firstOf(S.IN_PROGRESS);
    if (status !== S.BACKLOG && status !== S.CANCELLED && Number.isFinite(ready)) events.push({ to: S.READY, at: ready });
    if (Number.isFinite(started) && status !== S.READY && status !== S.BACKLOG && status !== S.CANCELLED) {
      events.push({ to: S.IN_PROGRESS, at: started });
      firstStart.set(feature.index, started);
    }
    if (status === S.BLOCKED) events.push({ to: S.BLOCKED, at: lastOf(S.BLOCKED) });
    if (status === S.IN_REVIEW) events.push({ to: S.IN_REVIEW, at: lastOf(S.IN_REVIEW) });
    if (status === S.DONE) {
      const done = lastOf(S.DONE);
      events.push({ to: S.DONE, at: done });
      lastDone.set(feature.index, done);
    }
    if (status === S.CANCELLED) events.push({ to: S.CANCELLED, at: lastOf(S.CANCELLED) });
    events.sort((a, b) => a.at - b.at);

    const epic = EPICS[def.epic - 1];
    const owner = productOwner(def.team);
    const { createdAt, history: hist } = history(created, S.BACKLOG, events, owner);
    const campaign = def.campaign;
    featurePlans.push({
      ...blank(),
      key: feature.key,
      level: ItemLevel.FEATURE,
      title: def.title,
      description: def.description,
      parentKey: `EPIC-${def.epic}`,
      team: def.team,
      status,
      rank: "",
      valueTheme: epic?.valueTheme ?? null,
      releaseTag: campaign ? `${isoDate(addDays(ctx.today, campaign.start)).slice(0, 7)} launch` : null,
      launchStart: campaign ? addDays(ctx.today, campaign.start) : null,
      launchEnd: campaign ? addDays(ctx.today, campaign.end) : null,
      audienceSegments: campaign ? [...campaign.segments] : [],
      channel: campaign?.channel ?? null,
      acceptanceCriteria: "- All stories done or consciously dropped\n- Success metric reported at sprint review",
      briefUrl: campaign || teamDef(def.team).requiresBriefLink ? `https://drive.northwind.example/briefs/${def.team}/${feature.key.toLowerCase()}` : null,
      owner,
      createdAt,
      history: hist,
    });
  }

  // Epics: portfolio flow FUNNEL → … → IMPLEMENTING → DONE, timed around their features.
  const epicPlans: ItemPlan[] = [];
  const epicStart = new Map<number, number>();
  EPICS.forEach((def, i) => {
    const number = i + 1;
    const own = features.filter((f) => f.def.epic === number);
    const featureCreated = own.map((f) => Math.min(...f.stories.map((s) => s.createdAt ?? historyStartBiz)) - 5 * day);
    const starts = own.map((f) => firstStart.get(f.index)).filter((x): x is number => x !== undefined);
    const dones = own.map((f) => lastDone.get(f.index)).filter((x): x is number => x !== undefined);
    const earliestFeature = featureCreated.length > 0 ? Math.min(...featureCreated) : nowEdge - rng.int(20, 60) * day;
    const created = earliestFeature - rng.int(10, 35) * day;
    const flow: ItemStatus[] = [S.FUNNEL, S.REVIEWING, S.ANALYZING, S.PORTFOLIO_BACKLOG, S.IMPLEMENTING, S.DONE];
    const events: Event[] = [];
    if (def.status === S.CANCELLED) {
      const cancelled = Math.max(
        ...own.flatMap((f) => f.stories.flatMap((s) => s.events.filter((e) => e.to === S.CANCELLED).map((e) => e.at))),
        created + 10 * day,
      );
      const span = cancelled - created;
      events.push({ to: S.REVIEWING, at: created + span * 0.3 }, { to: S.ANALYZING, at: created + span * 0.6 }, { to: S.CANCELLED, at: cancelled });
    } else {
      const reach = flow.indexOf(def.status);
      const started = starts.length > 0 ? Math.min(...starts) : null;
      const preEnd = started ?? nowEdge - rng.int(2, 10) * day;
      // Up to PORTFOLIO_BACKLOG, spread between creation and the start of work (or recently).
      const stages = flow.slice(1, Math.min(reach, 3) + 1);
      const span = Math.max(preEnd - created, (stages.length + 1) * 60);
      stages.forEach((to, k) => events.push({ to, at: created + (span * (k + 1)) / (stages.length + 1) }));
      if (reach >= 4) {
        const implementing = started ?? preEnd;
        events.push({ to: S.IMPLEMENTING, at: implementing });
        epicStart.set(number, implementing);
      }
      if (def.status === S.DONE && dones.length > 0) events.push({ to: S.DONE, at: Math.max(...dones) + 120 });
    }
    const { createdAt, history: hist } = history(created, S.FUNNEL, events, def.owner);
    epicPlans.push({
      ...blank(),
      key: `EPIC-${number}`,
      level: ItemLevel.EPIC,
      title: def.title,
      description: def.description,
      parentKey: `THEME-${def.theme}`,
      team: null,
      status: def.status,
      rank: "",
      businessValue: def.businessValue,
      timeCriticality: def.timeCriticality,
      riskReduction: def.riskReduction,
      jobSize: def.jobSize,
      valueTheme: def.valueTheme,
      acceptanceCriteria: "- Benefit hypothesis validated\n- Leading indicators reported monthly",
      owner: def.owner,
      plannedBenefit: def.plannedBenefit,
      investment: def.investment,
      realisedBenefit: def.status === S.DONE && def.realisedRatio ? Math.round(def.plannedBenefit * def.realisedRatio) : null,
      createdAt,
      history: hist,
    });
  });

  // Themes: long-lived, implementing since their first epic started.
  const themePlans: ItemPlan[] = THEMES.map((def, i) => {
    const number = i + 1;
    const epicsOfTheme = epicPlans.filter((e) => e.parentKey === `THEME-${number}`);
    const earliest = Math.min(...epicsOfTheme.map((e) => cal.toBiz(e.createdAt)));
    const created = earliest - rng.int(15, 30) * day;
    const starts = EPICS.map((e, k) => (e.theme === number ? epicStart.get(k + 1) : undefined)).filter((x): x is number => x !== undefined);
    const implementing = starts.length > 0 ? Math.min(...starts) : earliest + 10 * day;
    const span = implementing - created;
    const events: Event[] = [
      { to: S.REVIEWING, at: created + span * 0.2 },
      { to: S.ANALYZING, at: created + span * 0.4 },
      { to: S.PORTFOLIO_BACKLOG, at: created + span * 0.6 },
      { to: S.IMPLEMENTING, at: implementing },
    ];
    const { createdAt, history: hist } = history(created, S.FUNNEL, events, def.owner);
    return {
      ...blank(),
      key: `THEME-${number}`,
      level: ItemLevel.THEME,
      title: def.title,
      description: def.description,
      parentKey: null,
      team: null,
      status: S.IMPLEMENTING,
      rank: "",
      valueTheme: EPICS.find((e) => e.theme === number)?.valueTheme ?? null,
      owner: def.owner,
      createdAt,
      history: hist,
    };
  });

  // Ranks. Themes and epics: one rank space per level; epics by portfolio priority (implementing first, then
  // by WSJF). Features and stories share their team's rank space: features first, then stories by position.
  themePlans.forEach((t, i) => (t.rank = rankKey(i)));
  const stage: Record<string, number> = { IMPLEMENTING: 0, PORTFOLIO_BACKLOG: 1, ANALYZING: 2, REVIEWING: 3, FUNNEL: 4, DONE: 5, CANCELLED: 6 };
  const wsjf = (e: ItemPlan) => ((e.businessValue ?? 0) + (e.timeCriticality ?? 0) + (e.riskReduction ?? 0)) / (e.jobSize ?? 1);
  [...epicPlans]
    .sort((a, b) => (stage[a.status] ?? 9) - (stage[b.status] ?? 9) || wsjf(b) - wsjf(a) || a.key.localeCompare(b.key))
    .forEach((e, i) => (e.rank = rankKey(i)));
  for (const pod of POD_SLUGS) {
    let position = 0;
    for (const f of featurePlans.filter((x) => x.team === pod)) f.rank = rankKey(position++);
    const podStories = stories.filter((s) => s.team === pod).sort((a, b) => a.position - b.position || a.seq - b.seq);
    for (const s of podStories) {
      const plan = storyPlans.get(s.seq);
      if (plan) plan.rank = rankKey(position++);
    }
  }

  items.push(...themePlans, ...epicPlans, ...featurePlans, ...ordered.map((s) => storyPlans.get(s.seq)).filter((p): p is ItemPlan => !!p));

  // Sprint entries referenced stories by draft sequence; swap in the real keys.
  const sprints = sprintDrafts.map((sprint) => ({
    ...sprint,
    items: sprint.items.map((entry) => ({ ...entry, itemKey: storyKey.get(Number(entry.itemKey.slice(1))) ?? entry.itemKey })),
  }));

  return { items, sprints, historyStart: toDate(historyStartBiz) };
}
