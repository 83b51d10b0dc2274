import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import type { KioskToken, Visit, VisitorSettings } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

/** A visit with its host's name, as the desk shows it. */
export function visitDetails(db: Executor) {
  return db
    .selectFrom("visit as v")
    .innerJoin("staff as h", (join) => join.onRef("h.id", "=", "v.host_staff_id").onRef("h.organization_id", "=", "v.organization_id"))
    .select([
      "v.id",
      "v.organization_id",
      "v.office_id",
      "v.visitor_name",
      "v.company",
      "v.email",
      "v.phone",
      "v.host_staff_id",
      "h.display_name as host_name",
      "v.purpose",
      "v.expected_at",
      "v.appointment_id",
      "v.status",
      "v.badge_code",
      sql<string>`v.badge_date::text`.as("badge_date"),
      "v.checked_in_at",
      "v.checked_in_by",
      "v.checked_out_at",
      "v.purged_at",
    ]);
}

type VisitDetailsRow = Awaited<ReturnType<ReturnType<typeof visitDetails>["executeTakeFirstOrThrow"]>>;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toVisit(row: VisitDetailsRow): Visit {
  return {
    id: row.id,
    officeId: row.office_id,
    visitorName: row.visitor_name,
    company: row.company,
    email: row.email,
    phone: row.phone,
    hostStaffId: row.host_staff_id,
    hostName: row.host_name,
    purpose: row.purpose,
    expectedAt: iso(row.expected_at),
    appointmentId: row.appointment_id,
    status: row.status,
    badgeCode: row.badge_code,
    badgeDate: row.badge_date,
    checkedInAt: iso(row.checked_in_at),
    checkedInBy: row.checked_in_by,
    checkedOutAt: iso(row.checked_out_at),
    purgedAt: iso(row.purged_at),
  };
}

export function findVisit(db: Executor, organizationId: string, visitId: string) {
  return visitDetails(db).where("v.organization_id", "=", organizationId).where("v.id", "=", visitId).executeTakeFirst();
}

/** The office's visits whose badge belongs to an office-local date, expected time first. */
export function listVisitsOfDay(db: Executor, organizationId: string, officeId: string, date: string) {
  return visitDetails(db)
    .where("v.organization_id", "=", organizationId)
    .where("v.office_id", "=", officeId)
    .where("v.badge_date", "=", date)
    .orderBy(sql`coalesce(v.expected_at, v.checked_in_at, v.created_at)`)
    .orderBy("v.id")
    .execute();
}

/** Everyone checked in and not out at the office, whatever day they came: the roll call. */
export function listOnSite(db: Executor, organizationId: string, officeId: string) {
  return visitDetails(db)
    .where("v.organization_id", "=", organizationId)
    .where("v.office_id", "=", officeId)
    .where("v.status", "=", "checked_in")
    .orderBy("v.visitor_name")
    .orderBy("v.id")
    .execute();
}

/** The visit of the office holding a badge code on a date, if any. */
export function findVisitByCode(db: Executor, organizationId: string, officeId: string, code: string, date: string) {
  return visitDetails(db)
    .where("v.organization_id", "=", organizationId)
    .where("v.office_id", "=", officeId)
    .where("v.badge_code", "=", code)
    .where("v.badge_date", "=", date)
    .executeTakeFirst();
}

/** The visitor on site with this badge (checked in on an earlier day too, for a late leaver). */
export function findOnSiteByCode(db: Executor, organizationId: string, officeId: string, code: string) {
  return visitDetails(db)
    .where("v.organization_id", "=", organizationId)
    .where("v.office_id", "=", officeId)
    .where("v.badge_code", "=", code)
    .where("v.status", "=", "checked_in")
    .orderBy("v.checked_in_at", "desc")
    .executeTakeFirst();
}

export async function badgeCodeTaken(db: Executor, officeId: string, date: string, code: string): Promise<boolean> {
  const row = await db.selectFrom("visit").select("id").where("office_id", "=", officeId).where("badge_date", "=", date).where("badge_code", "=", code).executeTakeFirst();
  return row !== undefined;
}

export interface NewVisitValues {
  organizationId: string;
  officeId: string;
  visitorName: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  hostStaffId: string;
  purpose: string | null;
  expectedAt: Date | null;
  appointmentId: string | null;
  badgeCode: string;
  badgeDate: string;
  createdBy: string | null;
  at: Date;
}

