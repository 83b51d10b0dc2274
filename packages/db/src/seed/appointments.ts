/**
 * The demo's schedules: services per office, weekly hours for the staff who perform them, and a
 * few dozen appointments over the coming working days (never overlapping: the database's
 * exclusion constraint would refuse them).
 */
import type { Transaction } from "kysely";
import { jsonb } from "../json.js";
import type { Database, NewAppointment, NewAuditLog, StoredWeeklyHours } from "../schema.js";
import type { Random } from "./random.js";

type OfficeKey = "madrid" | "milan" | "dublin" | "boston";

interface DemoService {
  office: OfficeKey;
  name: string;
  durationMinutes: number;
  bufferAfterMinutes: number;
  priceMinor: number | null;
  /** Display names of the staff who perform it. */
  staff: readonly string[];
  /** Names of the rooms it needs one of (see DEMO_RESOURCES). */
  rooms?: readonly string[];
}

/** Rooms of the dental clinic and the law firm. */
export const DEMO_RESOURCES: readonly { office: OfficeKey; name: string }[] = [
  { office: "madrid", name: "Gabinete 1" },
  { office: "madrid", name: "Gabinete 2" },
  { office: "milan", name: "Sala riunioni" },
];

export const DEMO_SERVICES: readonly DemoService[] = [
  { office: "madrid", name: "Revisión dental", durationMinutes: 30, bufferAfterMinutes: 10, priceMinor: 4000, staff: ["Andrés Gil", "Javier Navarro"], rooms: ["Gabinete 1", "Gabinete 2"] },
  { office: "madrid", name: "Limpieza", durationMinutes: 45, bufferAfterMinutes: 15, priceMinor: 6000, staff: ["Andrés Gil"], rooms: ["Gabinete 1", "Gabinete 2"] },
  { office: "milan", name: "Prima consulenza", durationMinutes: 60, bufferAfterMinutes: 0, priceMinor: 15000, staff: ["Paolo Esposito", "Lorenzo Bianchi"], rooms: ["Sala riunioni"] },
  { office: "dublin", name: "Parent meeting", durationMinutes: 20, bufferAfterMinutes: 10, priceMinor: null, staff: ["Declan Murphy", "Niamh O'Brien"] },
  { office: "boston", name: "Print consultation", durationMinutes: 30, bufferAfterMinutes: 0, priceMinor: 2500, staff: ["Tyler Brooks", "Marcus Johnson"] },
];

const split = [{ start: "09:00", end: "14:00" }, { start: "15:00", end: "18:00" }];
const straight = [{ start: "09:00", end: "17:00" }];
const HOURS: Record<OfficeKey, StoredWeeklyHours> = {
  madrid: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: [{ start: "09:00", end: "14:00" }] },
  milan: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split },
  dublin: { monday: straight, tuesday: straight, wednesday: straight, thursday: straight, friday: straight },
  boston: { monday: straight, tuesday: straight, wednesday: straight, thursday: straight, friday: straight },
};

/** Hours of the day at which demo appointments start: one hour apart, inside every office's hours. */
const START_HOURS = [9, 10, 11, 12, 15, 16];

export interface SeedAppointmentsContext {
  random: Random;
  now: Date;
  organizationId: string;
  officeId: (key: OfficeKey) => string;
  timeZone: (key: OfficeKey) => string;
  staffId: (displayName: string) => string;
  /** Clients of each office, to book for. */
  clientIds: (key: OfficeKey) => readonly string[];
  /** Who books at each office's desk. */
  deskStaffId: (key: OfficeKey) => string;
}

/** The parts of an instant's wall-clock time in a time zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" }).formatToParts(new Date(instant));
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return { year: Number(value("year")), month: Number(value("month")), day: Number(value("day")), hour: Number(value("hour")), minute: Number(value("minute")), weekday: value("weekday") };
}

/** The instant a wall-clock time on a local date is in a time zone (two passes settle DST). */
function zoned(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  let guess = wanted;
  for (let pass = 0; pass < 2; pass++) {
    const seen = wallClock(guess, timeZone);
    guess += wanted - Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
  }
  return new Date(guess);
}

