import type { Kysely, Transaction } from "kysely";
import { jsonb, type Database } from "@frontoffice/db";
import type { AppointmentAuditAction, AuditAction, AuditEntry, StaffAuditAction } from "@frontoffice/domain";
import type { Actor } from "../../trpc/actor.js";

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditRecord {
  organizationId: string;
  actorStaffId: string | null;
  entityType: string;
  entityId: string;
  action: AuditAction | StaffAuditAction | AppointmentAuditAction;
  changes: Record<string, { from: unknown; to: unknown }>;
  requestId: string | null;
  at: Date;
}

/** Appends one entry to the audit log; call it inside the transaction that made the change. */
export async function recordAudit(db: Executor, record: AuditRecord): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      organization_id: record.organizationId,
      actor_staff_id: record.actorStaffId,
      entity_type: record.entityType,
      entity_id: record.entityId,
      action: record.action,
      changes: jsonb(record.changes),
      request_id: record.requestId,
      at: record.at,
    })
    .execute();
}

/**
 * Records a change a signed-in staff member made to one record (`entity`: its type and id), in
 * the transaction that made it.
 */
export function recordChangeBy(
  db: Executor,
  actor: Pick<Actor, "organizationId" | "staffId" | "requestId">,
  entity: { type: string; id: string },
  action: AuditRecord["action"],
  changes: AuditRecord["changes"],
  at: Date,
): Promise<void> {
  return recordAudit(db, {
    organizationId: actor.organizationId,
    actorStaffId: actor.staffId,
    entityType: entity.type,
    entityId: entity.id,
    action,
    changes,
    requestId: actor.requestId,
    at,
  });
}

/** The history of one record, newest first, with who made each change. */
export async function listAuditEntries(
  db: Executor,
  organizationId: string,
  entityType: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("staff", "staff.id", "audit_log.actor_staff_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.at",
      "audit_log.changes",
      "staff.id as actor_id",
      "staff.display_name as actor_name",
    ])
    .where("audit_log.organization_id", "=", organizationId)
    .where("audit_log.entity_type", "=", entityType)
    .where("audit_log.entity_id", "=", entityId)
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.seq", "desc")
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    action: row.action as AuditAction,
    at: new Date(row.at).toISOString(),
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? "" } : null,
    changes: row.changes,
  }));
}

/** JSON with object keys sorted, so jsonb's reordering never reads as a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** Field-by-field differences between two versions of a record (JSON equality). */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (canonicalJson(from) !== canonicalJson(to)) changes[key] = { from, to };
  }
  return changes;
}
