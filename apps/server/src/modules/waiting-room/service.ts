/**
 * The waiting-room board: the office's appointments and visitors of today, each at a stage. The
 * stage lives in `waiting_room_entry` once the board has moved someone; the appointment's and the
 * visit's own status count too (a patient checked in on the schedule, a visitor checked in at the
 * kiosk, show as arrived). Moving a row keeps the appointment's status (through the appointments
 * module's status change) and the visit's check-in and check-out (through the visitors module) in
 * step, in one transaction.
 */
import {
  APPOINTMENT_STATUS_OF_STAGE,
  DomainError,
  canMoveStage,
  stageOfAppointmentStatus,
  stageOfVisitStatus,
  stageRank,
  waitingAlerts,
  waitingMoveSchema,
  type WaitingBoard,
  type WaitingBoardInput,
  type WaitingMoveInput,
  type WaitingRow,
  type WaitingStage,
} from "@frontoffice/domain";
import { Temporal } from "@frontoffice/scheduling";
import type { Database } from "@frontoffice/db";
import type { Transaction } from "kysely";
import type { Actor } from "../../trpc/actor.js";
import { changeAppointmentStatus } from "../appointments/service.js";
import { recordChangeBy } from "../audit/queries.js";
import { businessDateOf } from "../payments/support.js";
import { checkInExpected, checkOutIn, staffActor } from "../visitors/service.js";
import {
  findBoardAppointment,
  findBoardOffice,
  findBoardVisit,
  findVisitOfAppointment,
  listBoardAppointments,
  listBoardVisits,
  listEntries,
  lockEntry,
  updateEntryStage,
  type BoardAppointmentRow,
  type BoardVisitRow,
  type EntryRow,
  type EntryStamps,
  type EntrySubject,
} from "./queries.js";

type Reader = Pick<Actor, "db" | "clock" | "organizationId">;
type Trx = Transaction<Database>;

const ENTITY = "waiting_room_entry";

const later = (a: WaitingStage, b: WaitingStage): WaitingStage => (stageRank(a) >= stageRank(b) ? a : b);
const at = (value: Date | string | null | undefined) => (value === null || value === undefined ? null : new Date(value));
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** What the board knows of one person: their appointment, their visit, the board's own entry. */
interface Sources {
  appointment?: BoardAppointmentRow | undefined;
  visit?: BoardVisitRow | undefined;
  entry?: EntryRow | undefined;
}

/**
 * The stage and the times of one person. The entry's stamps win; where the appointment or the
 * visit got ahead of the board (changed elsewhere), their own times stand in: the visit's
 * check-in and check-out, else the appointment's last change.
 */
function standing({ appointment, visit, entry }: Sources): EntryStamps & { stageSince: Date | null } {
  const byStatus = later(appointment ? stageOfAppointmentStatus(appointment.status) : "expected", visit ? stageOfVisitStatus(visit.status) : "expected");
  const entryStage = entry?.stage ?? "expected";
  const stage = later(entryStage, byStatus);
  const reached = (step: WaitingStage) => stageRank(stage) >= stageRank(step);
  const statusAt = at(appointment?.updated_at);
  const arrivedAt = reached("arrived") ? (at(entry?.arrived_at) ?? at(visit?.checked_in_at) ?? statusAt) : null;
  const inRoomAt = reached("in_room") ? at(entry?.in_room_at) : null;
  const withProviderAt = reached("with_provider") ? (at(entry?.with_provider_at) ?? (stage === "with_provider" ? statusAt : null)) : null;
  const doneAt = stage === "done" ? (at(entry?.done_at) ?? at(visit?.checked_out_at) ?? statusAt) : null;
  const stamps = { stage, arrivedAt, inRoomAt, withProviderAt, doneAt };
  const stageSince = stage === "expected" ? null : entry && stage === entryStage ? at(entry.stage_changed_at) : { arrived: arrivedAt, in_room: inRoomAt, with_provider: withProviderAt, done: doneAt }[stage];
  return { ...stamps, stageSince };
}

