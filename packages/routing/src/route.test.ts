import { describe, expect, it } from "vitest";
import { type Call, type Department, type RoutingDecision, RoutingError, type RoutingRule, type RoutingState, route, type StaffMember, type WeeklyHours } from "./index.js";

const split = [
  { start: "09:00", end: "14:00" },
  { start: "15:00", end: "19:00" },
];
const weekdays: WeeklyHours = { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split };

/** Monday 24 November 2025, 11:00 in Madrid. */
const NOW = "2025-11-24T10:00:00Z";

const departments: Department[] = [
  { id: "reception", name: "Recepción", extension: "100", strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId: "billing" } },
  { id: "appointments", name: "Citas", extension: "101", strategy: "longest_idle", timeoutSeconds: 20, overflow: { kind: "department", departmentId: "reception" } },
  { id: "billing", name: "Facturación", extension: "102", strategy: "round_robin", timeoutSeconds: 45 },
  { id: "records", name: "Historias clínicas", extension: "103", strategy: "ring_all", timeoutSeconds: 60, overflow: { kind: "callback" }, hours: { weeklyHours: { monday: [{ start: "09:00", end: "12:00" }] } } },
];

const staff: StaffMember[] = [
  { id: "ana", extension: "201", departmentIds: ["reception"], languages: ["es", "en"], status: "available", idleSince: "2025-11-24T09:50:00Z" },
  { id: "ben", departmentIds: ["reception"], languages: ["en"], status: "available", idleSince: "2025-11-24T09:40:00Z" },
  { id: "carla", extension: "203", departmentIds: ["appointments"], languages: ["es", "it"], status: "busy" },
  { id: "dario", departmentIds: ["appointments"], languages: ["it"], status: "available", idleSince: "2025-11-24T09:55:00Z" },
  { id: "elena", departmentIds: ["appointments"], languages: ["es"], status: "available", idleSince: "2025-11-24T09:30:00Z" },
  { id: "fabio", departmentIds: ["billing"], skills: ["insurance"], status: "available", lastOfferedAt: "2025-11-24T09:00:00Z" },
  { id: "gina", departmentIds: ["billing"], status: "available", lastOfferedAt: null },
  { id: "hugo", departmentIds: ["billing", "records"], skills: ["insurance"], status: "on_break" },
];

const state: RoutingState = { office: { timeZone: "Europe/Madrid", weeklyHours: weekdays, holidays: ["2025-12-25"] }, departments, staff };

const call = (extra: Partial<Call> = {}): Call => ({ id: "call-1", callerNumber: "+34612345678", waitedSeconds: 0, ...extra });
const codes = (decision: RoutingDecision) => decision.explanation.map((step) => step.code);
const withStaff = (change: (member: StaffMember) => StaffMember): RoutingState => ({ ...state, staff: staff.map(change) });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof RoutingError) return error.code;
    throw error;
  }
  return undefined;
}

describe("strategies", () => {
  it("ring_all rings every free member of the department", () => {
    const decision = route(call({ departmentId: "reception" }), state, [], NOW);
    expect(decision).toMatchObject({ action: "ring", departmentId: "reception", targets: ["ana", "ben"] });
    expect(codes(decision)).toEqual(["no_rule_matched", "department_selected", "staff_available", "strategy_applied"]);
  });

  it("longest_idle rings the member free for longest, never a busy one", () => {
    expect(route(call({ departmentId: "appointments" }), state, [], NOW)).toMatchObject({ action: "ring", targets: ["elena"] });
    const elenaBusy = withStaff((member) => (member.id === "elena" ? { ...member, status: "busy" } : member));
    expect(route(call({ departmentId: "appointments" }), elenaBusy, [], NOW)).toMatchObject({ action: "ring", targets: ["dario"] });
  });

  it("longest_idle counts an unknown idle time last and breaks ties by id", () => {
    const unknown = withStaff((member) => (member.id === "elena" ? { ...member, idleSince: null } : member.id === "dario" ? { ...member, idleSince: "2025-11-24T09:00:00Z" } : member));
    expect(route(call({ departmentId: "appointments" }), unknown, [], NOW)).toMatchObject({ targets: ["dario"] });
    const tied = withStaff((member) => (member.departmentIds.includes("appointments") ? { ...member, idleSince: "2025-11-24T09:00:00+01:00" } : member));
    expect(route(call({ departmentId: "appointments" }), tied, [], NOW)).toMatchObject({ targets: ["dario"] });
  });

  it("round_robin offers the call to whoever was offered one least recently, never-offered first", () => {
    expect(route(call({ departmentId: "billing" }), state, [], NOW)).toMatchObject({ action: "ring", targets: ["gina"] });
    const ginaOffered = withStaff((member) => (member.id === "gina" ? { ...member, lastOfferedAt: "2025-11-24T10:00:00Z" } : member));
    expect(route(call({ departmentId: "billing" }), ginaOffered, [], NOW)).toMatchObject({ action: "ring", targets: ["fabio"] });
  });
});

