import type { Kysely, Transaction } from "kysely";
import { jsonb, type Database, type StaffNotificationKind } from "@frontoffice/db";
import type { StaffNotification } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

export function insertNotification(db: Executor, notification: { organizationId: string; staffId: string; kind: StaffNotificationKind; payload: Record<string, unknown>; at: Date }) {
  return db
    .insertInto("staff_notification")
    .values({ organization_id: notification.organizationId, staff_id: notification.staffId, kind: notification.kind, payload: jsonb(notification.payload), created_at: notification.at })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** One staff member's notifications, newest first (the latest 50). */
export async function listNotifications(db: Executor, organizationId: string, staffId: string, unreadOnly: boolean): Promise<StaffNotification[]> {
  let query = db
    .selectFrom("staff_notification")
    .select(["id", "kind", "payload", "created_at", "read_at"])
    .where("organization_id", "=", organizationId)
    .where("staff_id", "=", staffId);
  if (unreadOnly) query = query.where("read_at", "is", null);
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(50).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  }));
}

/** Marks the staff member's own notifications read (the given ones, or all); returns how many changed. */
export async function markNotificationsRead(db: Executor, organizationId: string, staffId: string, ids: readonly string[] | undefined, at: Date): Promise<number> {
  let query = db
    .updateTable("staff_notification")
    .set({ read_at: at })
    .where("organization_id", "=", organizationId)
    .where("staff_id", "=", staffId)
    .where("read_at", "is", null);
  if (ids) {
    if (ids.length === 0) return 0;
    query = query.where("id", "in", ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
