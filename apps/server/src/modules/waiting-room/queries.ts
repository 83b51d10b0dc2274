import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, WaitingStage } from "@frontoffice/db";

type Executor = Kysely<Database> | Transaction<Database>;

export function findBoardOffice(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("office")
    .select(["id", "name", "kind", "time_zone", "visitor_wait_threshold_minutes"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
}

/** The office's appointments starting in `[from, to)` that are still (or were) kept: not cancelled, not no-shows. */
export function listBoardAppointments(db: Executor, organizationId: string, officeId: string, from: Date, to: Date) {
  return appointmentsOnBoard(db, organizationId, officeId)
    .where("a.starts_at", ">=", from)
    .where("a.starts_at", "<", to)
    .where("a.status", "not in", ["cancelled", "no_show"])
    .orderBy("a.starts_at")
    .orderBy("a.id")
    .execute();
}

export function findBoardAppointment(db: Executor, organizationId: string, officeId: string, appointmentId: string, forUpdate = false) {
  let query = appointmentsOnBoard(db, organizationId, officeId).where("a.id", "=", appointmentId);
  if (forUpdate) query = query.forUpdate("a");
  return query.executeTakeFirst();
}

function appointmentsOnBoard(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("appointment as a")
    .innerJoin("client as c", "c.id", "a.client_id")
    .innerJoin("service as s", "s.id", "a.service_id")
    .innerJoin("staff as p", "p.id", "a.staff_id")
    .select(["a.id", "a.status", "a.version", "a.starts_at", "a.updated_at", "c.display_name as client_name", "s.name as service_name", "p.display_name as staff_name"])
    .where("a.organization_id", "=", organizationId)
    .where("a.office_id", "=", officeId);
}

export type BoardAppointmentRow = NonNullable<Awaited<ReturnType<typeof findBoardAppointment>>>;

/** The office's visits of an office-local day that may be on the board (not cancelled, not no-shows). */
export function listBoardVisits(db: Executor, organizationId: string, officeId: string, date: string) {
  return visitsOnBoard(db, organizationId, officeId)
    .where("v.badge_date", "=", date)
    .where("v.status", "not in", ["cancelled", "no_show"])
    .orderBy(sql`coalesce(v.expected_at, v.checked_in_at, v.created_at)`)
    .orderBy("v.id")
    .execute();
}

export function findBoardVisit(db: Executor, organizationId: string, officeId: string, visitId: string, forUpdate = false) {
  let query = visitsOnBoard(db, organizationId, officeId).where("v.id", "=", visitId);
  if (forUpdate) query = query.forUpdate("v");
  return query.executeTakeFirst();
}

/** The live visit pre-registered for an appointment, if any (the newest when there are several). */
export function findVisitOfAppointment(db: Executor, organizationId: string, appointmentId: string, forUpdate = false) {
  const query = db
    .selectFrom("visit as v")
    .innerJoin("staff as h", (join) => join.onRef("h.id", "=", "v.host_staff_id").onRef("h.organization_id", "=", "v.organization_id"))
    .select(visitColumns)
    .where("v.organization_id", "=", organizationId)
    .where("v.appointment_id", "=", appointmentId)
    .where("v.status", "not in", ["cancelled", "no_show"])
    .orderBy("v.created_at", "desc");
  return (forUpdate ? query.forUpdate("v") : query).executeTakeFirst();
}

const visitColumns = [
  "v.id",
  "v.visitor_name",
  "v.purpose",
  "v.status",
  "v.expected_at",
  "v.appointment_id",
  "v.checked_in_at",
  "v.checked_out_at",
  "h.display_name as host_name",
] as const;

function visitsOnBoard(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("visit as v")
    .innerJoin("staff as h", (join) => join.onRef("h.id", "=", "v.host_staff_id").onRef("h.organization_id", "=", "v.organization_id"))
    .select(visitColumns)
    .where("v.organization_id", "=", organizationId)
    .where("v.office_id", "=", officeId);
}

export type BoardVisitRow = NonNullable<Awaited<ReturnType<typeof findBoardVisit>>>;

const ENTRY_COLUMNS = ["id", "appointment_id", "visit_id", "stage", "arrived_at", "in_room_at", "with_provider_at", "done_at", "stage_changed_at", "version"] as const;

/** The board's entries of these appointments and visits. */
export function listEntries(db: Executor, organizationId: string, appointmentIds: readonly string[], visitIds: readonly string[]) {
  if (appointmentIds.length === 0 && visitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("waiting_room_entry")
    .select(ENTRY_COLUMNS)
    .where("organization_id", "=", organizationId)
    .where((eb) =>
      eb.or([
        ...(appointmentIds.length > 0 ? [eb("appointment_id", "in", appointmentIds)] : []),
        ...(visitIds.length > 0 ? [eb("visit_id", "in", visitIds)] : []),
      ]),
    )
    .execute();
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export type EntrySubject = { appointmentId: string } | { visitId: string };

/**
 * The subject's entry, made (at `expected`) if the board had not touched them yet, and locked:
 * a second desk moving the same person waits here, then sees the first one's move. Two first
 * moves at once insert one row: the other insert waits on the unique key and does nothing.
 */
export async function lockEntry(trx: Transaction<Database>, organizationId: string, officeId: string, subject: EntrySubject, at: Date): Promise<EntryRow> {
  const key = "appointmentId" in subject ? { appointment_id: subject.appointmentId } : { visit_id: subject.visitId };
  await trx
    .insertInto("waiting_room_entry")
    .values({ organization_id: organizationId, office_id: officeId, ...key, stage_changed_at: at, created_at: at })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  let query = trx.selectFrom("waiting_room_entry").select(ENTRY_COLUMNS).where("organization_id", "=", organizationId);
  query = "appointmentId" in subject ? query.where("appointment_id", "=", subject.appointmentId) : query.where("visit_id", "=", subject.visitId);
  return query.forUpdate().executeTakeFirstOrThrow();
}

export interface EntryStamps {
  stage: WaitingStage;
  arrivedAt: Date | null;
  inRoomAt: Date | null;
  withProviderAt: Date | null;
  doneAt: Date | null;
}

/** Writes the entry's next stage if it is still at `version`; false when it moved on. */
export async function updateEntryStage(trx: Transaction<Database>, organizationId: string, entry: { id: string; version: number }, stamps: EntryStamps, by: string, at: Date): Promise<boolean> {
  const result = await trx
    .updateTable("waiting_room_entry")
    .set({
      stage: stamps.stage,
      arrived_at: stamps.arrivedAt,
      in_room_at: stamps.inRoomAt,
      with_provider_at: stamps.withProviderAt,
      done_at: stamps.doneAt,
      stage_changed_at: at,
      version: sql<number>`version + 1`,
      updated_by: by,
    })
    .where("organization_id", "=", organizationId)
    .where("id", "=", entry.id)
    .where("version", "=", entry.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