describe("languages", () => {
  it("rings a free Spanish speaker first for a caller who chose Spanish", () => {
    const decision = route(call({ departmentId: "reception", language: "es" }), state, [], NOW);
    expect(decision).toMatchObject({ action: "ring", targets: ["ana"] });
    expect(decision.explanation).toContainEqual({ code: "language_preferred", params: { language: "es", count: 1 } });
  });

  it("rings anyone free when no speaker is free, and says so", () => {
    const decision = route(call({ departmentId: "reception", language: "it" }), state, [], NOW);
    expect(decision).toMatchObject({ action: "ring", targets: ["ana", "ben"] });
    expect(decision.explanation).toContainEqual({ code: "no_speaker_free", params: { language: "it" } });
  });

  it("applies the strategy among the speakers only", () => {
    // Elena has been idle longest, but Dario is the only free Italian speaker (Carla is busy).
    expect(route(call({ departmentId: "appointments", language: "it" }), state, [], NOW)).toMatchObject({ targets: ["dario"] });
  });
});

describe("queues and caller priority", () => {
  const allBusy = withStaff((member) => ({ ...member, status: "busy" }));

  it("queues when nobody is free", () => {
    const decision = route(call({ departmentId: "reception" }), allBusy, [], NOW);
    expect(decision).toMatchObject({ action: "queue", departmentId: "reception", position: 1 });
    expect(codes(decision)).toEqual(["no_rule_matched", "department_selected", "no_staff_available", "queued"]);
  });

  it("puts VIPs before known clients before everyone else; first come first served within each", () => {
    const queues = {
      reception: [
        { callId: "a", priority: "standard", queuedAt: "2025-11-24T09:58:00Z" },
        { callId: "b", priority: "known_client", queuedAt: "2025-11-24T09:59:00Z" },
        { callId: "c", priority: "standard", queuedAt: "2025-11-24T09:59:30Z" },
      ],
    } as const;
    const busy = { ...allBusy, queues };
    expect(route(call({ departmentId: "reception" }), busy, [], NOW)).toMatchObject({ position: 4 });
    expect(route(call({ departmentId: "reception", knownClientId: "client-7" }), busy, [], NOW)).toMatchObject({ position: 2 });
    const vip = route(call({ departmentId: "reception", knownClientId: "client-7", vip: true }), busy, [], NOW);
    expect(vip).toMatchObject({ action: "queue", position: 1 });
    expect(vip.explanation[0]).toEqual({ code: "caller_priority", params: { priority: "vip" } });
    // A call already waiting keeps its place: c is behind a and b.
    expect(route(call({ id: "c", departmentId: "reception" }), busy, [], NOW)).toMatchObject({ position: 3 });
  });

  it("lets calls ahead take the free members first", () => {
    const oneFree = withStaff((member) => (member.id === "ben" ? { ...member, status: "busy" } : member));
    const queues = { reception: [{ callId: "a", priority: "standard" as const, queuedAt: "2025-11-24T09:58:00Z" }] };
    expect(route(call({ departmentId: "reception" }), { ...oneFree, queues }, [], NOW)).toMatchObject({ action: "queue", position: 2 });
    expect(route(call({ departmentId: "reception", vip: true }), { ...oneFree, queues }, [], NOW)).toMatchObject({ action: "ring", targets: ["ana"] });
    expect(route(call({ id: "a", departmentId: "reception" }), { ...oneFree, queues }, [], NOW)).toMatchObject({ action: "ring", targets: ["ana"] });
  });
});