export function insertVisit(db: Executor, visit: NewVisitValues) {
  return db
    .insertInto("visit")
    .values({
      organization_id: visit.organizationId,
      office_id: visit.officeId,
      visitor_name: visit.visitorName,
      company: visit.company,
      email: visit.email,
      phone: visit.phone,
      host_staff_id: visit.hostStaffId,
      purpose: visit.purpose,
      expected_at: visit.expectedAt,
      appointment_id: visit.appointmentId,
      badge_code: visit.badgeCode,
      badge_date: visit.badgeDate,
      created_by: visit.createdBy,
      created_at: visit.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export type CheckedBy = { channel: "staff"; staffId: string } | { channel: "kiosk" };

/**
 * Moves an expected visit on site. Conditional on the status, so of two check-ins at once only
 * one succeeds; undefined when the visit was not expected (or is not the organization's).
 */
export function markCheckedIn(db: Executor, organizationId: string, visitId: string, by: CheckedBy, at: Date) {
  return db
    .updateTable("visit")
    .set({ status: "checked_in", checked_in_at: at, checked_in_by: by.channel, checked_in_by_staff_id: by.channel === "staff" ? by.staffId : null })
    .where("organization_id", "=", organizationId)
    .where("id", "=", visitId)
    .where("status", "=", "expected")
    .returning("id")
    .executeTakeFirst();
}

/** Checks a visitor out if, and only if, they are on site: a second check-out changes nothing. */
export function markCheckedOut(db: Executor, organizationId: string, visitId: string, by: CheckedBy, at: Date) {
  return db
    .updateTable("visit")
    .set({ status: "checked_out", checked_out_at: at, checked_out_by: by.channel, checked_out_by_staff_id: by.channel === "staff" ? by.staffId : null })
    .where("organization_id", "=", organizationId)
    .where("id", "=", visitId)
    .where("status", "=", "checked_in")
    .returning("id")
    .executeTakeFirst();
}

export function markCancelled(db: Executor, organizationId: string, visitId: string) {
  return db
    .updateTable("visit")
    .set({ status: "cancelled" })
    .where("organization_id", "=", organizationId)
    .where("id", "=", visitId)
    .where("status", "=", "expected")
    .returning("id")
    .executeTakeFirst();
}

/** An active staff member of the organization who can host, with how to reach them. */
export function findHost(db: Executor, organizationId: string, staffId: string) {
  return db
    .selectFrom("staff")
    .select(["id", "display_name", "email", "locale"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", staffId)
    .where("active", "=", true)
    .executeTakeFirst();
}

/** The active staff assigned to an office, by name: the hosts a kiosk offers. */
export function listOfficeHosts(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("staff as s")
    .select(["s.id", "s.display_name as name"])
    .where("s.organization_id", "=", organizationId)
    .where("s.active", "=", true)
    .where((eb) =>
      eb.exists(
        eb.selectFrom("staff_assignment as a").select("a.id").whereRef("a.staff_id", "=", "s.id").whereRef("a.organization_id", "=", "s.organization_id").where("a.office_id", "=", officeId),
      ),
    )
    .orderBy("s.display_name")
    .execute();
}

export function findVisitOffice(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("office")
    .select(["id", "name", "time_zone", "locale"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
}

export function findOfficeAppointment(db: Executor, organizationId: string, officeId: string, appointmentId: string) {
  return db.selectFrom("appointment").select("id").where("organization_id", "=", organizationId).where("office_id", "=", officeId).where("id", "=", appointmentId).executeTakeFirst();
}

export async function findVisitorSettings(db: Executor, organizationId: string, officeId: string): Promise<VisitorSettings | undefined> {
  const row = await db
    .selectFrom("office")
    .select(["visitor_retention_days", "visitor_wait_threshold_minutes", "visitor_day_ends_at"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  return row && { retentionDays: row.visitor_retention_days, waitThresholdMinutes: row.visitor_wait_threshold_minutes, dayEndsAt: row.visitor_day_ends_at };
}

export async function updateVisitorSettingsRow(db: Executor, organizationId: string, officeId: string, settings: VisitorSettings): Promise<void> {
  await db
    .updateTable("office")
    .set({ visitor_retention_days: settings.retentionDays, visitor_wait_threshold_minutes: settings.waitThresholdMinutes, visitor_day_ends_at: settings.dayEndsAt })
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .execute();
}

// --- Kiosk tokens -------------------------------------------------------------------------------

const KIOSK_COLUMNS = ["id", "office_id", "label", "created_at", "revoked_at"] as const;
type KioskRow = { id: string; office_id: string; label: string; created_at: Date; revoked_at: Date | null };

export function toKioskToken(row: KioskRow): KioskToken {
  return { id: row.id, officeId: row.office_id, label: row.label, createdAt: new Date(row.created_at).toISOString(), revokedAt: iso(row.revoked_at) };
}

export function insertKioskToken(db: Executor, token: { organizationId: string; officeId: string; label: string; tokenHash: string; createdBy: string; at: Date }) {
  return db
    .insertInto("kiosk_token")
    .values({ organization_id: token.organizationId, office_id: token.officeId, label: token.label, token_hash: token.tokenHash, created_by: token.createdBy, created_at: token.at })
    .returning(KIOSK_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function listKioskTokens(db: Executor, organizationId: string, officeId: string | undefined) {
  let query = db.selectFrom("kiosk_token").select(KIOSK_COLUMNS).where("organization_id", "=", organizationId);
  if (officeId) query = query.where("office_id", "=", officeId);
  return query.orderBy("created_at", "desc").orderBy("id").execute();
}

export function revokeKioskTokenRow(db: Executor, organizationId: string, id: string, at: Date) {
  return db
    .updateTable("kiosk_token")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(at)) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .returning(KIOSK_COLUMNS)
    .executeTakeFirst();
}

export function findLiveKioskByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom("kiosk_token")
    .select(["organization_id", "office_id", "token_hash"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}
