import type { Kysely, Transaction } from "kysely";
import type { Database, StoredWeeklyHours } from "@frontoffice/db";

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