describe("time-outs and overflow", () => {
  it("overflows to the department's target after its time-out", () => {
    const decision = route(call({ departmentId: "reception", waitedSeconds: 30 }), state, [], NOW);
    expect(decision).toMatchObject({ action: "overflow", from: "reception", to: "billing" });
    expect(decision.explanation.slice(-2)).toEqual([
      { code: "timed_out", params: { waitedSeconds: 30, timeoutSeconds: 30, departmentId: "reception" } },
      { code: "overflowed", params: { from: "reception", to: "billing", hops: 1 } },
    ]);
    expect(route(call({ departmentId: "reception", waitedSeconds: 29 }), state, [], NOW).action).toBe("ring");
  });

  it("skips the rules after an overflow and stops at the hop limit", () => {
    const toVoicemail: RoutingRule[] = [{ id: "everything-to-voicemail", match: {}, action: { kind: "voicemail", departmentId: "reception" } }];
    const second = route(call({ departmentId: "appointments", overflowHops: 1, waitedSeconds: 20 }), state, toVoicemail, NOW);
    expect(second).toMatchObject({ action: "overflow", from: "appointments", to: "reception" });
    expect(codes(second)[0]).toBe("rules_skipped_after_overflow");
    const last = route(call({ departmentId: "appointments", overflowHops: 3, waitedSeconds: 20 }), state, [], NOW);
    expect(last).toMatchObject({ action: "voicemail", for: { kind: "department", departmentId: "appointments" } });
    expect(last.explanation).toContainEqual({ code: "hop_limit_reached", params: { hops: 3, limit: 3 } });
    expect(route(call({ departmentId: "appointments", overflowHops: 1, waitedSeconds: 20 }), { ...state, maxOverflowHops: 1 }, [], NOW).action).toBe("voicemail");
  });

  it("sends a timed-out call to voicemail or a callback request as configured", () => {
    expect(route(call({ departmentId: "billing", waitedSeconds: 45 }), state, [], NOW)).toMatchObject({ action: "voicemail", for: { kind: "department", departmentId: "billing" } });
    expect(route(call({ departmentId: "records", waitedSeconds: 60 }), state, [], NOW)).toMatchObject({ action: "callback", departmentId: "records" });
  });
});

describe("business hours", () => {
  it("is closed after hours, with the next opening (the lunch break included)", () => {
    const evening = route(call({ departmentId: "reception" }), state, [], "2025-11-24T19:30:00Z");
    expect(evening).toMatchObject({ action: "closed", reason: "after_hours", opensAt: "2025-11-25T08:00:00Z" });
    expect(route(call({ departmentId: "reception" }), state, [], "2025-11-24T13:10:00Z")).toMatchObject({ action: "closed", opensAt: "2025-11-24T14:00:00Z" });
    expect(route(call({ departmentId: "reception" }), state, [], "2025-11-24T12:59:59.999Z").action).toBe("ring");
    expect(route(call({ departmentId: "reception" }), state, [], "2025-11-24T13:00:00Z").action).toBe("closed");
  });

  it("is closed on a holiday and opens on the next working day", () => {
    const christmas = route(call({ departmentId: "reception" }), state, [], "2025-12-25T10:00:00Z");
    expect(christmas).toMatchObject({ action: "closed", reason: "holiday", opensAt: "2025-12-26T08:00:00Z" });
    expect(christmas.explanation).toContainEqual({ code: "closed", params: { reason: "holiday", opensAt: "2025-12-26T08:00:00Z", departmentId: null } });
    const reopened = { ...state, office: { ...state.office, overrides: [{ date: "2025-12-25", hours: [{ start: "10:00", end: "12:00" }] }] } };
    expect(route(call({ departmentId: "reception" }), reopened, [], "2025-12-25T10:00:00Z").action).toBe("ring");
  });

  it("follows the office's time zone across a daylight-saving change", () => {
    // Saturday 25 October 2025; Madrid leaves summer time on Sunday: Monday 09:00 is 08:00Z.
    expect(route(call({ departmentId: "reception" }), state, [], "2025-10-25T12:00:00Z")).toMatchObject({ action: "closed", reason: "after_hours", opensAt: "2025-10-27T08:00:00Z" });
    // The Friday before, 09:30 in Madrid is still summer time (07:30Z).
    expect(route(call({ departmentId: "reception" }), state, [], "2025-10-24T07:30:00Z").action).toBe("ring");
  });

  it("uses a department's own hours", () => {
    expect(route(call({ departmentId: "records" }), withStaff((member) => (member.id === "hugo" ? { ...member, status: "available" } : member)), [], NOW)).toMatchObject({ action: "ring", targets: ["hugo"] });
    const afternoon = route(call({ departmentId: "records" }), state, [], "2025-11-24T12:00:00Z");
    expect(afternoon).toMatchObject({ action: "closed", reason: "after_hours", opensAt: "2025-12-01T08:00:00Z" });
    expect(afternoon.explanation).toContainEqual({ code: "closed", params: { reason: "after_hours", opensAt: "2025-12-01T08:00:00Z", departmentId: "records" } });
    // The office's holidays close it too, unless it lists holidays of its own.
    const officeHoliday = { ...state, office: { ...state.office, holidays: ["2025-12-01"] } };
    expect(route(call({ departmentId: "records" }), officeHoliday, [], "2025-12-01T09:00:00Z")).toMatchObject({ action: "closed", reason: "holiday", opensAt: "2025-12-08T08:00:00Z" });
    const ownHolidays = { ...officeHoliday, departments: departments.map((department) => (department.id === "records" ? { ...department, hours: { weeklyHours: { monday: [{ start: "09:00", end: "12:00" }] }, holidays: [] } } : department)) };
    expect(route(call({ departmentId: "records" }), ownHolidays, [], "2025-12-01T09:00:00Z").action).not.toBe("closed");
  });
});

