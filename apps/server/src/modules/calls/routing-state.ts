/**
 * What `@frontoffice/routing` decides on, read from the database: the office's call hours and
 * holidays, its departments' queues, the staff who work there with their extensions, languages,
 * skills and live presence (busy while a call rings for them or is theirs), its active rules in
 * order, and the calls waiting in its queues.
 */
import type { Locale } from "@frontoffice/domain";
import type { Database } from "@frontoffice/db";
import { callerPriority, type Department, type OverflowTarget, type RoutingRule, type RoutingState, type StaffMember, type WaitingCall, type WeeklyHours } from "@frontoffice/routing";
import { DomainError } from "@frontoffice/domain";
import { sql, type Kysely, type Transaction } from "kysely";
import { iso } from "./queries.js";

type Executor = Kysely<Database> | Transaction<Database>;

export interface RoutingSetup {
  state: RoutingState;
  rules: RoutingRule[];
  office: { id: string; timeZone: string; country: string | null; locale: Locale; callLines: number };
}

/**
 * When a call entered the place it waits now (arrival, last overflow or re-routing): the `at`
 * kept beside the routing decision, the offer time otherwise.
 */
export function routedAt(call: { decision: unknown; offered_at: Date | string }): string {
  const at = (call.decision as { at?: unknown } | null)?.at;
  return typeof at === "string" ? at : new Date(call.offered_at).toISOString();
}

/** The routing setup of an office; `NOT_FOUND` when the office is not the organization's. */
export async function loadRoutingSetup(db: Executor, organizationId: string, officeId: string): Promise<RoutingSetup> {
  const office = await db
    .selectFrom("office")
    .select(["id", "time_zone", "locale", "call_hours", "call_holidays", "call_lines", "call_max_overflow_hops", "call_default_department_id", sql<string | null>`address->>'country'`.as("country")])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  if (!office) throw new DomainError("NOT_FOUND", "office not found");

  const [departments, staff, assignments, rules, waiting] = await Promise.all([
    db
      .selectFrom("department")
      .select(["id", "name", "extension", "queue_strategy", "timeout_seconds", "overflow", "call_hours"])
      .where("organization_id", "=", organizationId)
      .where("office_id", "=", officeId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("staff")
      .leftJoin("staff_presence", "staff_presence.staff_id", "staff.id")
      .select(["staff.id", "staff.extension", "staff.languages", "staff.skills", "staff_presence.status", "staff_presence.idle_since", "staff_presence.last_offered_at"])
      .where("staff.organization_id", "=", organizationId)
      .where("staff.active", "=", true)
      .where((eb) => eb.exists(eb.selectFrom("staff_assignment").select("staff_assignment.id").whereRef("staff_assignment.staff_id", "=", "staff.id").where("staff_assignment.office_id", "=", officeId)))
      .orderBy("staff.id")
      .execute(),
    db.selectFrom("staff_assignment").select(["staff_id", "department_id"]).where("organization_id", "=", organizationId).where("office_id", "=", officeId).where("department_id", "is not", null).execute(),
    db
      .selectFrom("routing_rule")
      .select(["id", "match", "action"])
      .where("organization_id", "=", organizationId)
      .where("office_id", "=", officeId)
      .where("active", "=", true)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("call")
      .select(["id", "status", "department_id", "staff_id", "vip", "client_id", "decision", "offered_at"])
      .where("organization_id", "=", organizationId)
      .where("office_id", "=", officeId)
      .where("status", "<>", "ended")
      .execute(),
  ]);

  const departmentsOf = new Map<string, string[]>();
  for (const assignment of assignments) {
    const list = departmentsOf.get(assignment.staff_id) ?? [];
    list.push(assignment.department_id as string);
    departmentsOf.set(assignment.staff_id, list);
  }

  const queues: Record<string, WaitingCall[]> = {};
  // Someone a call is ringing for, or who has one, is not offered another.
  const engaged = new Set<string>();
  for (const call of waiting) {
    if (call.staff_id) engaged.add(call.staff_id);
    if (call.status !== "queued" || !call.department_id) continue;
    (queues[call.department_id] ??= []).push({ callId: call.id, priority: callerPriority({ vip: call.vip, knownClientId: call.client_id }), queuedAt: routedAt(call) });
  }

  const state: RoutingState = {
    office: { timeZone: office.time_zone, weeklyHours: office.call_hours as WeeklyHours, holidays: office.call_holidays },
    departments: departments.map(
      (row): Department => ({
        id: row.id,
        name: row.name,
        extension: row.extension,
        strategy: row.queue_strategy,
        timeoutSeconds: row.timeout_seconds,
        ...(row.overflow ? { overflow: row.overflow as OverflowTarget } : {}),
        ...(row.call_hours ? { hours: { weeklyHours: row.call_hours as WeeklyHours } } : {}),
      }),
    ),
    staff: staff.map(
      (row): StaffMember => ({
        id: row.id,
        extension: row.extension,
        departmentIds: departmentsOf.get(row.id) ?? [],
        languages: row.languages,
        skills: row.skills,
        status: row.status === "available" && engaged.has(row.id) ? "busy" : (row.status ?? "off_shift"),
        idleSince: iso(row.idle_since ?? null),
        lastOfferedAt: iso(row.last_offered_at ?? null),
      }),
    ),
    queues,
    maxOverflowHops: office.call_max_overflow_hops,
    defaultDepartmentId: office.call_default_department_id,
  };

  return {
    state,
    rules: rules.map((row) => ({ id: row.id, match: row.match, action: row.action as unknown as RoutingRule["action"] })),
    office: { id: office.id, timeZone: office.time_zone, country: office.country, locale: office.locale, callLines: office.call_lines },
  };
}
