import {
  DomainError,
  serviceInputSchema,
  serviceUpdateSchema,
  type Service,
  type ServiceInput,
  type ServiceUpdateInput,
} from "@frontoffice/domain";
import type { Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Actor } from "../../trpc/actor.js";
import { translatingUniqueViolations } from "../../database-errors.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findBookingPolicy, findOffice } from "../offices/queries.js";
import { listResources, replaceServiceResources } from "../resources/queries.js";
import { SERVICE_UNIQUE_KEYS, findOfficeStaffIds, findService, listServices, replaceServiceStaff } from "./queries.js";

const ENTITY = "service";

export function servicesOf(actor: Pick<Actor, "db" | "organizationId">, filter: { officeId?: string | undefined; includeInactive?: boolean | undefined }): Promise<Service[]> {
  return listServices(actor.db, actor.organizationId, filter);
}

/** Every staff member named must be active and work in the office, else STAFF_NOT_FOUND. */
async function checkStaff(trx: Transaction<Database>, actor: Actor, officeId: string, staffIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(staffIds)];
  const found = await findOfficeStaffIds(trx, actor.organizationId, officeId, unique);
  const missing = unique.filter((id) => !found.includes(id));
  if (missing.length > 0) throw new DomainError("STAFF_NOT_FOUND", "staff not in this office", { staffIds: missing });
  return unique.sort();
}

/** Every resource named must be active and of the office, else RESOURCE_NOT_FOUND. */
async function checkResources(trx: Transaction<Database>, actor: Actor, officeId: string, resourceIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(resourceIds)];
  const found = (await listResources(trx, actor.organizationId, { officeId, ids: unique })).map((resource) => resource.id);
  const missing = unique.filter((id) => !found.includes(id));
  if (missing.length > 0) throw new DomainError("RESOURCE_NOT_FOUND", "resource not in this office", { resourceIds: missing });
  return unique.sort();
}

function auditView(service: Omit<Service, "id" | "currency" | "active"> & { active?: boolean }): Record<string, unknown> {
  return {
    officeId: service.officeId,
    name: service.name,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    priceMinor: service.priceMinor,
    staffIds: service.staffIds,
    resourceIds: service.resourceIds,
    active: service.active ?? true,
  };
}

/** A service must last a whole number of its office's fixed slot steps, or it could never be booked. */
async function checkFitsOfficeStep(trx: Transaction<Database>, actor: Actor, officeId: string, durationMinutes: number): Promise<void> {
  const step = (await findBookingPolicy(trx, actor.organizationId, officeId))?.slotStepMinutes;
  if (step && durationMinutes % step !== 0) {
    throw new DomainError("DURATION_NOT_MULTIPLE_OF_STEP", `a ${durationMinutes}-minute service does not fit the office's ${step}-minute step`, { durationMinutes, stepMinutes: step });
  }
}

export async function createService(actor: Actor, raw: ServiceInput): Promise<Service> {
  const input = serviceInputSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    if (!(await findOffice(trx, actor.organizationId, input.officeId))) throw new DomainError("NOT_FOUND", "office not found");
    const staffIds = await checkStaff(trx, actor, input.officeId, input.staffIds);
    const resourceIds = await checkResources(trx, actor, input.officeId, input.resourceIds);
    await checkFitsOfficeStep(trx, actor, input.officeId, input.durationMinutes);
    const at = actor.clock.now();
    const row = await translatingUniqueViolations(SERVICE_UNIQUE_KEYS, () =>
      trx
        .insertInto("service")
        .values({
          organization_id: actor.organizationId,
          office_id: input.officeId,
          name: input.name,
          duration_minutes: input.durationMinutes,
          buffer_before_minutes: input.bufferBeforeMinutes,
          buffer_after_minutes: input.bufferAfterMinutes,
          price_minor: input.priceMinor ?? null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    await replaceServiceStaff(trx, actor.organizationId, row.id, staffIds);
    await replaceServiceResources(trx, actor.organizationId, input.officeId, row.id, resourceIds);
    const service = await findService(trx, actor.organizationId, row.id, { includeInactive: true });
    if (!service) throw new DomainError("INTERNAL", "service vanished");
    await recordChangeBy(trx, actor, { type: ENTITY, id: service.id }, "create", diffFields({}, auditView(service)), at);
    return service;
  });
}

export async function updateService(actor: Actor, raw: ServiceUpdateInput): Promise<Service> {
  const input = serviceUpdateSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const current = await findService(trx, actor.organizationId, input.id, { includeInactive: true, forUpdate: true });
    if (!current) throw new DomainError("SERVICE_NOT_FOUND");
    const staffIds = input.staffIds ? await checkStaff(trx, actor, current.officeId, input.staffIds) : current.staffIds;
    const resourceIds = input.resourceIds ? await checkResources(trx, actor, current.officeId, input.resourceIds) : current.resourceIds;
    const next = {
      ...current,
      name: input.name ?? current.name,
      durationMinutes: input.durationMinutes ?? current.durationMinutes,
      bufferBeforeMinutes: input.bufferBeforeMinutes ?? current.bufferBeforeMinutes,
      bufferAfterMinutes: input.bufferAfterMinutes ?? current.bufferAfterMinutes,
      priceMinor: input.priceMinor === undefined ? current.priceMinor : input.priceMinor,
      active: input.active ?? current.active,
      staffIds,
      resourceIds,
    };
    const changes = diffFields(auditView(current), auditView(next));
    if (Object.keys(changes).length === 0) return current;
    if (next.active) await checkFitsOfficeStep(trx, actor, current.officeId, next.durationMinutes);
    const at = actor.clock.now();
    await translatingUniqueViolations(SERVICE_UNIQUE_KEYS, () =>
      trx
        .updateTable("service")
        .set((eb) => ({
          name: next.name,
          duration_minutes: next.durationMinutes,
          buffer_before_minutes: next.bufferBeforeMinutes,
          buffer_after_minutes: next.bufferAfterMinutes,
          price_minor: next.priceMinor,
          active: next.active,
          version: eb("version", "+", 1),
          updated_at: at,
        }))
        .where("organization_id", "=", actor.organizationId)
        .where("id", "=", current.id)
        .execute(),
    );
    if (input.staffIds) await replaceServiceStaff(trx, actor.organizationId, current.id, staffIds);
    if (input.resourceIds) await replaceServiceResources(trx, actor.organizationId, current.officeId, current.id, resourceIds);
    await recordChangeBy(trx, actor, { type: ENTITY, id: current.id }, "update", changes, at);
    return next;
  });
}
