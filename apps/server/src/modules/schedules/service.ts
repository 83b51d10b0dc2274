import {
  DomainError,
  WEEKDAY_KEYS,
  scheduleOverrideInputSchema,
  scheduleOverrideListSchema,
  staffScheduleSchema,
  timeOffInputSchema,
  timeOffListSchema,
  type ScheduleOverride,
  type ScheduleOverrideInput,
  type ScheduleOverrideListInput,
  type StaffSchedule,
  type StaffScheduleInput,
  type TimeOff,
  type TimeOffInput,
  type TimeOffListInput,
  type WeeklyHours,
} from "@frontoffice/domain";
import { jsonb, type StaffTimeOffRow, type StoredWeeklyHours } from "@frontoffice/db";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findOfficeTimeZone, staffNames } from "../appointments/queries.js";
import {
  deleteOverride,
  deleteTimeOff,
  findWeeklyHours,
  insertTimeOff,
  isAssigned,
  selectOverrides,
  selectTimeOff,
  upsertOverride,
  upsertWeeklyHours,
  type OverrideRow,
} from "./queries.js";

/** Every weekday present, closed days as `[]`. */
export function fullWeek(hours: StoredWeeklyHours | undefined): WeeklyHours {
  return Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, hours?.[day] ?? []])) as WeeklyHours;
}

export async function getSchedule(actor: Pick<Actor, "db" | "organizationId">, staffId: string, officeId: string): Promise<StaffSchedule> {
  const timeZone = await findOfficeTimeZone(actor.db, actor.organizationId, officeId);
  if (!timeZone || !(await isAssigned(actor.db, actor.organizationId, staffId, officeId))) throw new DomainError("NOT_FOUND", "staff or office not found");
  const hours = await findWeeklyHours(actor.db, actor.organizationId, officeId, [staffId]);
  return { staffId, officeId, timeZone, weeklyHours: fullWeek(hours.get(staffId)) };
}

/** Replaces a staff member's weekly hours in one office; the change is audited. */
export async function setSchedule(actor: Actor, raw: StaffScheduleInput): Promise<StaffSchedule> {
  const input = staffScheduleSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const timeZone = await findOfficeTimeZone(trx, actor.organizationId, input.officeId);
    if (!timeZone || !(await isAssigned(trx, actor.organizationId, input.staffId, input.officeId))) throw new DomainError("NOT_FOUND", "staff or office not found");
    const before = fullWeek((await findWeeklyHours(trx, actor.organizationId, input.officeId, [input.staffId])).get(input.staffId));
    const weeklyHours = fullWeek(input.weeklyHours);
    const at = actor.clock.now();
    await upsertWeeklyHours(trx, { organizationId: actor.organizationId, staffId: input.staffId, officeId: input.officeId, weeklyHours: jsonb(weeklyHours), by: actor.staffId, at });
    const changes = diffFields({ weeklyHours: before }, { weeklyHours });
    if (Object.keys(changes).length > 0) {
      await recordChangeBy(trx, actor, { type: "staff_schedule", id: `${input.staffId}:${input.officeId}` }, "update", changes, at);
    }
    return { staffId: input.staffId, officeId: input.officeId, timeZone, weeklyHours };
  });
}

// --- Time off -----------------------------------------------------------------------------------

const TIME_OFF = "staff_time_off";
const OVERRIDE = "staff_schedule_override";

function toTimeOff(row: Pick<StaffTimeOffRow, "id" | "staff_id" | "starts_at" | "ends_at" | "reason" | "note" | "created_at">): TimeOff {
  return {
    id: row.id,
    staffId: row.staff_id,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    reason: row.reason,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Records an absence of a staff member (in every office they work in); audited. */
export async function addTimeOff(actor: Actor, raw: TimeOffInput): Promise<TimeOff> {
  const input = timeOffInputSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    if (!(await staffNames(trx, actor.organizationId, [input.staffId])).has(input.staffId)) throw new DomainError("NOT_FOUND", "staff not found");
    const at = actor.clock.now();
    const row = await insertTimeOff(trx, {
      organization_id: actor.organizationId,
      staff_id: input.staffId,
      starts_at: new Date(input.start),
      ends_at: new Date(input.end),
      reason: input.reason,
      note: input.note ?? "",
      created_at: at,
      created_by: actor.staffId,
    });
    const timeOff = toTimeOff(row);
    await recordChangeBy(trx, actor, { type: TIME_OFF, id: timeOff.id }, "create", {
      staffId: { from: null, to: timeOff.staffId },
      start: { from: null, to: timeOff.start },
      end: { from: null, to: timeOff.end },
      reason: { from: null, to: timeOff.reason },
    }, at);
    return timeOff;
  });
}