function toRow(sources: Sources): WaitingRow {
  const { appointment, visit } = sources;
  const subject: EntrySubject = appointment ? { appointmentId: appointment.id } : { visitId: visit!.id };
  const now = standing(sources);
  return {
    key: appointment ? `appointment:${appointment.id}` : `visit:${visit!.id}`,
    subject,
    appointmentId: appointment?.id ?? null,
    visitId: visit?.id ?? null,
    name: appointment?.client_name ?? visit!.visitor_name,
    serviceName: appointment?.service_name ?? visit?.purpose ?? null,
    staffName: appointment?.staff_name ?? visit!.host_name,
    scheduledAt: iso(at(appointment?.starts_at ?? visit?.expected_at)),
    stage: now.stage,
    stageSince: iso(now.stageSince),
    arrivedAt: iso(now.arrivedAt),
    inRoomAt: iso(now.inRoomAt),
    withProviderAt: iso(now.withProviderAt),
    doneAt: iso(now.doneAt),
    appointmentStatus: appointment?.status ?? null,
    visitStatus: visit?.status ?? null,
  };
}

async function officeOf(actor: Reader, officeId: string) {
  const office = await findBoardOffice(actor.db, actor.organizationId, officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return office;
}

/** Today's board of an office: appointments of the office-local day, and the day's visitors not tied to one of them. */
export async function waitingBoard(actor: Reader, input: WaitingBoardInput): Promise<WaitingBoard> {
  const office = await officeOf(actor, input.officeId);
  const now = actor.clock.now();
  const date = businessDateOf(now, office.time_zone);
  const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: office.time_zone });
  const from = new Date(start.epochMilliseconds);
  const to = new Date(start.add({ days: 1 }).epochMilliseconds);
  const [appointments, visits] = await Promise.all([
    listBoardAppointments(actor.db, actor.organizationId, office.id, from, to),
    listBoardVisits(actor.db, actor.organizationId, office.id, date),
  ]);
  const entries = await listEntries(actor.db, actor.organizationId, appointments.map((row) => row.id), visits.map((row) => row.id));
  const entryOf = new Map(entries.map((entry) => [entry.appointment_id ?? entry.visit_id, entry]));
  const onBoard = new Set(appointments.map((row) => row.id));
  const visitOf = new Map(visits.filter((visit) => visit.appointment_id && onBoard.has(visit.appointment_id)).map((visit) => [visit.appointment_id, visit]));
  const rows = [
    ...appointments.map((appointment) => toRow({ appointment, visit: visitOf.get(appointment.id), entry: entryOf.get(appointment.id) })),
    ...visits.filter((visit) => !(visit.appointment_id && onBoard.has(visit.appointment_id))).map((visit) => toRow({ visit, entry: entryOf.get(visit.id) })),
  ].sort(boardOrder);
  const alerts = waitingAlerts(rows, now.getTime(), office.visitor_wait_threshold_minutes);
  return {
    officeId: office.id,
    officeName: office.name,
    officeKind: office.kind,
    timeZone: office.time_zone,
    date,
    waitThresholdMinutes: office.visitor_wait_threshold_minutes,
    now: now.toISOString(),
    ...alerts,
    rows,
  };
}

/** Who is here first (longest arrived first), then who is expected (by time), the ones gone last. */
function boardOrder(a: WaitingRow, b: WaitingRow): number {
  const group = (row: WaitingRow) => (row.stage === "done" ? 2 : row.stage === "expected" ? 1 : 0);
  const when = (row: WaitingRow) => Date.parse((row.stage === "expected" ? row.scheduledAt : row.arrivedAt) ?? row.scheduledAt ?? "") || 0;
  return group(a) - group(b) || when(a) - when(b) || a.key.localeCompare(b.key);
}

