import type { Kysely, Transaction } from "kysely";
import { jsonb, type Database, type RoutingRuleRow } from "@frontoffice/db";
import type { CallOfficeSettingsInput, CallOverflowTarget, CallQueueStrategy, RoutingRuleAction, RoutingRuleMatch, RoutingRuleView } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

/** The unique keys a phone settings change can violate, and the domain error each one means. */
export const STAFF_PHONE_UNIQUE_KEYS = { staff_extension_key: "EXTENSION_TAKEN" } as const;

export function toRuleView(row: RoutingRuleRow): RoutingRuleView {
  return {
    id: row.id,
    officeId: row.office_id,
    position: row.position,
    name: row.name,
    match: row.match as RoutingRuleMatch,
    action: row.action as RoutingRuleAction,
    active: row.active,
    version: row.version,
  };
}

/**
 * Locks an office's routing configuration until the transaction ends (its row, `FOR UPDATE`):
 * two changes that are each sound alone (A overflows to B, B to A) are validated one after the
 * other, never side by side. Undefined when the office is not the organization's.
 */
export async function lockOffice(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("office")
    .select(["id", "name", "time_zone", "locale", "call_hours", "call_holidays", "call_lines", "call_max_overflow_hops", "call_default_department_id"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findOfficeSummary(db: Executor, organizationId: string, officeId: string) {
  return db.selectFrom("office").select(["id", "name"]).where("organization_id", "=", organizationId).where("id", "=", officeId).executeTakeFirst();
}

export async function updateOfficeCallSettings(db: Executor, organizationId: string, settings: CallOfficeSettingsInput & { callHolidays: string[] }): Promise<void> {
  await db
    .updateTable("office")
    .set({
      call_hours: jsonb(settings.callHours as Record<string, { start: string; end: string }[]>),
      call_holidays: jsonb(settings.callHolidays),
      call_lines: settings.callLines,
      call_max_overflow_hops: settings.maxOverflowHops,
      call_default_department_id: settings.defaultDepartmentId ?? null,
    })
    .where("organization_id", "=", organizationId)
    .where("id", "=", settings.officeId)
    .execute();
}

export async function findDepartmentQueue(db: Executor, organizationId: string, departmentId: string) {
  return db
    .selectFrom("department")
    .select(["id", "office_id", "name", "queue_strategy", "timeout_seconds", "overflow", "call_hours"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", departmentId)
    .executeTakeFirst();
}

export async function updateDepartmentQueueRow(
  db: Executor,
  organizationId: string,
  queue: { departmentId: string; strategy: CallQueueStrategy; timeoutSeconds: number; overflow: CallOverflowTarget | null; callHours: unknown },
): Promise<void> {
  await db
    .updateTable("department")
    .set({
      queue_strategy: queue.strategy,
      timeout_seconds: queue.timeoutSeconds,
      overflow: queue.overflow === null ? null : jsonb<unknown>(queue.overflow),
      call_hours: queue.callHours === null ? null : jsonb(queue.callHours),
    })
    .where("organization_id", "=", organizationId)
    .where("id", "=", queue.departmentId)
    .execute();
}

export async function findStaffPhone(db: Executor, organizationId: string, staffId: string) {
  return db
    .selectFrom("staff")
    .select(["id", "display_name", "extension", "languages", "skills"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", staffId)
    .executeTakeFirst();
}

export async function updateStaffPhoneRow(db: Executor, organizationId: string, staffId: string, phone: { extension: string | null; languages: string[]; skills: string[] }): Promise<void> {
  await db.updateTable("staff").set(phone).where("organization_id", "=", organizationId).where("id", "=", staffId).execute();
}

/** The offices a staff member works in, in a stable order (the order their locks are taken). */
export async function officesOfStaff(db: Executor, organizationId: string, staffId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("staff_assignment")
    .select("office_id")
    .distinct()
    .where("organization_id", "=", organizationId)
    .where("staff_id", "=", staffId)
    .orderBy("office_id")
    .execute();
  return rows.map((row) => row.office_id);
}

/** A department of these offices that answers on this extension, if any. */
export async function departmentOnExtension(db: Executor, organizationId: string, officeIds: readonly string[], extension: string) {
  if (officeIds.length === 0) return undefined;
  return db
    .selectFrom("department")
    .select(["id", "name"])
    .where("organization_id", "=", organizationId)
    .where("office_id", "in", officeIds)
    .where("extension", "=", extension)
    .executeTakeFirst();
}

/** Display names of these staff members of the organization. */
export async function staffNames(db: Executor, organizationId: string, staffIds: readonly string[]): Promise<Map<string, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db.selectFrom("staff").select(["id", "display_name"]).where("organization_id", "=", organizationId).where("id", "in", staffIds).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** Every rule of an office, active or not, in order. */
export async function listRules(db: Executor, organizationId: string, officeId: string): Promise<RoutingRuleView[]> {
  const rows = await db
    .selectFrom("routing_rule")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("office_id", "=", officeId)
    .orderBy("position")
    .execute();
  return rows.map(toRuleView);
}

export async function findRule(db: Executor, organizationId: string, ruleId: string): Promise<RoutingRuleView | undefined> {
  const row = await db.selectFrom("routing_rule").selectAll().where("organization_id", "=", organizationId).where("id", "=", ruleId).executeTakeFirst();
  return row ? toRuleView(row) : undefined;
}

export async function insertRule(
  db: Executor,
  organizationId: string,
  rule: { officeId: string; position: number; name: string; match: RoutingRuleMatch; action: RoutingRuleAction; active: boolean; createdAt: Date },
): Promise<RoutingRuleView> {
  const row = await db
    .insertInto("routing_rule")
    .values({
      organization_id: organizationId,
      office_id: rule.officeId,
      position: rule.position,
      name: rule.name,
      match: jsonb(rule.match as Record<string, unknown>),
      action: jsonb(rule.action as Record<string, unknown>),
      active: rule.active,
      created_at: rule.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRuleView(row);
}

export async function updateRuleRow(
  db: Executor,
  organizationId: string,
  rule: Pick<RoutingRuleView, "id" | "name" | "match" | "action" | "active">,
): Promise<RoutingRuleView> {
  const row = await db
    .updateTable("routing_rule")
    .set((eb) => ({
      name: rule.name,
      match: jsonb(rule.match as Record<string, unknown>),
      action: jsonb(rule.action as Record<string, unknown>),
      active: rule.active,
      version: eb("version", "+", 1),
    }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", rule.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRuleView(row);
}

export async function deleteRuleRow(db: Executor, organizationId: string, ruleId: string): Promise<void> {
  await db.deleteFrom("routing_rule").where("organization_id", "=", organizationId).where("id", "=", ruleId).execute();
}

/**
 * Gives an office's rules the positions of this order (0, 1, …). The position key is checked at
 * commit, so rules may pass through each other's positions on the way.
 */
export async function setRulePositions(db: Executor, organizationId: string, officeId: string, ruleIds: readonly string[]): Promise<void> {
  for (const [position, ruleId] of ruleIds.entries()) {
    await db
      .updateTable("routing_rule")
      .set({ position })
      .where("organization_id", "=", organizationId)
      .where("office_id", "=", officeId)
      .where("id", "=", ruleId)
      .where("position", "<>", position)
      .execute();
  }
}
