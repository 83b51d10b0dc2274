import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, ResourceRow } from "@frontoffice/db";
import type { Resource } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

/** The unique keys of a resource, and the domain error each one means when violated. */
export const RESOURCE_UNIQUE_KEYS = { resource_office_name_key: "RESOURCE_NAME_TAKEN" } as const;

/** Statuses that no longer hold a room (the exclusion constraint's predicate). */
const RELEASED = ["cancelled", "no_show"] as const;

export function toResource(row: ResourceRow): Resource {
  return { id: row.id, officeId: row.office_id, name: row.name, kind: row.kind, capacity: row.capacity, active: row.active, version: row.version };
}

/** Resources of an organization (optionally of one office, or these ids), by name. */
export async function listResources(
  db: Executor,
  organizationId: string,
  filter: { officeId?: string | undefined; ids?: readonly string[]; includeInactive?: boolean | undefined; forUpdate?: boolean },
): Promise<Resource[]> {
  if (filter.ids?.length === 0) return [];
  let query = db.selectFrom("resource").selectAll().where("organization_id", "=", organizationId);
  if (filter.officeId) query = query.where("office_id", "=", filter.officeId);
  if (filter.ids) query = query.where("id", "in", filter.ids);
  if (!filter.includeInactive) query = query.where("active", "=", true);
  if (filter.forUpdate) query = query.forUpdate();
  const rows = await query.orderBy("name").orderBy("id").execute();
  return rows.map(toResource);
}

export async function findResource(db: Executor, organizationId: string, id: string, forUpdate = false): Promise<Resource | undefined> {
  const [resource] = await listResources(db, organizationId, { ids: [id], includeInactive: true, forUpdate });
  return resource;
}

/** The highest seat of a resource that a live appointment ending after `from` holds (0: none). */
export async function highestSeatInUse(db: Executor, organizationId: string, resourceId: string, from: Date): Promise<number> {
  const row = await db
    .selectFrom("appointment")
    .select((eb) => eb.fn.max("resource_seat").as("seat"))
    .where("organization_id", "=", organizationId)
    .where("resource_id", "=", resourceId)
    .where("status", "not in", RELEASED)
    .where("blocked_until", ">", from)
    .executeTakeFirst();
  return Number(row?.seat ?? 0);
}

/** Live appointments (with buffers) holding any of the resources over [from, to). */
export async function liveResourceBookings(db: Executor, organizationId: string, resourceIds: readonly string[], from: Date, to: Date) {
  if (resourceIds.length === 0) return [];
  return db
    .selectFrom("appointment")
    .select(["id", "resource_id", "resource_seat", "blocked_from", "blocked_until"])
    .where("organization_id", "=", organizationId)
    .where("resource_id", "in", resourceIds)
    .where("status", "not in", RELEASED)
    .where("blocked_until", ">", from)
    .where("blocked_from", "<", to)
    .orderBy("blocked_from")
    .$narrowType<{ resource_id: string; resource_seat: number }>()
    .execute();
}

/** The lowest seat of a resource free over [from, to), other than `except`'s; `undefined` when all are taken. */
export async function lowestFreeSeat(
  db: Executor,
  organizationId: string,
  resource: Pick<Resource, "id" | "capacity">,
  range: { from: Date; to: Date },
  except?: string,
): Promise<number | undefined> {
  let query = db
    .selectFrom("appointment")
    .select("resource_seat")
    .where("organization_id", "=", organizationId)
    .where("resource_id", "=", resource.id)
    .where("status", "not in", RELEASED)
    .where(sql<boolean>`blocked && tstzrange(${range.from}, ${range.to}, '[)')`);
  if (except) query = query.where("id", "!=", except);
  const taken = new Set((await query.execute()).map((row) => row.resource_seat));
  for (let seat = 1; seat <= resource.capacity; seat++) if (!taken.has(seat)) return seat;
  return undefined;
}

/** Which resources each of these services needs. */
export async function serviceResourceIds(db: Executor, organizationId: string, serviceIds: readonly string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  if (serviceIds.length === 0) return links;
  const rows = await db
    .selectFrom("service_resource")
    .select(["service_id", "resource_id"])
    .where("organization_id", "=", organizationId)
    .where("service_id", "in", serviceIds)
    .orderBy("resource_id")
    .execute();
  for (const row of rows) links.set(row.service_id, [...(links.get(row.service_id) ?? []), row.resource_id]);
  return links;
}

export async function replaceServiceResources(db: Executor, organizationId: string, officeId: string, serviceId: string, resourceIds: readonly string[]): Promise<void> {
  await db.deleteFrom("service_resource").where("organization_id", "=", organizationId).where("service_id", "=", serviceId).execute();
  if (resourceIds.length === 0) return;
  await db
    .insertInto("service_resource")
    .values(resourceIds.map((resourceId) => ({ organization_id: organizationId, office_id: officeId, service_id: serviceId, resource_id: resourceId })))
    .execute();
}
