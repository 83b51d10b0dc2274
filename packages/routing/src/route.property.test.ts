/**
 * Property tests of `route`: only available staff are rung, the same input gives the same
 * decision (whatever the order of the staff list and the host's time zone), and overflow never
 * goes past the hop limit, cycles included. The package's `test` script runs this file under
 * TZ=UTC and TZ=Pacific/Auckland; one property also changes the host zone in-process.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Call, type Department, QUEUE_STRATEGIES, type RoutingDecision, type RoutingRule, type RoutingState, route, STAFF_STATUSES, type StaffMember, type WaitingCall, type WeeklyHours } from "./index.js";

const ZONES = ["Europe/Madrid", "Europe/Rome", "America/New_York", "Pacific/Auckland", "UTC"];
const LANGUAGES = ["en", "es", "it"];
const SKILLS = ["insurance", "billing", "legal"];
const DEPARTMENTS = ["d0", "d1", "d2", "d3"];
const BASE_MS = Date.UTC(2025, 9, 20); // a week around Europe's daylight-saving change
const iso = (ms: number) => new Date(ms).toISOString();
const instant = fc.integer({ min: 0, max: 10 * 24 * 60 }).map((minutes) => iso(BASE_MS + minutes * 60_000));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const allDay = [{ start: "00:00", end: "24:00" }];
const alwaysOpen: WeeklyHours = { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay, sunday: allDay };
/** Open around the clock most of the time (so that staff get rung), office hours otherwise. */
const officeHours: fc.Arbitrary<WeeklyHours> = fc
  .tuple(fc.integer({ min: 0, max: 12 * 4 }), fc.integer({ min: 4, max: 12 * 4 }), fc.boolean())
  .map(([start, length, weekend]) => {
    const day = [{ start: hhmm(start * 15), end: hhmm(Math.min(24 * 60, (start + length) * 15)) }];
    const week: WeeklyHours = { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day };
    return weekend ? { ...week, saturday: day, sunday: day } : week;
  });
const hours = fc.oneof({ weight: 2, arbitrary: fc.constant(alwaysOpen) }, { weight: 1, arbitrary: officeHours });

const department = (id: string): fc.Arbitrary<Department> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    extension: fc.constant(`1${id.slice(1)}0`),
    strategy: fc.constantFrom(...QUEUE_STRATEGIES),
    timeoutSeconds: fc.integer({ min: 1, max: 120 }),
    overflow: fc.oneof(fc.constantFrom(...DEPARTMENTS).map((departmentId) => ({ kind: "department" as const, departmentId })), fc.constant({ kind: "voicemail" as const }), fc.constant({ kind: "callback" as const })),
  });

const staffMember = (index: number): fc.Arbitrary<StaffMember> =>
  fc.record({
    id: fc.constant(`s${String(index).padStart(2, "0")}`),
    extension: fc.constant(`2${String(index).padStart(2, "0")}`),
    departmentIds: fc.subarray(DEPARTMENTS, { minLength: 1 }),
    skills: fc.subarray(SKILLS),
    languages: fc.subarray(LANGUAGES),
    status: fc.constantFrom(...STAFF_STATUSES),
    idleSince: fc.option(instant, { nil: null }),
    lastOfferedAt: fc.option(instant, { nil: null }),
  });

const waiting: fc.Arbitrary<WaitingCall[]> = fc.array(
  fc.record({ callId: fc.constantFrom("w1", "w2", "w3", "call"), priority: fc.constantFrom("vip" as const, "known_client" as const, "standard" as const), queuedAt: instant }),
  { maxLength: 3 },
);

const state: fc.Arbitrary<RoutingState> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours: hours,
    holidays: fc.subarray(["2025-10-21", "2025-10-24", "2025-10-27"]),
    departments: fc.tuple(...DEPARTMENTS.map(department)),
    staffCount: fc.integer({ min: 0, max: 12 }),
    queues: fc.record({ d0: waiting, d1: waiting }),
    maxOverflowHops: fc.integer({ min: 0, max: 5 }),
  })
  .chain(({ staffCount, timeZone, weeklyHours, holidays, ...rest }) =>
    fc.tuple(...Array.from({ length: staffCount }, (_, index) => staffMember(index))).map((staff) => ({ office: { timeZone, weeklyHours, holidays }, staff, ...rest })),
  );