export async function seedAppointments(trx: Transaction<Database>, context: SeedAppointmentsContext): Promise<void> {
  const { random, now, organizationId } = context;
  const services = DEMO_SERVICES.map((service) => ({ ...service, id: random.uuid() }));
  await trx
    .insertInto("service")
    .values(services.map((service) => ({
      id: service.id,
      organization_id: organizationId,
      office_id: context.officeId(service.office),
      name: service.name,
      duration_minutes: service.durationMinutes,
      buffer_after_minutes: service.bufferAfterMinutes,
      price_minor: service.priceMinor,
      created_at: now,
      updated_at: now,
    })))
    .execute();
  await trx
    .insertInto("service_staff")
    .values(services.flatMap((service) => service.staff.map((name) => ({ organization_id: organizationId, service_id: service.id, staff_id: context.staffId(name) }))))
    .execute();
  // Rooms get their ids from the database, so the demo's other random draws stay as they were.
  const rooms = await trx
    .insertInto("resource")
    .values(DEMO_RESOURCES.map((room) => ({ organization_id: organizationId, office_id: context.officeId(room.office), name: room.name, created_at: now, updated_at: now })))
    .returning(["id", "office_id", "name"])
    .execute();
  const roomId = (office: OfficeKey, name: string) => rooms.find((room) => room.office_id === context.officeId(office) && room.name === name)?.id as string;
  const serviceRooms = services.flatMap((service) => (service.rooms ?? []).map((name) => ({ service, id: roomId(service.office, name) })));
  if (serviceRooms.length > 0) {
    await trx
      .insertInto("service_resource")
      .values(serviceRooms.map(({ service, id }) => ({ organization_id: organizationId, office_id: context.officeId(service.office), service_id: service.id, resource_id: id })))
      .execute();
  }
  const performers = [...new Map(services.flatMap((service) => service.staff.map((name) => [`${service.office}:${name}`, { office: service.office, name }] as const))).values()];
  await trx
    .insertInto("staff_schedule")
    .values(performers.map(({ office, name }) => ({
      organization_id: organizationId,
      staff_id: context.staffId(name),
      office_id: context.officeId(office),
      weekly_hours: jsonb(HOURS[office]),
      updated_at: now,
    })))
    .execute();

  // Over the next eight days, each performer gets up to two appointments a working day, at
  // distinct hours (an hour apart: longer than any service and its buffer). A service with rooms
  // takes the first one free at that hour; none free: no appointment then.
  const appointments: NewAppointment[] = [];
  const roomHoursTaken = new Set<string>();
  const audit: NewAuditLog[] = [];
  for (let ahead = 1; ahead <= 8; ahead++) {
    for (const { office, name } of performers) {
      const timeZone = context.timeZone(office);
      const date = wallClock(now.getTime() + ahead * 86_400_000, timeZone);
      if (date.weekday === "Sat" || date.weekday === "Sun" || (office === "madrid" && date.weekday === "Fri")) continue;
      const hours = [...START_HOURS].sort(() => random.next() - 0.5).slice(0, random.int(0, 2));
      for (const hour of hours) {
        const service = random.pick(services.filter((item) => item.office === office && item.staff.includes(name)));
        const start = zoned(date.year, date.month, date.day, hour, timeZone);
        const end = new Date(start.getTime() + service.durationMinutes * 60_000);
        const room = service.rooms?.map((name) => roomId(office, name)).find((candidate) => !roomHoursTaken.has(`${candidate}@${start.toISOString()}`));
        if (service.rooms && !room) continue;
        if (room) roomHoursTaken.add(`${room}@${start.toISOString()}`);
        const id = random.uuid();
        const clientId = random.pick(context.clientIds(office));
        const desk = context.deskStaffId(office);
        const bookedAt = new Date(now.getTime() - random.int(1, 14) * 86_400_000);
        appointments.push({
          id,
          organization_id: organizationId,
          office_id: context.officeId(office),
          service_id: service.id,
          staff_id: context.staffId(name),
          client_id: clientId,
          starts_at: start,
          ends_at: end,
          blocked_from: start,
          blocked_until: new Date(end.getTime() + service.bufferAfterMinutes * 60_000),
          resource_id: room ?? null,
          resource_seat: room ? 1 : null,
          status: ahead <= 2 && random.chance(0.6) ? "confirmed" : "booked",
          created_at: bookedAt,
          updated_at: bookedAt,
          created_by: desk,
          updated_by: desk,
        });
        audit.push({
          organization_id: organizationId,
          actor_staff_id: desk,
          entity_type: "appointment",
          entity_id: id,
          action: "book",
          changes: jsonb({ start: { from: null, to: start.toISOString() }, staffId: { from: null, to: context.staffId(name) }, serviceId: { from: null, to: service.id } }),
          at: bookedAt,
        });
      }
    }
  }
  if (appointments.length > 0) await trx.insertInto("appointment").values(appointments).execute();
  if (audit.length > 0) await trx.insertInto("audit_log").values(audit).execute();
}
