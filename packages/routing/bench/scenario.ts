/**
 * A realistic office for the benchmark (and the README's figures): a Madrid clinic with 100
 * staff in 8 departments, Spanish split hours and Madrid's public holidays, 20 routing rules and
 * a mix of calls (languages, IVR choices, known clients, VIPs, extensions, time-outs, overflows).
 * Deterministic: the same data every run.
 */
import { publicHolidays } from "@frontoffice/scheduling";
import { type Call, type Department, QUEUE_STRATEGIES, type RoutingRule, type RoutingState, STAFF_STATUSES, type StaffMember, type WaitingCall, type WeeklyHours } from "../src/index.js";

export const STAFF = 100;
export const RULES = 20;
/** Tuesday 2 December 2025, 11:00 in Madrid. */
export const NOW = "2025-12-02T10:00:00Z";

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function scenario(callCount = 1_000): { state: RoutingState; rules: RoutingRule[]; calls: Call[] } {
  const next = random(20_251_202);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const split = [
    { start: "09:00", end: "14:00" },
    { start: "15:00", end: "19:00" },
  ];
  const weeklyHours: WeeklyHours = { monday: split, tuesday: split, wednesday: split, thursday: split, friday: [{ start: "08:00", end: "15:00" }] };
  const nowMs = Date.parse(NOW);
  const names = ["reception", "appointments", "billing", "records", "radiology", "orthodontics", "surgery", "pharmacy"];
  const departments: Department[] = names.map((id, index) => ({
    id,
    name: id,
    extension: String(100 + index),
    strategy: QUEUE_STRATEGIES[index % 3] as Department["strategy"],
    timeoutSeconds: 20 + 10 * (index % 4),
    overflow: index === names.length - 1 ? { kind: "callback" } : index % 3 === 2 ? { kind: "voicemail" } : { kind: "department", departmentId: names[index + 1] as string },
    ...(index === 3 ? { hours: { weeklyHours: { monday: [split[0]!], wednesday: [split[0]!] } } } : {}),
  }));
  const minutesAgo = (minutes: number) => new Date(nowMs - minutes * 60_000).toISOString();
  const staff: StaffMember[] = Array.from({ length: STAFF }, (_, index) => ({
    id: `staff-${String(index).padStart(3, "0")}`,
    extension: String(2000 + index),
    departmentIds: [pick(names), ...(next() < 0.3 ? [pick(names)] : [])],
    skills: ["insurance", "implants", "paediatrics", "billing"].filter(() => next() < 0.3),
    languages: ["es", ...(next() < 0.5 ? ["en"] : []), ...(next() < 0.2 ? ["it"] : [])],
    status: next() < 0.45 ? "available" : (pick(STAFF_STATUSES.slice(1)) as StaffMember["status"]),
    idleSince: next() < 0.9 ? minutesAgo(Math.floor(next() * 120)) : null,
    lastOfferedAt: next() < 0.8 ? minutesAgo(Math.floor(next() * 240)) : null,
  }));
  const queues: Record<string, WaitingCall[]> = {};
  for (const name of names) {
    queues[name] = Array.from({ length: Math.floor(next() * 4) }, (_, index) => ({ callId: `${name}-w${index}`, priority: pick(["standard", "standard", "known_client", "vip"] as const), queuedAt: minutesAgo(Math.floor(next() * 10)) }));
  }
  const lines = ["+34910000000", "+34910000001", "+34910000002", "+34910000003"];
  const rules: RoutingRule[] = [
    { id: "vip-concierge", match: { priority: ["vip"], dialled: [lines[0]!] }, action: { kind: "staff", staffId: "staff-000" } },
    { id: "after-surgery-line", match: { dialled: [lines[3]!] }, action: { kind: "department", departmentId: "surgery" } },
    ...names.map((departmentId, index): RoutingRule => ({ id: `ivr-${index + 1}`, match: { ivrChoice: [String(index + 1)], dialled: [lines[0]!, lines[1]!] }, action: { kind: "department", departmentId } })),
    { id: "insurance-es", match: { ivrChoice: ["9"], language: ["es"] }, action: { kind: "department", departmentId: "billing", requiredSkills: ["insurance"] } },
    { id: "insurance", match: { ivrChoice: ["9"] }, action: { kind: "department", departmentId: "billing" } },
    { id: "implants-known", match: { ivrChoice: ["8"], priority: ["known_client", "vip"] }, action: { kind: "department", departmentId: "surgery", requiredSkills: ["implants"] } },
    { id: "implants", match: { ivrChoice: ["8"] }, action: { kind: "callback" } },
    { id: "records-messages", match: { departmentId: ["records"], priority: ["standard"] }, action: { kind: "voicemail" } },
    { id: "italian-line", match: { dialled: [lines[2]!], language: ["it"] }, action: { kind: "department", departmentId: "appointments" } },
    { id: "english-line", match: { dialled: [lines[2]!], language: ["en"] }, action: { kind: "department", departmentId: "reception" } },
    { id: "known-reception", match: { dialled: [lines[2]!], priority: ["known_client", "vip"] }, action: { kind: "department", departmentId: "reception" } },
    { id: "pharmacy-line", match: { ivrChoice: ["0"] }, action: { kind: "voicemail", departmentId: "pharmacy" } },
    { id: "main-line", match: { dialled: [lines[2]!] }, action: { kind: "department", departmentId: "appointments" } },
  ];
  const calls: Call[] = Array.from({ length: callCount }, (_, index) => {
    const known = next() < 0.4;
    const kind = next();
    return {
      id: `call-${index}`,
      callerNumber: `+3461${String(1_000_000 + index).slice(1)}0`,
      dialledNumber: pick(lines),
      language: pick(["es", "es", "es", "en", "it"]),
      ...(kind < 0.6 ? { ivrChoice: String(Math.floor(next() * 10)) } : kind < 0.8 ? { extension: String(pick([100, 101, 102, 103, 2000, 2001, 2050])) } : { departmentId: pick(names) }),
      knownClientId: known ? `client-${index}` : null,
      vip: known && next() < 0.1,
      waitedSeconds: next() < 0.7 ? 0 : Math.floor(next() * 60),
      overflowHops: 0,
    };
  });
  const holidays = publicHolidays("ES-MD", 2025).map((holiday) => holiday.date);
  return { state: { office: { timeZone: "Europe/Madrid", weeklyHours, holidays }, departments, staff, queues }, rules, calls };
}