const rules: fc.Arbitrary<RoutingRule[]> = fc.array(
  fc.record({
    id: fc.uuid(),
    match: fc.record({ language: fc.subarray(LANGUAGES, { minLength: 1 }), ivrChoice: fc.subarray(["1", "2", "3"], { minLength: 1 }), priority: fc.subarray(["vip", "known_client", "standard"] as const, { minLength: 1 }) }, { requiredKeys: [] }),
    action: fc.oneof(
      fc.record({ kind: fc.constant("department" as const), departmentId: fc.constantFrom(...DEPARTMENTS), requiredSkills: fc.subarray(SKILLS, { maxLength: 1 }) }),
      fc.constantFrom(...DEPARTMENTS).map((departmentId) => ({ kind: "voicemail" as const, departmentId })),
      fc.constant({ kind: "callback" as const }),
    ),
  }),
  { maxLength: 4 },
);

const call: fc.Arbitrary<Call> = fc.record({
  id: fc.constant("call"),
  callerNumber: fc.constantFrom("+34612345678", "+390212345678", null),
  departmentId: fc.constantFrom(...DEPARTMENTS),
  language: fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }),
  ivrChoice: fc.option(fc.constantFrom("1", "2", "3"), { nil: undefined }),
  knownClientId: fc.option(fc.constant("client-1"), { nil: null }),
  vip: fc.boolean(),
  waitedSeconds: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
  overflowHops: fc.integer({ min: 0, max: 2 }),
});

const scenario = fc.record({ call, state, rules, now: instant });

describe("route properties", () => {
  it("never rings a staff member who is not available, nor one outside the department", () => {
    fc.assert(
      fc.property(scenario, ({ call, state, rules, now }) => {
        const decision = route(call, state, rules, now);
        if (decision.action !== "ring") return;
        expect(decision.targets.length).toBeGreaterThan(0);
        for (const target of decision.targets) {
          const member = state.staff.find((candidate) => candidate.id === target);
          expect(member?.status).toBe("available");
          if (decision.departmentId !== null) expect(member?.departmentIds).toContain(decision.departmentId);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("decides the same for the same input, in any staff order and any host time zone", () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ({ call, state, rules, now }, seed) => {
        const first = route(call, state, rules, now);
        expect(route(structuredClone(call), structuredClone(state), structuredClone(rules), now)).toEqual(first);
        const shuffled = [...state.staff].sort((a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7));
        expect(route(call, { ...state, staff: shuffled }, rules, now)).toEqual(first);
        const hostZone = process.env.TZ;
        try {
          process.env.TZ = "Pacific/Kiritimati";
          expect(route(call, state, rules, now)).toEqual(first);
        } finally {
          process.env.TZ = hostZone;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never overflows past the hop limit, even round a cycle", () => {
    fc.assert(
      fc.property(scenario, ({ call, state, now }) => {
        // Everyone busy and every call timed out: the call follows the overflow arrows.
        const busy = { ...state, staff: state.staff.map((member) => ({ ...member, status: "busy" as const })) };
        const limit = busy.maxOverflowHops ?? 3;
        let current: Call = { ...call, overflowHops: 0, waitedSeconds: 1_000 };
        let decision: RoutingDecision = route(current, busy, [], now);
        let overflows = 0;
        while (decision.action === "overflow") {
          overflows++;
          expect(overflows).toBeLessThanOrEqual(limit);
          current = { ...current, departmentId: decision.to, overflowHops: overflows };
          decision = route(current, busy, [], now);
        }
        expect(["voicemail", "callback", "closed"]).toContain(decision.action);
        if (decision.explanation.some((step) => step.code === "hop_limit_reached")) expect(overflows).toBe(limit);
      }),
      { numRuns: 300 },
    );
  });
});