describe("extensions", () => {
  it("routes a department's extension to the department", () => {
    const decision = route(call({ extension: "102" }), state, [], NOW);
    expect(decision).toMatchObject({ action: "ring", departmentId: "billing", targets: ["gina"] });
    expect(decision.explanation).toContainEqual({ code: "extension_dialled", params: { extension: "102", departmentId: "billing" } });
  });

  it("rings a staff member's extension, or takes a message when they are not available", () => {
    expect(route(call({ extension: "201" }), state, [], NOW)).toMatchObject({ action: "ring", departmentId: null, targets: ["ana"] });
    const busy = route(call({ extension: "203" }), state, [], NOW);
    expect(busy).toMatchObject({ action: "voicemail", for: { kind: "staff", staffId: "carla" } });
    expect(busy.explanation).toContainEqual({ code: "staff_unavailable", params: { staffId: "carla", status: "busy" } });
    expect(route(call({ extension: "201" }), state, [], "2025-11-24T22:00:00Z").action).toBe("closed");
  });

  it("refuses unknown and malformed extensions, numbers and instants with codes", () => {
    expect(codeOf(() => route(call({ extension: "999" }), state, [], NOW))).toBe("ROUTING_UNKNOWN_EXTENSION");
    expect(codeOf(() => route(call({ extension: "1a" }), state, [], NOW))).toBe("ROUTING_INVALID_EXTENSION");
    expect(codeOf(() => route(call({ extension: " 101" }), state, [], NOW))).toBe("ROUTING_INVALID_EXTENSION");
    expect(codeOf(() => route(call({ callerNumber: "612345678", departmentId: "billing" }), state, [], NOW))).toBe("ROUTING_INVALID_CALLER_NUMBER");
    expect(codeOf(() => route(call({ callerNumber: "+3461234", departmentId: "billing" }), state, [], NOW))).toBe("ROUTING_INVALID_CALLER_NUMBER");
    expect(route(call({ callerNumber: null, departmentId: "billing" }), state, [], NOW).action).toBe("ring");
    expect(codeOf(() => route(call({ departmentId: "nowhere" }), state, [], NOW))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
    expect(codeOf(() => route(call(), state, [], NOW))).toBe("ROUTING_NO_DESTINATION");
    expect(codeOf(() => route(call({ departmentId: "billing" }), state, [], "2025-11-24T10:00:00"))).toBe("ROUTING_INVALID_INSTANT");
    expect(codeOf(() => route(call({ departmentId: "billing", waitedSeconds: -1 }), state, [], NOW))).toBe("ROUTING_INVALID_CALL");
    expect(codeOf(() => route(call({ departmentId: "billing", overflowHops: 0.5 }), state, [], NOW))).toBe("ROUTING_INVALID_CALL");
    expect(codeOf(() => route(call({ departmentId: "billing" }), { ...state, office: { ...state.office, timeZone: "Mars/Olympus" } }, [], NOW))).toBe("ROUTING_INVALID_HOURS");
  });
});

describe("default destination", () => {
  const withDefault: RoutingState = { ...state, defaultDepartmentId: "reception" };

  it("sends a call that names no one to the office's default department, as if it named it", () => {
    const decision = route(call(), withDefault, [], NOW);
    expect(decision).toMatchObject({ action: "ring", departmentId: "reception", targets: ["ana", "ben"] });
    expect(codes(decision)).toEqual(["no_rule_matched", "default_destination", "department_selected", "staff_available", "strategy_applied"]);
    expect(decision.explanation[1]).toEqual({ code: "default_destination", params: { departmentId: "reception" } });
    const named = route(call({ departmentId: "reception" }), state, [], NOW);
    expect(decision.explanation.filter((step) => step.code !== "default_destination")).toEqual(named.explanation);
    expect(route(call(), withDefault, [], "2025-11-24T22:00:00Z")).toMatchObject({ action: "closed", reason: "after_hours" });
  });

  it("leaves extensions, named departments and rules alone, and refuses without a default", () => {
    expect(route(call({ extension: "102" }), withDefault, [], NOW)).toMatchObject({ action: "ring", departmentId: "billing" });
    expect(route(call({ departmentId: "appointments" }), withDefault, [], NOW)).toMatchObject({ departmentId: "appointments" });
    expect(codes(route(call({ extension: "102" }), withDefault, [], NOW))).not.toContain("default_destination");
    const rule: RoutingRule = { id: "ivr-2", match: { ivrChoice: ["2"] }, action: { kind: "department", departmentId: "billing" } };
    expect(route(call({ ivrChoice: "2" }), withDefault, [rule], NOW)).toMatchObject({ action: "ring", departmentId: "billing" });
    expect(codeOf(() => route(call(), { ...state, defaultDepartmentId: null }, [], NOW))).toBe("ROUTING_NO_DESTINATION");
    expect(codeOf(() => route(call(), { ...state, defaultDepartmentId: "ghost" }, [], NOW))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
  });
});

describe("rules", () => {
  const rules: RoutingRule[] = [
    { id: "vip-line", match: { priority: ["vip"] }, action: { kind: "staff", staffId: "ben" } },
    { id: "insurance", match: { ivrChoice: ["3"] }, action: { kind: "department", departmentId: "billing", requiredSkills: ["insurance"] } },
    { id: "italian", match: { language: ["it"], dialled: ["+34910000000"] }, action: { kind: "department", departmentId: "appointments" } },
    { id: "records-messages", match: { departmentId: ["records"], priority: ["standard"] }, action: { kind: "voicemail" } },
    { id: "sales-callback", match: { dialled: ["+34910000009"] }, action: { kind: "callback" } },
    { id: "spanish-main-line", match: { dialled: ["+34910000000"] }, action: { kind: "department", departmentId: "reception" } },
  ];

  it("takes the first matching rule and says which", () => {
    const vip = route(call({ vip: true, dialledNumber: "+34910000000", language: "it" }), state, rules, NOW);
    expect(vip).toMatchObject({ action: "ring", targets: ["ben"] });
    expect(vip.explanation.slice(0, 2)).toEqual([
      { code: "caller_priority", params: { priority: "vip" } },
      { code: "rule_matched", params: { ruleId: "vip-line" } },
    ]);
    expect(route(call({ dialledNumber: "+34910000000", language: "it" }), state, rules, NOW)).toMatchObject({ action: "ring", departmentId: "appointments", targets: ["dario"] });
    expect(route(call({ dialledNumber: "+34910000000", language: "es" }), state, rules, NOW)).toMatchObject({ action: "ring", departmentId: "reception", targets: ["ana"] });
  });

  it("requires every condition of a rule", () => {
    // Italian, but on another number: no rule matches, the dialled extension decides.
    const decision = route(call({ dialledNumber: "+34910000001", language: "it", extension: "102" }), state, rules, NOW);
    expect(decision.explanation[0]).toEqual({ code: "no_rule_matched", params: {} });
    expect(decision).toMatchObject({ departmentId: "billing" });
  });

  it("keeps only members with the required skills", () => {
    const decision = route(call({ ivrChoice: "3" }), state, rules, NOW);
    expect(decision).toMatchObject({ action: "ring", targets: ["fabio"] });
    expect(decision.explanation).toContainEqual({ code: "skills_required", params: { skills: ["insurance"], count: 2 } });
    const fabioBusy = withStaff((member) => (member.id === "fabio" ? { ...member, status: "busy" } : member));
    expect(route(call({ ivrChoice: "3" }), fabioBusy, rules, NOW)).toMatchObject({ action: "queue", departmentId: "billing", position: 1 });
  });

  it("sends to voicemail or a callback request", () => {
    expect(route(call({ departmentId: "records" }), state, rules, NOW)).toMatchObject({ action: "voicemail", for: { kind: "department", departmentId: "records" } });
    expect(route(call({ departmentId: "records", knownClientId: "client-1" }), state, rules, NOW)).toMatchObject({ action: "queue", departmentId: "records" });
    const callback = route(call({ dialledNumber: "+34910000009" }), state, rules, NOW);
    expect(callback).toMatchObject({ action: "callback", departmentId: null });
    expect(codes(callback)).toEqual(["rule_matched", "callback_requested"]);
  });

  it("refuses a rule that names an unknown department or staff member", () => {
    const broken: RoutingRule[] = [{ id: "broken", match: {}, action: { kind: "staff", staffId: "zoe" } }];
    expect(codeOf(() => route(call({ departmentId: "billing" }), state, broken, NOW))).toBe("ROUTING_UNKNOWN_STAFF");
  });
});
