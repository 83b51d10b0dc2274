import { sql, type Kysely, type Transaction } from "kysely";
import type { AppointmentRow, AppointmentUpdate, Database, NewAppointment } from "@frontoffice/db";
import type { Appointment, OfficeBookingPolicy } from "@frontoffice/domain";
import { toBookingPolicy } from "../offices/queries.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Statuses that hold the staff member's time (the exclusion constraint's predicate). */
const RELEASED = ["cancelled", "no_show"] as const;

/** The name of the exclusion constraint that makes double booking impossible. */
export const NO_OVERLAP_CONSTRAINT = "appointment_staff_no_overlap";
/** The exclusion constraint that makes double booking of a room (one seat of it) impossible. */
export const RESOURCE_NO_OVERLAP_CONSTRAINT = "appointment_resource_no_overlap";
/** The trigger's check that a seat is within the resource's capacity (a capacity lowered meanwhile). */
export const RESOURCE_SEAT_CAPACITY_CHECK = "appointment_resource_seat_capacity";

/** The first key of the advisory locks on a staff member's time (the second is a hash of their id). */
const STAFF_TIME_LOCK = 0x5354_4146;

/**
 * Takes a staff member's time until the transaction ends: bookings, reschedules and blocks take
 * it before checking what else holds the time, so a block and a booking written at the same
 * moment see each other (blocks live apart from appointments, out of reach of the exclusion
 * constraint). Transaction-scoped: released by commit or rollback, never leaked.
 */
export async function lockStaffTime(trx: Transaction<Database>, staffId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(STAFF_TIME_LOCK)}, hashtext(${staffId}))`.execute(trx);
}

export async function findOfficeTimeZone(db: Executor, organizationId: string, officeId: string): Promise<string | undefined> {
  const row = await db.selectFrom("office").select("time_zone").where("organization_id", "=", organizationId).where("id", "=", officeId).executeTakeFirst();
  return row?.time_zone;
}

/** What booking rules need to know about an office: its time zone, country (for holidays) and booking policy. */
export async function findOfficeContext(
  db: Executor,
  organizationId: string,
  officeId: string,
): Promise<{ id: string; timeZone: string; country: string | undefined; bookingPolicy: OfficeBookingPolicy } | undefined> {
  const row = await db
    .selectFrom("office")
    .select(["id", "time_zone", "address", "booking_window_days", "minimum_notice_minutes", "slot_step_minutes"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  return row && { id: row.id, timeZone: row.time_zone, country: (row.address as { country?: string } | undefined)?.country, bookingPolicy: toBookingPolicy(row) };
}

export async function findClientForBooking(db: Executor, organizationId: string, clientId: string) {
  return db
    .selectFrom("client")
    .select(["id", "archived_at"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", clientId)
    .executeTakeFirst();
}

export async function staffNames(db: Executor, organizationId: string, staffIds: readonly string[]): Promise<Map<string, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db.selectFrom("staff").select(["id", "display_name"]).where("organization_id", "=", organizationId).where("id", "in", staffIds).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** Live appointments (with buffers) of the given staff that touch [from, to). */
export async function liveBookings(db: Executor, organizationId: string, staffIds: readonly string[], from: Date, to: Date) {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom("appointment")
    .select(["id", "staff_id", "blocked_from", "blocked_until"])
    .where("organization_id", "=", organizationId)
    .where("staff_id", "in", staffIds)
    .where("status", "not in", RELEASED)
    .where("blocked_until", ">", from)
    .where("blocked_from", "<", to)
    .orderBy("blocked_from")
    .execute();
}

/** When each staff member was last booked (for round-robin), null when never. */
export async function lastBookedAt(db: Executor, organizationId: string, staffIds: readonly string[]): Promise<Map<string, Date>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("appointment")
    .select(["staff_id", (eb) => eb.fn.max("created_at").as("last")])
    .where("organization_id", "=", organizationId)
    .where("staff_id", "in", staffIds)
    .where("status", "not in", RELEASED)
    .groupBy("staff_id")
    .execute();
  return new Map(rows.map((row) => [row.staff_id, new Date(row.last)]));
}

export async function insertAppointment(db: Executor, values: NewAppointment): Promise<string> {
  const row = await db.insertInto("appointment").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findAppointmentRow(db: Executor, organizationId: string, id: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  let query = db.selectFrom("appointment").selectAll().where("organization_id", "=", organizationId).where("id", "=", id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Writes a new version of an appointment if it is still at `version`; false when it moved on. */
export async function updateAppointmentRow(db: Executor, organizationId: string, id: string, version: number, set: AppointmentUpdate): Promise<boolean> {
  const result = await db
    .updateTable("appointment")
    .set({ ...set, version: sql<number>`version + 1` })
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface AppointmentFilter {
  ids?: readonly string[];
  officeId?: string | undefined;
  staffIds?: readonly string[] | undefined;
  resourceIds?: readonly string[] | undefined;
  from?: Date;
  to?: Date;
}

/** Appointments with their service, staff and client names, in start order. */
export async function selectAppointments(db: Executor, organizationId: string, filter: AppointmentFilter, limit = 5000): Promise<Appointment[]> {
  let query = db
    .selectFrom("appointment")
    .innerJoin("service", "service.id", "appointment.service_id")
    .innerJoin("staff", "staff.id", "appointment.staff_id")
    .innerJoin("client", "client.id", "appointment.client_id")
    .leftJoin("resource", "resource.id", "appointment.resource_id")
    .selectAll("appointment")
    .select(["service.name as service_name", "staff.display_name as staff_name", "client.display_name as client_name", "resource.name as resource_name"])
    .where("appointment.organization_id", "=", organizationId);
  if (filter.ids) query = query.where("appointment.id", "in", filter.ids.length > 0 ? filter.ids : ["00000000-0000-0000-0000-000000000000"]);
  if (filter.officeId) query = query.where("appointment.office_id", "=", filter.officeId);
  if (filter.staffIds) query = query.where("appointment.staff_id", "in", filter.staffIds.length > 0 ? filter.staffIds : ["00000000-0000-0000-0000-000000000000"]);
  if (filter.resourceIds) query = query.where("appointment.resource_id", "in", filter.resourceIds.length > 0 ? filter.resourceIds : ["00000000-0000-0000-0000-000000000000"]);
  if (filter.to) query = query.where("appointment.starts_at", "<", filter.to);
  if (filter.from) query = query.where("appointment.ends_at", ">", filter.from);
  const rows = await query.orderBy("appointment.starts_at").orderBy("appointment.id").limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    officeId: row.office_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    staffId: row.staff_id,
    staffName: row.staff_name,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    clientId: row.client_id,
    clientName: row.client_name,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    status: row.status,
    notes: row.notes,
    version: row.version,
    cancelReason: row.cancel_reason,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
