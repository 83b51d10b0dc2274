/**
 * Slot finding. Each calendar becomes the set of instants at which the service could *start*
 * on it (a union of integer intervals); the service's needs combine those sets (union for
 * "one of", intersection for "all of"); the slot grid is walked only inside the result, and the
 * round-robin pick is a pointer walk over each candidate's set. No Temporal object per slot.
 */
import { type CompiledCalendar, compileCalendar, freeFor } from "./availability.js";
import { SchedulingError } from "./errors.js";
import { type IntervalSet, intersect, union } from "./intervals.js";
import type { BookingPolicy, Calendar, Service, ServiceNeeds, Slot } from "./model.js";
import { checkInteger, type Clock, DAY_MS, formatInstant, type IsoInstant, MINUTE_MS, nowMs, parseInstant, parseRange, type TimeRange, type TimeZoneId } from "./time.js";
import { type Zone, Zones } from "./zone.js";

export interface FindSlotsOptions {
  readonly service: Service;
  /** The calendars of every staff member and resource the service may use. */
  readonly candidates: readonly Calendar[];
  /** Slots lie entirely inside this range. */
  readonly window: TimeRange;
  readonly clock: Clock;
  readonly policy?: BookingPolicy;
  /** The time zone of the slot grid (the office's); the first needed calendar's when absent. */
  readonly timeZone?: TimeZoneId;
  /** Stop after this many slots. */
  readonly limit?: number;
}

/** The checked numbers of a service and policy, in milliseconds. */
export interface Rules {
  readonly durationMs: number;
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly seats: number;
  readonly stepMinutes: number;
  readonly stepMs: number;
  readonly noticeMs: number;
  readonly aheadMs: number | undefined;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The default slot step: the largest divisor of both the duration and an hour (30 → 30, 45 → 15, 120 → 60). */
export function defaultStep(durationMinutes: number): number {
  return gcd(durationMinutes, 60);
}

/** Checks a service and policy; throws `INVALID_OPTION` or `DURATION_NOT_MULTIPLE_OF_STEP`. */
export function checkRules(service: Service, policy: BookingPolicy = {}): Rules {
  const duration = checkInteger(service.durationMinutes, "durationMinutes", 1, 7 * 24 * 60);
  const step = checkInteger(policy.stepMinutes ?? defaultStep(duration), "stepMinutes", 1, 1440);
  if (1440 % step !== 0) {
    throw new SchedulingError("INVALID_OPTION", `stepMinutes must divide a day (1440 minutes): ${step}`, { option: "stepMinutes", value: step });
  }
  if (duration % step !== 0) {
    throw new SchedulingError("DURATION_NOT_MULTIPLE_OF_STEP", `A ${duration}-minute service does not fit a ${step}-minute step`, { durationMinutes: duration, stepMinutes: step });
  }
  const ahead = policy.maxDaysAhead === undefined ? undefined : checkInteger(policy.maxDaysAhead, "maxDaysAhead", 0, 100 * 366) * DAY_MS;
  return {
    durationMs: duration * MINUTE_MS,
    beforeMs: checkInteger(service.bufferBeforeMinutes ?? 0, "bufferBeforeMinutes", 0, 1440) * MINUTE_MS,
    afterMs: checkInteger(service.bufferAfterMinutes ?? 0, "bufferAfterMinutes", 0, 1440) * MINUTE_MS,
    seats: checkInteger(service.seats ?? 1, "seats", 1),
    stepMinutes: step,
    stepMs: step * MINUTE_MS,
    noticeMs: checkInteger(policy.minimumNoticeMinutes ?? 0, "minimumNoticeMinutes", 0) * MINUTE_MS,
    aheadMs: ahead,
  };
}

/** The groups of calendar ids a service needs at once: one calendar from each group. */
export function needGroups(needs: ServiceNeeds | undefined, candidates: readonly Calendar[]): string[][] {
  let groups: string[][];
  if (!needs) groups = [candidates.map((calendar) => calendar.id)];
  else if (needs.kind === "one-of") groups = [[...needs.ids]];
  else if (needs.kind === "all-of") groups = [...new Set(needs.ids)].map((id) => [id]);
  else if (needs.kind === "staff-and-room") {
    groups = [[...needs.staff], [...needs.rooms]];
    const staff = new Set(needs.staff);
    const both = needs.rooms.find((id) => staff.has(id));
    if (both !== undefined) throw new SchedulingError("NEEDS_NOT_MET", `${both} is listed both as staff and as a room`, { calendarId: both });
  } else {
    throw new SchedulingError("NEEDS_NOT_MET", `Unknown needs: ${JSON.stringify(needs)}`);
  }
  if (groups.length === 0 || groups.some((group) => group.length === 0)) {
    throw new SchedulingError("NEEDS_NOT_MET", "The service needs no one: give at least one calendar in each group", {});
  }
  return groups;
}

/** The candidates by id; throws `UNKNOWN_CALENDAR` for a needed id without a calendar. */
export function calendarsById(candidates: readonly Calendar[], groups: readonly (readonly string[])[]): Map<string, Calendar> {
  const byId = new Map<string, Calendar>();
  for (const calendar of candidates) byId.set(calendar.id, calendar);
  for (const group of groups) {
    for (const id of group) {
      if (!byId.has(id)) throw new SchedulingError("UNKNOWN_CALENDAR", `No calendar for ${id}`, { calendarId: id });
    }
  }
  return byId;
}

/**
 * Round-robin order: the longest idle first, idle time multiplied by the weight; never booked
 * counts as idle forever. Ties go to the higher weight, then to the order given.
 */
export function roundRobinOrder(calendars: readonly Calendar[], now: number): Calendar[] {
  const scored = calendars.map((calendar, index) => {
    const weight = calendar.weight ?? 1;
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new SchedulingError("INVALID_OPTION", `weight must be a number ≥ 0: ${String(weight)}`, { option: "weight", calendarId: calendar.id });
    }
    const last = calendar.lastBookedAt == null ? undefined : parseInstant(calendar.lastBookedAt);
    const idle = last === undefined ? Number.POSITIVE_INFINITY : Math.max(0, now - last);
    const score = weight === 0 ? -1 : idle * weight;
    return { calendar, score, weight, index };
  });
  scored.sort((a, b) => b.score - a.score || b.weight - a.weight || a.index - b.index);
  return scored.map((entry) => entry.calendar);
}

