import type { Kysely, Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import { appointmentDetails } from "../../appointment-details.js";

type Executor = Kysely<Database> | Transaction<Database>;

const FEED_COLUMNS = ["id", "staff_id as staffId", "created_at as createdAt", "revoked_at as revokedAt"] as const;

export function findStaffMember(db: Executor, organizationId: string, staffId: string) {
  return db.selectFrom("staff").select(["id", "display_name as displayName"]).where("organization_id", "=", organizationId).where("id", "=", staffId).executeTakeFirst();
}

export function insertFeed(db: Executor, feed: { organizationId: string; staffId: string; tokenHash: string; createdBy: string; at: Date }) {
  return db
    .insertInto("calendar_feed")
    .values({ organization_id: feed.organizationId, staff_id: feed.staffId, token_hash: feed.tokenHash, created_by: feed.createdBy, created_at: feed.at })
    .returning(FEED_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** An organization's feeds, newest first; one staff member's when `staffId` is given. */
export function listFeeds(db: Executor, organizationId: string, staffId: string | undefined) {
  let query = db.selectFrom("calendar_feed").select(FEED_COLUMNS).where("organization_id", "=", organizationId);
  if (staffId) query = query.where("staff_id", "=", staffId);
  return query.orderBy("created_at", "desc").orderBy("id").execute();
}

export function findFeed(db: Executor, organizationId: string, id: string) {
  return db.selectFrom("calendar_feed").select(FEED_COLUMNS).where("organization_id", "=", organizationId).where("id", "=", id).executeTakeFirst();
}

export function revokeFeedRow(db: Executor, organizationId: string, id: string, at: Date) {
  return db
    .updateTable("calendar_feed")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(at)) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .returning(FEED_COLUMNS)
    .executeTakeFirst();
}

/** The live feed with this token hash, with what its calendar is named after. */
export function findLiveFeedByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom("calendar_feed as f")
    .innerJoin("staff as s", (join) => join.onRef("s.id", "=", "f.staff_id").onRef("s.organization_id", "=", "f.organization_id"))
    .select(["f.organization_id as organizationId", "f.staff_id as staffId", "f.token_hash as tokenHash", "s.display_name as staffName", "s.active"])
    .where("f.token_hash", "=", tokenHash)
    .where("f.revoked_at", "is", null)
    .executeTakeFirst();
}

/** A staff member's appointments that are not cancelled, starting in [from, to). */
export function feedAppointments(db: Kysely<Database>, organizationId: string, staffId: string, from: Date, to: Date) {
  return appointmentDetails(db)
    .where("a.organization_id", "=", organizationId)
    .where("a.staff_id", "=", staffId)
    .where("a.status", "!=", "cancelled")
    .where("a.starts_at", ">=", from)
    .where("a.starts_at", "<", to)
    .orderBy("a.starts_at")
    .limit(5000)
    .execute();
}