/**
 * The appointment and visit a move is about (of this organization and office, else NOT_FOUND),
 * locked when `lock`. A visit made for a live appointment moves with it: the subject becomes
 * the appointment.
 */
async function sourcesOf(trx: Trx, actor: Actor, officeId: string, subject: EntrySubject, lock: boolean): Promise<{ subject: EntrySubject; appointment?: BoardAppointmentRow; visit?: BoardVisitRow }> {
  if ("visitId" in subject) {
    const visit = await findBoardVisit(trx, actor.organizationId, officeId, subject.visitId, lock);
    if (!visit) throw new DomainError("NOT_FOUND", "visit not found");
    if (visit.appointment_id) {
      const appointment = await findBoardAppointment(trx, actor.organizationId, officeId, visit.appointment_id, lock);
      if (appointment && appointment.status !== "cancelled" && appointment.status !== "no_show") return { subject: { appointmentId: appointment.id }, appointment, visit };
    }
    return { subject, visit };
  }
  const appointment = await findBoardAppointment(trx, actor.organizationId, officeId, subject.appointmentId, lock);
  if (!appointment) throw new DomainError("NOT_FOUND", "appointment not found");
  const visit = await findVisitOfAppointment(trx, actor.organizationId, appointment.id, lock);
  return { subject, appointment, ...(visit ? { visit } : {}) };
}

/**
 * Moves someone to the next stage. Conditional on the stage the board showed (`from`): a stale
 * board, or the second of two desks moving the same person at once, gets WAITING_STAGE_CONFLICT
 * and nothing changes. The appointment's status and the visit's check-in/out follow.
 */
export async function moveOnBoard(actor: Actor, raw: WaitingMoveInput): Promise<WaitingBoard> {
  const input = waitingMoveSchema.parse(raw);
  const office = await officeOf(actor, input.officeId);
  await actor.db.transaction().execute(async (trx) => {
    const now = actor.clock.now();
    // Whose entry (checked to be this office's), then the entry locked (the lock two desks meet
    // on), then the appointment and the visit as they are now.
    const { subject } = await sourcesOf(trx, actor, office.id, input.subject, false);
    const entry = await lockEntry(trx, actor.organizationId, office.id, subject, now);
    const { appointment, visit } = await sourcesOf(trx, actor, office.id, subject, true);
    const current = standing({ appointment, visit, entry });
    if (current.stage !== input.from) throw new DomainError("WAITING_STAGE_CONFLICT", "someone moved them meanwhile");
    if (!canMoveStage(input.from, input.to)) throw new DomainError("WAITING_STAGE_INVALID", "only forward moves");

    const status = APPOINTMENT_STATUS_OF_STAGE[input.to];
    if (appointment && status && stageRank(stageOfAppointmentStatus(appointment.status)) < stageRank(input.to)) {
      await changeAppointmentStatus(trx, actor, { id: appointment.id, version: appointment.version, status });
    }
    if (visit && input.to === "arrived" && visit.status === "expected") await checkInExpected(trx, staffActor(actor), visit.id, now);
    if (visit && input.to === "done" && visit.status === "checked_in") await checkOutIn(trx, staffActor(actor), visit.id, now);

    const stamps: EntryStamps = {
      stage: input.to,
      arrivedAt: current.arrivedAt ?? now,
      inRoomAt: input.to === "in_room" ? now : current.inRoomAt,
      withProviderAt: input.to === "with_provider" ? now : current.withProviderAt,
      doneAt: input.to === "done" ? now : null,
    };
    if (!(await updateEntryStage(trx, actor.organizationId, entry, stamps, actor.staffId, now))) throw new DomainError("WAITING_STAGE_CONFLICT");
    await recordChangeBy(trx, actor, { type: ENTITY, id: entry.id }, "update", { stage: { from: input.from, to: input.to } }, now);
  });
  return waitingBoard(actor, { officeId: office.id });
}