/** The instants at which a service may start on a compiled calendar, as a set. */
export function startsOn(compiled: CompiledCalendar, rules: Rules): IntervalSet {
  const free = freeFor(compiled, rules.seats);
  const starts: IntervalSet = [];
  for (let index = 0; index < free.length; index += 2) {
    const first = (free[index] as number) + rules.beforeMs;
    const last = (free[index + 1] as number) - rules.durationMs - rules.afterMs;
    if (first <= last) starts.push(first, last + 1);
  }
  return starts;
}

/** Calls `visit` with each grid instant (a multiple of the step from local midnight in `zone`) in `set`, until it returns false. */
export function walkGrid(set: IntervalSet, zone: Zone, stepMs: number, visit: (start: number) => boolean): void {
  for (let index = 0; index < set.length; index += 2) {
    let segmentStart = set[index] as number;
    const to = set[index + 1] as number;
    // Between two offset changes the grid is a plain arithmetic progression.
    while (segmentStart < to) {
      const segmentEnd = Math.min(to, zone.nextTransitionAfter(segmentStart, to));
      const offset = zone.offsetAt(segmentStart);
      for (let start = Math.ceil((segmentStart + offset) / stepMs) * stepMs - offset; start < segmentEnd; start += stepMs) {
        if (!visit(start)) return;
      }
      segmentStart = segmentEnd;
    }
  }
}

/** Whether an instant is on the slot grid of `zone`. */
export function onGrid(instant: number, zone: Zone, stepMs: number): boolean {
  const local = instant + zone.offsetAt(instant);
  return ((local % stepMs) + stepMs) % stepMs === 0;
}

interface Member {
  readonly calendar: Calendar;
  readonly starts: IntervalSet;
  position: number;
}

/**
 * Free slots for a service in a window: each slot lies inside the working hours of everyone it
 * needs (buffers included), overlaps no booking or time off (with the buffers of both), starts
 * on the step grid, no sooner than the minimum notice and no later than the booking window.
 * Slots are in time order; each names who would serve it (round-robin among equals).
 *
 * Throws `SchedulingError` for invalid input: `UNKNOWN_TIME_ZONE`, `INVALID_INSTANT`,
 * `INVALID_RANGE`, `INVALID_OPTION`, `DURATION_NOT_MULTIPLE_OF_STEP`, `UNKNOWN_CALENDAR`, `NEEDS_NOT_MET`…
 */
