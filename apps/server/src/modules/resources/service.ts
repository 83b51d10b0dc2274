import {
  DomainError,
  resourceInputSchema,
  resourceListSchema,
  resourceUpdateSchema,
  resourceVersionSchema,
  type Resource,
  type ResourceInput,
  type ResourceListInput,
  type ResourceUpdateInput,
} from "@frontoffice/domain";
import type { Actor } from "../../trpc/actor.js";
import { translatingUniqueViolations } from "../../database-errors.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findOffice } from "../offices/queries.js";
import { RESOURCE_UNIQUE_KEYS, findResource, highestSeatInUse, listResources, toResource } from "./queries.js";

const ENTITY = "resource";

function auditView(resource: Resource): Record<string, unknown> {
  return { officeId: resource.officeId, name: resource.name, kind: resource.kind, capacity: resource.capacity, active: resource.active };
}

export function resourcesOf(actor: Pick<Actor, "db" | "organizationId">, raw: ResourceListInput): Promise<Resource[]> {
  const filter = resourceListSchema.parse(raw);
  return listResources(actor.db, actor.organizationId, filter);
}

export async function createResource(actor: Actor, raw: ResourceInput): Promise<Resource> {
  const input = resourceInputSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    if (!(await findOffice(trx, actor.organizationId, input.officeId))) throw new DomainError("NOT_FOUND", "office not found");
    const at = actor.clock.now();
    const row = await translatingUniqueViolations(RESOURCE_UNIQUE_KEYS, () =>
      trx
        .insertInto("resource")
        .values({
          organization_id: actor.organizationId,
          office_id: input.officeId,
          name: input.name,
          kind: input.kind,
          capacity: input.capacity,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    const resource = toResource(row);
    await recordChangeBy(trx, actor, { type: ENTITY, id: resource.id }, "create", diffFields({}, auditView(resource)), at);
    return resource;
  });
}

/**
 * Renames, resizes, deactivates or reactivates a resource at the version the caller saw. A lower
 * capacity is refused while a live appointment still holds a seat above it.
 */
export async function updateResource(actor: Actor, raw: ResourceUpdateInput): Promise<Resource> {
  const input = resourceUpdateSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const current = await findResource(trx, actor.organizationId, input.id, true);
    if (!current) throw new DomainError("RESOURCE_NOT_FOUND");
    if (current.version !== input.version) throw new DomainError("RESOURCE_VERSION_CONFLICT", undefined, { currentVersion: current.version });
    const next: Resource = {
      ...current,
      name: input.name ?? current.name,
      kind: input.kind ?? current.kind,
      capacity: input.capacity ?? current.capacity,
      active: input.active ?? current.active,
    };
    const changes = diffFields(auditView(current), auditView(next));
    if (Object.keys(changes).length === 0) return current;
    const at = actor.clock.now();
    if (next.capacity < current.capacity) {
      const seat = await highestSeatInUse(trx, actor.organizationId, current.id, at);
      if (seat > next.capacity) throw new DomainError("RESOURCE_CAPACITY_IN_USE", undefined, { seat });
    }
    const row = await translatingUniqueViolations(RESOURCE_UNIQUE_KEYS, () =>
      trx
        .updateTable("resource")
        .set((eb) => ({ name: next.name, kind: next.kind, capacity: next.capacity, active: next.active, version: eb("version", "+", 1), updated_at: at }))
        .where("organization_id", "=", actor.organizationId)
        .where("id", "=", current.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    const action = current.active && !next.active ? "deactivate" : !current.active && next.active ? "reactivate" : "update";
    await recordChangeBy(trx, actor, { type: ENTITY, id: current.id }, action, changes, at);
    return toResource(row);
  });
}

/** Takes a resource out of booking; its past and future appointments keep it. */
export function deactivateResource(actor: Actor, raw: { id: string; version: number }): Promise<Resource> {
  const input = resourceVersionSchema.parse(raw);
  return updateResource(actor, { ...input, active: false });
}
