import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, NewStaffTimeOff, StaffTimeOffRow, StoredWeeklyHours } from "@frontoffice/db";

type Executor = Kysely<Database> | Transaction<Database>;

/** Weekly hours of the given staff in one office; staff without a schedule are left out. */
export async function findWeeklyHours(db: Executor, organizationId: string, officeId: string, staffIds: readonly string[]): Promise<Map<string, StoredWeeklyHours>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("staff_schedule")
    .select(["staff_id", "weekly_hours"])
    .where("organization_id", "=", organizationId)
    .where("office_id", "=", officeId)
    .where("staff_id", "in", staffIds)
    .execute();
  return new Map(rows.map((row) => [row.staff_id, row.weekly_hours]));
}

/** Whether the staff member is in the organization and assigned to the office. */
export async function isAssigned(db: Executor, organizationId: string, staffId: string, officeId: string): Promise<boolean> {
  const row = await db
    .selectFrom("staff_assignment")
    .select("staff_id")
    .where("organization_id", "=", organizationId)
    .where("staff_id", "=", staffId)
    .where("office_id", "=", officeId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertWeeklyHours(
  db: Executor,
  row: { organizationId: string; staffId: string; officeId: string; weeklyHours: string; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto("staff_schedule")
    .values({
      organization_id: row.organizationId,
      staff_id: row.staffId,
      office_id: row.officeId,
      weekly_hours: row.weeklyHours as never,
      updated_at: row.at,
      updated_by: row.by,
    })
    .onConflict((conflict) =>
      conflict.columns(["staff_id", "office_id"]).doUpdateSet({ weekly_hours: row.weeklyHours as never, updated_at: row.at, updated_by: row.by }),
    )
    .execute();
}

// --- Time off -----------------------------------------------------------------------------------

const TIME_OFF_COLUMNS = ["id", "staff_id", "starts_at", "ends_at", "reason", "note", "created_at"] as const;

export async function insertTimeOff(db: Executor, values: NewStaffTimeOff): Promise<StaffTimeOffRow> {
  return db.insertInto("staff_time_off").values(values).returningAll().executeTakeFirstOrThrow();
}

/** Deletes one absence; the deleted row, or undefined when there was none in the organization. */
export async function deleteTimeOff(db: Executor, organizationId: string, id: string): Promise<StaffTimeOffRow | undefined> {
  return db.deleteFrom("staff_time_off").where("organization_id", "=", organizationId).where("id", "=", id).returningAll().executeTakeFirst();
}

/** Absences that touch [from, to), of the given staff (all staff when `staffIds` is absent): one query. */
export async function selectTimeOff(db: Executor, organizationId: string, filter: { staffIds?: readonly string[] | undefined; from: Date; to: Date }) {
  if (filter.staffIds?.length === 0) return [];
  let query = db
    .selectFrom("staff_time_off")
    .select(TIME_OFF_COLUMNS)
    .where("organization_id", "=", organizationId)
    .where("ends_at", ">", filter.from)
    .where("starts_at", "<", filter.to);
  if (filter.staffIds) query = query.where("staff_id", "in", filter.staffIds);
  return query.orderBy("starts_at").orderBy("id").limit(5000).execute();
}

// --- Date overrides -----------------------------------------------------------------------------

export interface OverrideRow {
  staff_id: string;
  office_id: string;
  date: string;
  intervals: { start: string; end: string }[];
}

const overrideColumns = ["staff_id", "office_id", sql<string>`local_date::text`.as("date"), "intervals"] as const;

/** Overrides in one office between two local dates (inclusive), of some staff or all: one query. */
export async function selectOverrides(db: Executor, organizationId: string, filter: { officeId: string; staffIds?: readonly string[] | undefined; from: string; to: string }): Promise<OverrideRow[]> {
  if (filter.staffIds?.length === 0) return [];
  let query = db
    .selectFrom("staff_schedule_override")
    .select(overrideColumns)
    .where("organization_id", "=", organizationId)
    .where("office_id", "=", filter.officeId)
    .where("local_date", ">=", filter.from)
    .where("local_date", "<=", filter.to);
  if (filter.staffIds) query = query.where("staff_id", "in", filter.staffIds);
  return query.orderBy("local_date").orderBy("staff_id").limit(5000).execute();
}

export async function upsertOverride(
  db: Executor,
  row: { organizationId: string; staffId: string; officeId: string; date: string; intervals: string; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto("staff_schedule_override")
    .values({
      organization_id: row.organizationId,
      staff_id: row.staffId,
      office_id: row.officeId,
      local_date: row.date,
      intervals: row.intervals as never,
      updated_at: row.at,
      updated_by: row.by,
    })
    .onConflict((conflict) =>
      conflict.columns(["staff_id", "office_id", "local_date"]).doUpdateSet({ intervals: row.intervals as never, updated_at: row.at, updated_by: row.by }),
    )
    .execute();
}

export async function deleteOverride(db: Executor, organizationId: string, key: { staffId: string; officeId: string; date: string }): Promise<OverrideRow | undefined> {
  return db
    .deleteFrom("staff_schedule_override")
    .where("organization_id", "=", organizationId)
    .where("staff_id", "=", key.staffId)
    .where("office_id", "=", key.officeId)
    .where("local_date", "=", key.date)
    .returning(overrideColumns)
    .executeTakeFirst();
}