export async function removeTimeOff(actor: Actor, id: string): Promise<TimeOff> {
  return actor.db.transaction().execute(async (trx) => {
    const row = await deleteTimeOff(trx, actor.organizationId, id);
    if (!row) throw new DomainError("NOT_FOUND", "time off not found");
    const timeOff = toTimeOff(row);
    await recordChangeBy(trx, actor, { type: TIME_OFF, id }, "delete", {
      staffId: { from: timeOff.staffId, to: null },
      start: { from: timeOff.start, to: null },
      end: { from: timeOff.end, to: null },
      reason: { from: timeOff.reason, to: null },
    }, actor.clock.now());
    return timeOff;
  });
}

export async function listTimeOff(actor: Pick<Actor, "db" | "organizationId">, raw: TimeOffListInput): Promise<TimeOff[]> {
  const query = timeOffListSchema.parse(raw);
  const rows = await selectTimeOff(actor.db, actor.organizationId, { staffIds: query.staffId ? [query.staffId] : undefined, from: new Date(query.from), to: new Date(query.to) });
  return rows.map(toTimeOff);
}

// --- Date overrides -----------------------------------------------------------------------------

function toOverride(row: OverrideRow): ScheduleOverride {
  return { staffId: row.staff_id, officeId: row.office_id, date: row.date, intervals: row.intervals };
}

/** Sets a staff member's hours on one office-local date (`[]`: closed), replacing any earlier override; audited. */
export async function setOverride(actor: Actor, raw: ScheduleOverrideInput): Promise<ScheduleOverride> {
  const input = scheduleOverrideInputSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const timeZone = await findOfficeTimeZone(trx, actor.organizationId, input.officeId);
    if (!timeZone || !(await isAssigned(trx, actor.organizationId, input.staffId, input.officeId))) throw new DomainError("NOT_FOUND", "staff or office not found");
    const [before] = await selectOverrides(trx, actor.organizationId, { officeId: input.officeId, staffIds: [input.staffId], from: input.date, to: input.date });
    const at = actor.clock.now();
    await upsertOverride(trx, { organizationId: actor.organizationId, staffId: input.staffId, officeId: input.officeId, date: input.date, intervals: jsonb(input.intervals), by: actor.staffId, at });
    const changes = diffFields({ intervals: before?.intervals ?? null }, { intervals: input.intervals });
    if (Object.keys(changes).length > 0) {
      await recordChangeBy(trx, actor, { type: OVERRIDE, id: `${input.staffId}:${input.officeId}:${input.date}` }, before ? "update" : "create", changes, at);
    }
    return { staffId: input.staffId, officeId: input.officeId, date: input.date, intervals: input.intervals };
  });
}

export async function removeOverride(actor: Actor, key: { staffId: string; officeId: string; date: string }): Promise<ScheduleOverride> {
  return actor.db.transaction().execute(async (trx) => {
    const row = await deleteOverride(trx, actor.organizationId, key);
    if (!row) throw new DomainError("NOT_FOUND", "override not found");
    await recordChangeBy(trx, actor, { type: OVERRIDE, id: `${key.staffId}:${key.officeId}:${key.date}` }, "delete", { intervals: { from: row.intervals, to: null } }, actor.clock.now());
    return toOverride(row);
  });
}

export async function listOverrides(actor: Pick<Actor, "db" | "organizationId">, raw: ScheduleOverrideListInput): Promise<ScheduleOverride[]> {
  const query = scheduleOverrideListSchema.parse(raw);
  const rows = await selectOverrides(actor.db, actor.organizationId, { officeId: query.officeId, staffIds: query.staffId ? [query.staffId] : undefined, from: query.from, to: query.to });
  return rows.map(toOverride);
}
