import { DomainError, type Resource, type Service } from "@frontoffice/domain";
import type { Calendar, WeeklyHours } from "@frontoffice/scheduling";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import { listResources, liveResourceBookings, lowestFreeSeat } from "./queries.js";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A resource has no hours of its own: it is open all day, every day, and a slot needs the staff
 * member booked with it to be working anyway (their calendar carries hours, holidays, time off).
 */
const ALWAYS_OPEN: WeeklyHours = Object.fromEntries(
  (["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const).map((day) => [day, [{ start: "00:00", end: "24:00" }]]),
);

/**
 * The calendars of some resources over `span`, with their live appointments (buffers included)
 * as bookings of one seat each: one query whatever the number of resources.
 */
export async function resourceCalendars(
  db: Executor,
  organizationId: string,
  timeZone: string,
  resources: readonly Resource[],
  span: { from: number; to: number },
): Promise<Calendar[]> {
  if (resources.length === 0) return [];
  const booked = await liveResourceBookings(db, organizationId, resources.map((resource) => resource.id), new Date(span.from), new Date(span.to));
  return resources.map((resource) => ({
    id: resource.id,
    kind: "resource",
    timeZone,
    weeklyHours: ALWAYS_OPEN,
    capacity: resource.capacity,
    bookings: booked
      .filter((row) => row.resource_id === resource.id)
      .map((row) => ({ id: row.id, start: new Date(row.blocked_from).toISOString(), end: new Date(row.blocked_until).toISOString() })),
  }));
}

/**
 * The active resources a service can take, `preferred` first; only `wanted` when one is asked
 * for. RESOURCE_NOT_FOUND when the one wanted is not among them, or when the service needs a
 * resource and none is active.
 */
export async function roomsForService(
  db: Executor,
  organizationId: string,
  service: Pick<Service, "officeId" | "resourceIds">,
  wanted?: string,
  preferred?: string | null,
): Promise<Resource[]> {
  if (wanted && !service.resourceIds.includes(wanted)) throw new DomainError("RESOURCE_NOT_FOUND", "the service does not use this resource", { resourceIds: [wanted] });
  if (service.resourceIds.length === 0) return [];
  const rooms = await listResources(db, organizationId, { officeId: service.officeId, ids: wanted ? [wanted] : service.resourceIds });
  if (rooms.length === 0) throw new DomainError("RESOURCE_NOT_FOUND", "no active resource for this service", { resourceIds: wanted ? [wanted] : service.resourceIds });
  return preferred ? [...rooms.filter((room) => room.id === preferred), ...rooms.filter((room) => room.id !== preferred)] : rooms;
}

/** The appointment columns for holding room `roomId` (one of `rooms`) with a seat, or for none. */
export async function holdRoom(
  db: Executor,
  organizationId: string,
  rooms: readonly Resource[],
  roomId: string | undefined,
  blocked: { blocked_from: Date; blocked_until: Date },
  exceptAppointmentId?: string,
): Promise<{ resource_id: string | null; resource_seat: number | null }> {
  const room = rooms.find((candidate) => candidate.id === roomId);
  if (!room) return { resource_id: null, resource_seat: null };
  return { resource_id: room.id, resource_seat: await seatFor(db, organizationId, room, blocked, exceptAppointmentId) };
}

/**
 * The seat an appointment takes on a resource over its blocked range: 1 for a single room; the
 * lowest free one of a group room (or 1 when all are taken: the database then refuses it).
 */
async function seatFor(
  db: Executor,
  organizationId: string,
  resource: Resource,
  blocked: { blocked_from: Date; blocked_until: Date },
  exceptAppointmentId?: string,
): Promise<number> {
  if (resource.capacity === 1) return 1;
  const seat = await lowestFreeSeat(db, organizationId, resource, { from: blocked.blocked_from, to: blocked.blocked_until }, exceptAppointmentId);
  return seat ?? 1;
}
