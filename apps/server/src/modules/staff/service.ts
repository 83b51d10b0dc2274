import { hashPassword } from "better-auth/crypto";
import type { Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import {
  DomainError,
  foldForSearch,
  keepsAnOwner,
  ownerRuleRefusal,
  type FieldIssue,
  type StaffAuditAction,
  type StaffCreateData,
  type StaffDetails,
  type StaffListQuery,
  type StaffStanding,
  type StaffUpdateData,
} from "@frontoffice/domain";
import { translatingUniqueViolations } from "../../database-errors.js";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import {
  countActiveOwners,
  endSessions,
  findDepartments,
  findOfficeIds,
  findStaffForUpdate,
  findUserByEmail,
  insertStaffAccount,
  listStaffDetails,
  lockStaffChanges,
  renameUser,
  replaceAssignments,
  setCredentialPassword,
  updateStaffRow,
  type StaffAssignment,
} from "./queries.js";

const ENTITY = "staff";

type Reader = Pick<Actor, "db" | "organizationId">;

/** The fields the audit log compares. Never the password. */
function auditView(staff: Omit<StaffDetails, "id" | "createdAt">): Record<string, unknown> {
  return {
    displayName: staff.displayName,
    email: staff.email,
    roles: staff.roles,
    locale: staff.locale,
    timeZone: staff.timeZone,
    active: staff.active,
    officeIds: staff.officeIds,
    departmentIds: staff.departmentIds,
  };
}

function refuseUnlessAllowed(actor: Actor, before: StaffStanding | null, after: StaffStanding): void {
  const refusal = ownerRuleRefusal(actor.roles, before, after);
  if (refusal) throw new DomainError(refusal, "only an owner may grant, remove or change the owner role");
}

/**
 * Checks that the offices and departments belong to the caller's organization (NOT_FOUND
 * otherwise, as for any row of another organization) and that each department is in one of the
 * offices; with `dropOutside`, departments of offices no longer listed are dropped instead.
 * One assignment per department, or per office without any.
 */
async function resolveAssignments(
  trx: Transaction<Database>,
  organizationId: string,
  officeIds: readonly string[],
  departmentIds: readonly string[],
  { dropOutside = false } = {},
): Promise<{ assignments: StaffAssignment[]; officeIds: string[]; departmentIds: string[] }> {
  const [offices, departments] = await Promise.all([findOfficeIds(trx, organizationId, officeIds), findDepartments(trx, organizationId, departmentIds)]);
  if (offices.length !== officeIds.length) throw new DomainError("NOT_FOUND", "office not found");
  if (departments.length !== departmentIds.length) throw new DomainError("NOT_FOUND", "department not found");
  const officeOf = new Map(departments.map((department) => [department.id, department.office_id]));
  const issues: FieldIssue[] = [];
  const kept = departmentIds.filter((id, index) => {
    if (officeIds.includes(officeOf.get(id) ?? "")) return true;
    if (!dropOutside) issues.push({ path: ["departmentIds", index], key: "validation.department_outside_offices" });
    return false;
  });
  if (issues.length) throw new DomainError("VALIDATION_FAILED", "department outside the staff member's offices", { issues });
  const assignments = officeIds.flatMap((officeId): StaffAssignment[] => {
    const inOffice = kept.filter((id) => officeOf.get(id) === officeId);
    return inOffice.length ? inOffice.map((departmentId) => ({ officeId, departmentId })) : [{ officeId, departmentId: null }];
  });
  return { assignments, officeIds: [...officeIds], departmentIds: kept };
}

/** Two managers adding the same person at once: the unique keys decide. */
const EMAIL_KEYS = { auth_user_email_key: "EMAIL_TAKEN", staff_organization_email_key: "EMAIL_TAKEN" } as const;

export async function listStaff(actor: Reader, input: StaffListQuery): Promise<StaffDetails[]> {
  const staff = await listStaffDetails(actor.db, actor.organizationId, { includeInactive: input.includeInactive });
  // Staff lists are short: fold and match here, accents and case ignored.
  const text = foldForSearch(input.query);
  return text ? staff.filter((member) => foldForSearch(`${member.displayName} ${member.email}`).includes(text)) : staff;
}

export async function getStaff(actor: Reader, staffId: string): Promise<StaffDetails> {
  const [staff] = await listStaffDetails(actor.db, actor.organizationId, { includeInactive: true, staffId });
  if (!staff) throw new DomainError("NOT_FOUND", "staff member not found");
  return staff;
}

/**
 * Adds a staff member who can sign in with a temporary password: the login, the credential,
 * the staff row and where they work, in one transaction. Emails are unique across logins.
 */
export async function createStaff(actor: Actor, input: StaffCreateData): Promise<StaffDetails> {
  refuseUnlessAllowed(actor, null, { roles: input.roles, active: true });
  const passwordHash = await hashPassword(input.temporaryPassword);
  const at = actor.clock.now();
  const staffId = await translatingUniqueViolations(EMAIL_KEYS, () =>
    actor.db.transaction().execute(async (trx) => {
      const where = await resolveAssignments(trx, actor.organizationId, input.officeIds, input.departmentIds ?? []);
      if (await findUserByEmail(trx, input.email)) throw new DomainError("EMAIL_TAKEN");
      const id = await insertStaffAccount(trx, {
        organizationId: actor.organizationId,
        name: input.displayName,
        email: input.email,
        passwordHash,
        roles: input.roles,
        locale: input.locale,
        timeZone: input.timeZone,
        assignments: where.assignments,
        at,
      });
      const created = { ...input, ...where, active: true };
      await recordChangeBy(trx, actor, { type: ENTITY, id }, "create", diffFields({}, auditView(created)), at);
      return id;
    }),
  );
  return getStaff(actor, staffId);
}

/**
 * Changes a staff member's name, roles, language, time zone, offices or whether they are
 * active; what is left out stays. Deactivating someone ends their sessions in the same
 * transaction. Only an owner may touch the owner role, and the organization keeps an active
 * owner: changes are serialized per organization by a row lock, so two owners demoting each
 * other at once cannot leave it with none.
 */
export async function updateStaff(actor: Actor, input: StaffUpdateData): Promise<StaffDetails> {
  await actor.db.transaction().execute(async (trx) => {
    await lockStaffChanges(trx, actor.organizationId);
    const row = await findStaffForUpdate(trx, actor.organizationId, input.id);
    if (!row) throw new DomainError("NOT_FOUND", "staff member not found");
    const [current] = await listStaffDetails(trx, actor.organizationId, { includeInactive: true, staffId: row.id });
    if (!current) throw new DomainError("NOT_FOUND", "staff member not found");

    const before: StaffStanding = { roles: current.roles, active: current.active };
    const after: StaffStanding = { roles: input.roles ?? current.roles, active: input.active ?? current.active };
    refuseUnlessAllowed(actor, before, after);
    if (!keepsAnOwner(await countActiveOwners(trx, actor.organizationId), before, after)) {
      throw new DomainError("LAST_OWNER", "the organization needs an active owner");
    }

    const where = await resolveAssignments(trx, actor.organizationId, input.officeIds ?? current.officeIds, input.departmentIds ?? current.departmentIds, {
      dropOutside: input.departmentIds === undefined,
    });
    const next = {
      ...current,
      displayName: input.displayName ?? current.displayName,
      roles: [...after.roles],
      active: after.active,
      locale: input.locale ?? current.locale,
      timeZone: input.timeZone ?? current.timeZone,
      officeIds: where.officeIds,
      departmentIds: where.departmentIds,
    };
    const changes = diffFields(auditView(current), auditView(next));
    if (Object.keys(changes).length === 0) return;

    const at = actor.clock.now();
    await updateStaffRow(trx, actor.organizationId, row.id, {
      display_name: next.displayName,
      roles: next.roles,
      locale: next.locale,
      time_zone: next.timeZone,
      active: next.active,
    });
    if (changes.displayName) await renameUser(trx, row.user_id, next.displayName, at);
    if (changes.officeIds || changes.departmentIds) await replaceAssignments(trx, actor.organizationId, row.id, where.assignments, at);
    if (!next.active) await endSessions(trx, row.user_id);
    const action: StaffAuditAction = changes.active ? (next.active ? "reactivate" : "deactivate") : "update";
    await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, action, changes, at);
  });
  return getStaff(actor, input.id);
}

/**
 * Gives a staff member a new temporary password (someone forgot theirs, or left a note on the
 * desk) and ends every session they had, in one transaction.
 */
export async function resetStaffPassword(actor: Actor, staffId: string, temporaryPassword: string): Promise<{ sessionsEnded: number }> {
  const passwordHash = await hashPassword(temporaryPassword);
  return actor.db.transaction().execute(async (trx) => {
    const row = await findStaffForUpdate(trx, actor.organizationId, staffId);
    if (!row) throw new DomainError("NOT_FOUND", "staff member not found");
    refuseUnlessAllowed(actor, row, row);
    const at = actor.clock.now();
    await setCredentialPassword(trx, row.user_id, passwordHash, at);
    const sessionsEnded = await endSessions(trx, row.user_id);
    await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, "password_reset", {}, at);
    return { sessionsEnded };
  });
}