export function findSlots(options: FindSlotsOptions): Slot[] {
  const { service, candidates, clock } = options;
  const rules = checkRules(service, options.policy);
  const [windowStart, windowEnd] = parseRange(options.window, "window");
  const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : checkInteger(options.limit, "limit", 0);
  const now = nowMs(clock);

  const groups = needGroups(service.needs, candidates);
  const byId = calendarsById(candidates, groups);

  const firstStart = Math.max(windowStart, now + rules.noticeMs);
  let lastStart = windowEnd - rules.durationMs;
  if (rules.aheadMs !== undefined) lastStart = Math.min(lastStart, now + rules.aheadMs);
  const gridZoneId = options.timeZone ?? (byId.get(groups[0]?.[0] as string) as Calendar).timeZone;
  const zones = new Zones(firstStart - rules.beforeMs, lastStart + rules.durationMs + rules.afterMs);
  const gridZone = zones.get(gridZoneId);
  if (firstStart > lastStart || limit === 0) return [];
  const bounds: IntervalSet = [firstStart, lastStart + 1];

  const from = firstStart - rules.beforeMs;
  const to = lastStart + rules.durationMs + rules.afterMs;
  const compiled = new Map<string, IntervalSet>();
  const startsFor = (id: string) => {
    let starts = compiled.get(id);
    if (!starts) {
      starts = intersect(startsOn(compileCalendar(byId.get(id) as Calendar, zones, from, to), rules), bounds);
      compiled.set(id, starts);
    }
    return starts;
  };

  const members: Member[][] = groups.map((group) =>
    roundRobinOrder(
      group.map((id) => byId.get(id) as Calendar),
      now,
    ).map((calendar) => ({ calendar, starts: startsFor(calendar.id), position: 0 })),
  );
  let possible: IntervalSet = bounds;
  for (const group of members) {
    let any: IntervalSet = [];
    for (const member of group) any = union(any, member.starts);
    possible = intersect(possible, any);
    if (possible.length === 0) return [];
  }

  const slots: Slot[] = [];
  // Slots served by the same people share one frozen pair of arrays.
  const teams = new Map<string, { staff: readonly string[]; resources: readonly string[] }>();
  const chosen: Calendar[] = new Array<Calendar>(members.length);
  walkGrid(possible, gridZone, rules.stepMs, (start) => {
    let key = "";
    for (let index = 0; index < members.length; index++) {
      const calendar = pick(members[index] as Member[], start);
      if (!calendar) return true; // cannot happen: `possible` is inside each group's union
      chosen[index] = calendar;
      key += index === 0 ? calendar.id : `\u0000${calendar.id}`;
    }
    let team = teams.get(key);
    if (!team) {
      const staff: string[] = [];
      const resources: string[] = [];
      for (const calendar of chosen) (calendar.kind === "resource" ? resources : staff).push(calendar.id);
      team = { staff: Object.freeze(staff), resources: Object.freeze(resources) };
      teams.set(key, team);
    }
    slots.push({ start: formatInstant(start), end: formatInstant(start + rules.durationMs), staff: team.staff, resources: team.resources });
    return slots.length < limit;
  });
  return slots;
}

/** The first member (in round-robin order) that can start at `start`; positions only move forward. */
function pick(group: Member[], start: number): Calendar | undefined {
  for (const member of group) {
    const starts = member.starts;
    let position = member.position;
    while (position < starts.length && (starts[position + 1] as number) <= start) position += 2;
    member.position = position;
    if (position < starts.length && (starts[position] as number) <= start) return member.calendar;
  }
  return undefined;
}

export interface NextFreeSlotsOptions extends Omit<FindSlotsOptions, "window" | "limit"> {
  /** Search from this instant (now when absent or earlier). */
  readonly from?: IsoInstant;
  /** How far to look when the policy sets no booking window; 90 days when absent. */
  readonly horizonDays?: number;
}

/**
 * The next `count` free slots from now (or `from`), searched a week at a time up to the
 * booking window (or `horizonDays`). Fewer when the calendars are full.
 */
export function nextFreeSlots(count: number, options: NextFreeSlotsOptions): Slot[] {
  checkInteger(count, "count", 0, 10_000);
  const rules = checkRules(options.service, options.policy);
  const now = nowMs(options.clock);
  const from = Math.max(now, options.from === undefined ? now : parseInstant(options.from));
  const horizonDays = options.policy?.maxDaysAhead ?? checkInteger(options.horizonDays ?? 90, "horizonDays", 0, 100 * 366);
  const lastStart = now + horizonDays * DAY_MS;
  const week = 7 * DAY_MS;
  const slots: Slot[] = [];
  for (let chunk = from; chunk <= lastStart && slots.length < count; chunk += week) {
    // Starts in [chunk, chunkEnd): the window ends one duration after the last of them.
    const chunkEnd = Math.min(chunk + week, lastStart + 1);
    const window = { start: formatInstant(chunk), end: formatInstant(chunkEnd - 1 + rules.durationMs) };
    slots.push(...findSlots({ ...options, window, limit: count - slots.length }));
  }
  return slots;
}
