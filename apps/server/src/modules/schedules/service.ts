import { DomainError, WEEKDAY_KEYS, staffScheduleSchema, type StaffSchedule, type StaffScheduleInput, type WeeklyHours } from "@frontoffice/domain";
import { jsonb, type StoredWeeklyHours } from "@frontoffice/db";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findOfficeTimeZone } from "../appointments/queries.js";
import { findWeeklyHours, isAssigned, upsertWeeklyHours } from "./queries.js";

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
