import type { Kysely, Transaction } from "kysely";
import type { Database, ServiceRow } from "@frontoffice/db";
import type { Service } from "@frontoffice/domain";
import { serviceResourceIds } from "../resources/queries.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** The unique keys of a service, and the domain error each one means when violated. */
export const SERVICE_UNIQUE_KEYS = { service_office_name_key: "SERVICE_NAME_TAKEN" } as const;

export function toService(row: ServiceRow, currency: string, staffIds: string[], resourceIds: string[] = []): Service {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name,
    durationMinutes: row.duration_minutes,
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    priceMinor: row.price_minor,
    currency,
    staffIds,
    resourceIds,
    active: row.active,
  };
}

/** Services of an organization (optionally of one office), with who performs each. */
export async function listServices(
  db: Executor,
  organizationId: string,
  filter: { officeId?: string | undefined; serviceIds?: readonly string[]; includeInactive?: boolean | undefined; forUpdate?: boolean },
): Promise<Service[]> {
  if (filter.serviceIds?.length === 0) return [];
  let query = db
    .selectFrom("service")
    .innerJoin("office", "office.id", "service.office_id")
    .selectAll("service")
    .select("office.currency")
    .where("service.organization_id", "=", organizationId);
  if (filter.officeId) query = query.where("service.office_id", "=", filter.officeId);
  if (filter.serviceIds) query = query.where("service.id", "in", filter.serviceIds);
  if (!filter.includeInactive) query = query.where("service.active", "=", true);
  if (filter.forUpdate) query = query.forUpdate("service");
  const rows = await query.orderBy("service.name").orderBy("service.id").execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom("service_staff")
    .select(["service_id", "staff_id"])
    .where("organization_id", "=", organizationId)
    .where("service_id", "in", rows.map((row) => row.id))
    .orderBy("staff_id")
    .execute();
  const resources = await serviceResourceIds(db, organizationId, rows.map((row) => row.id));
  return rows.map(({ currency, ...row }) =>
    toService(row, currency, links.filter((link) => link.service_id === row.id).map((link) => link.staff_id), resources.get(row.id) ?? []),
  );
}

export async function findService(db: Executor, organizationId: string, serviceId: string, options: { includeInactive?: boolean; forUpdate?: boolean } = {}): Promise<Service | undefined> {
  const [service] = await listServices(db, organizationId, { serviceIds: [serviceId], ...options });
  return service;
}

/** Of the given staff, those active and assigned to the office. */
export async function findOfficeStaffIds(db: Executor, organizationId: string, officeId: string, staffIds: readonly string[]): Promise<string[]> {
  if (staffIds.length === 0) return [];
  const rows = await db
    .selectFrom("staff")
    .innerJoin("staff_assignment", "staff_assignment.staff_id", "staff.id")
    .select("staff.id")
    .distinct()
    .where("staff.organization_id", "=", organizationId)
    .where("staff.active", "=", true)
    .where("staff_assignment.office_id", "=", officeId)
    .where("staff.id", "in", staffIds)
    .execute();
  return rows.map((row) => row.id);
}

export async function replaceServiceStaff(db: Executor, organizationId: string, serviceId: string, staffIds: readonly string[]): Promise<void> {
  await db.deleteFrom("service_staff").where("organization_id", "=", organizationId).where("service_id", "=", serviceId).execute();
  if (staffIds.length === 0) return;
  await db
    .insertInto("service_staff")
    .values(staffIds.map((staffId) => ({ organization_id: organizationId, service_id: serviceId, staff_id: staffId })))
    .execute();
}
