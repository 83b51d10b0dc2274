import {
  DomainError,
  OFFICE_PRESETS,
  type Department,
  type DepartmentCreateInput,
  type DepartmentUpdateInput,
  type Office,
  type OfficeDetailsInput,
  type OfficeInput,
  type OfficeBookingPolicy,
  type OfficeKind,
} from "@frontoffice/domain";
import type { Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import { translatingUniqueViolations } from "../../database-errors.js";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { listServices } from "../services/queries.js";
import { insertDepartments, insertOffice } from "../setup/queries.js";
import {
  DEPARTMENT_UNIQUE_KEYS,
  deleteDepartmentRow,
  findDepartment,
  findOffice,
  getOffice,
  keepDepartmentStaffInOffice,
  updateBookingPolicyRow,
  updateDepartmentRow,
  updateOfficeRow,
} from "./queries.js";

/** An office as the audit log compares it: stored, or as submitted (departments are audited on their own). */
interface OfficeAuditFields extends Omit<OfficeDetailsInput, "phone" | "email"> {
  kind?: OfficeKind;
  phone?: string | null;
  email?: string | null;
}

function officeAuditView(office: OfficeAuditFields): Record<string, unknown> {
  return {
    name: office.name,
    kind: office.kind,
    locale: office.locale,
    timeZone: office.timeZone,
    currency: office.currency,
    fiscalName: office.fiscalName,
    taxId: office.taxId,
    address: office.address,
    phone: office.phone ?? null,
    email: office.email ?? null,
  };
}

function departmentAuditView(department: Pick<Department, "officeId" | "name" | "extension">): Record<string, unknown> {
  return { officeId: department.officeId, name: department.name, extension: department.extension };
}

async function officeOrNotFound(trx: Transaction<Database>, actor: Actor, officeId: string, forUpdate = false): Promise<Office> {
  const office = await getOffice(trx, actor.organizationId, officeId, forUpdate);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return office;
}

/**
 * A new office of the organization with the preset departments of its kind, named in the
 * office's language; all of it or nothing.
 */
export async function createOffice(actor: Actor, input: OfficeInput): Promise<Office> {
  return actor.db.transaction().execute(async (trx) => {
    const at = actor.clock.now();
    const officeId = await insertOffice(trx, actor.organizationId, input, at);
    const departments = await insertDepartments(trx, actor.organizationId, officeId, OFFICE_PRESETS[input.kind].departments[input.locale], at);
    await recordChangeBy(trx, actor, { type: "office", id: officeId }, "create", diffFields({}, officeAuditView(input)), at);
    for (const department of departments) {
      await recordChangeBy(trx, actor, { type: "department", id: department.id }, "create", diffFields({}, departmentAuditView(department)), at);
    }
    return officeOrNotFound(trx, actor, officeId);
  });
}

/**
 * Changes an office's name, language, time zone, currency, fiscal identity, address and contact
 * details. Its kind stays: it decides which section of the client form the office's clients were
 * recorded with and which departments it started with, so changing it would strand those
 * records; an office of another kind is a new office.
 */
export async function updateOffice(actor: Actor, officeId: string, input: OfficeDetailsInput): Promise<Office> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await officeOrNotFound(trx, actor, officeId, true);
    const changes = diffFields(officeAuditView(current), officeAuditView({ ...input, kind: current.kind }));
    if (Object.keys(changes).length === 0) return current;
    await updateOfficeRow(trx, actor.organizationId, officeId, input);
    await recordChangeBy(trx, actor, { type: "office", id: officeId }, "update", changes, actor.clock.now());
    return officeOrNotFound(trx, actor, officeId);
  });
}

/**
 * Sets an office's booking rules. A fixed slot step must divide the duration of every active
 * service of the office, else DURATION_NOT_MULTIPLE_OF_STEP names those services: saving it
 * would make them impossible to book.
 */
export async function updateBookingPolicy(actor: Actor, officeId: string, policy: OfficeBookingPolicy): Promise<Office> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await officeOrNotFound(trx, actor, officeId, true);
    const changes = diffFields({ ...current.bookingPolicy }, { ...policy });
    if (Object.keys(changes).length === 0) return current;
    const step = policy.slotStepMinutes;
    if (step !== null) {
      const misfits = (await listServices(trx, actor.organizationId, { officeId })).filter((service) => service.durationMinutes % step !== 0);
      if (misfits.length > 0) {
        throw new DomainError("DURATION_NOT_MULTIPLE_OF_STEP", "services of the office do not fit the step", {
          stepMinutes: step,
          misfitServices: misfits.map((service) => ({ id: service.id, name: service.name, durationMinutes: service.durationMinutes })),
        });
      }
    }
    await updateBookingPolicyRow(trx, actor.organizationId, officeId, policy);
    await recordChangeBy(trx, actor, { type: "office", id: officeId }, "update", changes, actor.clock.now());
    return officeOrNotFound(trx, actor, officeId);
  });
}

export async function createDepartment(actor: Actor, input: DepartmentCreateInput): Promise<Department> {
  return actor.db.transaction().execute(async (trx) => {
    // The office must be the caller's: another organization's office is NOT_FOUND.
    if (!(await findOffice(trx, actor.organizationId, input.officeId))) throw new DomainError("NOT_FOUND", "office not found");
    const at = actor.clock.now();
    const [department] = await translatingUniqueViolations(DEPARTMENT_UNIQUE_KEYS, () =>
      insertDepartments(trx, actor.organizationId, input.officeId, [{ name: input.name, extension: input.extension }], at),
    );
    if (!department) throw new Error("the department insert returned no row");
    await recordChangeBy(trx, actor, { type: "department", id: department.id }, "create", diffFields({}, departmentAuditView(department)), at);
    return department;
  });
}

/** Renames a department or changes its extension; no extension removes the one it had. */
export async function updateDepartment(actor: Actor, input: DepartmentUpdateInput): Promise<Department> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await findDepartment(trx, actor.organizationId, input.id, true);
    if (!current) throw new DomainError("NOT_FOUND", "department not found");
    const next = { name: input.name, extension: input.extension ?? null };
    const changes = diffFields(departmentAuditView(current), departmentAuditView({ ...current, ...next }));
    if (Object.keys(changes).length === 0) return current;
    const updated = await translatingUniqueViolations(DEPARTMENT_UNIQUE_KEYS, () => updateDepartmentRow(trx, actor.organizationId, input.id, next));
    if (!updated) throw new DomainError("NOT_FOUND", "department not found");
    await recordChangeBy(trx, actor, { type: "department", id: input.id }, "update", changes, actor.clock.now());
    return updated;
  });
}

/**
 * Deletes a department. The staff assigned to it keep working in its office (assigned to the
 * whole office), so nobody silently loses access to an office because a department went.
 */
export async function deleteDepartment(actor: Actor, departmentId: string): Promise<{ id: string }> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await findDepartment(trx, actor.organizationId, departmentId, true);
    if (!current) throw new DomainError("NOT_FOUND", "department not found");
    const at = actor.clock.now();
    const staffIds = await keepDepartmentStaffInOffice(trx, actor.organizationId, current, at);
    await deleteDepartmentRow(trx, actor.organizationId, departmentId);
    const changes = diffFields({ ...departmentAuditView(current), ...(staffIds.length ? { staffIds } : {}) }, {});
    await recordChangeBy(trx, actor, { type: "department", id: departmentId }, "delete", changes, at);
    return { id: departmentId };
  });
}
