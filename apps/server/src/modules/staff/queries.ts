import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, StaffTable } from "@frontoffice/db";
import type { Locale, Role, StaffDetails, StaffMember } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;
type StaffRow = Selectable<StaffTable>;

/** Where someone works: an office, or one department of it. */
export interface StaffAssignment {
  officeId: string;
  departmentId: string | null;
}

const STAFF_COLUMNS = ["id", "organization_id", "user_id", "display_name", "email", "roles", "locale", "time_zone", "active", "created_at"] as const;

export function toStaffMember(row: Pick<StaffRow, "id" | "display_name" | "email" | "roles" | "locale" | "time_zone" | "active">): StaffMember {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    locale: row.locale,
    timeZone: row.time_zone,
    active: row.active,
  };
}

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom("auth_user").select("id").where("email", "=", email).executeTakeFirst();
}

export interface NewStaffAccount {
  organizationId: string;
  name: string;
  email: string;
  passwordHash: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  /** At least one: the offices (and departments) they work in. */
  assignments: readonly StaffAssignment[];
  at: Date;
}

/**
 * A sign-in account (better-auth's user and credential rows), the staff member it belongs to and
 * where they work. Call it inside a transaction: all of it or none.
 */
export async function insertStaffAccount(db: Executor, account: NewStaffAccount): Promise<string> {
  const userId = crypto.randomUUID();
  await db
    .insertInto("auth_user")
    .values({ id: userId, name: account.name, email: account.email, email_verified: false, created_at: account.at, updated_at: account.at })
    .execute();
  await insertCredential(db, userId, account.passwordHash, account.at);
  const staff = await db
    .insertInto("staff")
    .values({
      organization_id: account.organizationId,
      user_id: userId,
      display_name: account.name,
      email: account.email,
      roles: account.roles,
      locale: account.locale,
      time_zone: account.timeZone,
      active: true,
      created_at: account.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertAssignments(db, account.organizationId, staff.id, account.assignments, account.at);
  return staff.id;
}

async function insertAssignments(db: Executor, organizationId: string, staffId: string, assignments: readonly StaffAssignment[], at: Date): Promise<void> {
  if (assignments.length === 0) return;
  await db
    .insertInto("staff_assignment")
    .values(
      assignments.map((assignment) => ({
        organization_id: organizationId,
        staff_id: staffId,
        office_id: assignment.officeId,
        department_id: assignment.departmentId,
        created_at: at,
      })),
    )
    .execute();
}

/** Replaces where a staff member works. */
export async function replaceAssignments(db: Executor, organizationId: string, staffId: string, assignments: readonly StaffAssignment[], at: Date): Promise<void> {
  await db.deleteFrom("staff_assignment").where("organization_id", "=", organizationId).where("staff_id", "=", staffId).execute();
  await insertAssignments(db, organizationId, staffId, assignments, at);
}

/** Staff rows of the organization with their offices and departments, by name. */
export async function listStaffDetails(
  db: Executor,
  organizationId: string,
  filter: { includeInactive: boolean; staffId?: string },
): Promise<StaffDetails[]> {
  let query = db.selectFrom("staff").select(STAFF_COLUMNS).where("organization_id", "=", organizationId);
  if (!filter.includeInactive) query = query.where("active", "=", true);
  if (filter.staffId) query = query.where("id", "=", filter.staffId);
  const rows = await query.orderBy("display_name").orderBy("id").execute();
  if (rows.length === 0) return [];
  const assignments = await db
    .selectFrom("staff_assignment")
    .select(["staff_id", "office_id", "department_id"])
    .where("organization_id", "=", organizationId)
    .where(
      "staff_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => {
    const own = assignments.filter((assignment) => assignment.staff_id === row.id);
    return {
      ...toStaffMember(row),
      officeIds: [...new Set(own.map((assignment) => assignment.office_id))],
      departmentIds: own.flatMap((assignment) => (assignment.department_id ? [assignment.department_id] : [])),
      createdAt: new Date(row.created_at).toISOString(),
    };
  });
}

/**
 * Serializes changes to one organization's staff: whoever changes roles or who is active takes
 * this row lock first, so two owners demoting each other at once cannot both succeed. `NO KEY`
 * keeps it from blocking inserts that merely reference the organization.
 */
export async function lockStaffChanges(trx: Transaction<Database>, organizationId: string): Promise<void> {
  await trx.selectFrom("organization").select("id").where("id", "=", organizationId).forNoKeyUpdate().executeTakeFirstOrThrow();
}

/** One staff member of the organization, locked for the rest of the transaction. */
export async function findStaffForUpdate(trx: Transaction<Database>, organizationId: string, staffId: string) {
  return trx.selectFrom("staff").select(STAFF_COLUMNS).where("organization_id", "=", organizationId).where("id", "=", staffId).forUpdate().executeTakeFirst();
}

export async function countActiveOwners(db: Executor, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom("staff")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("organization_id", "=", organizationId)
    .where("active", "=", true)
    .where((eb) => eb(eb.val("owner"), "=", eb.fn.any("roles")))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function updateStaffRow(
  db: Executor,
  organizationId: string,
  staffId: string,
  values: { display_name: string; roles: Role[]; locale: Locale; time_zone: string; active: boolean },
): Promise<void> {
  await db.updateTable("staff").set(values).where("organization_id", "=", organizationId).where("id", "=", staffId).execute();
}

export async function renameUser(db: Executor, userId: string, name: string, at: Date): Promise<void> {
  await db.updateTable("auth_user").set({ name, updated_at: at }).where("id", "=", userId).execute();
}

/** Signs a user out everywhere: their sessions stop working on the next request. */
export async function endSessions(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom("auth_session").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sets the password of a user's credential account (better-auth's `hashPassword` hash). */
export async function setCredentialPassword(db: Executor, userId: string, passwordHash: string, at: Date): Promise<void> {
  const result = await db
    .updateTable("auth_account")
    .set({ password: passwordHash, updated_at: at })
    .where("user_id", "=", userId)
    .where("provider_id", "=", "credential")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) await insertCredential(db, userId, passwordHash, at);
}

/** better-auth's email-and-password account of a user. */
async function insertCredential(db: Executor, userId: string, passwordHash: string, at: Date): Promise<void> {
  await db
    .insertInto("auth_account")
    .values({ id: crypto.randomUUID(), user_id: userId, account_id: userId, provider_id: "credential", password: passwordHash, created_at: at, updated_at: at })
    .execute();
}

/** Which of these offices belong to the organization. */
export async function findOfficeIds(db: Executor, organizationId: string, officeIds: readonly string[]): Promise<string[]> {
  if (officeIds.length === 0) return [];
  const rows = await db.selectFrom("office").select("id").where("organization_id", "=", organizationId).where("id", "in", officeIds).execute();
  return rows.map((row) => row.id);
}

/** Which of these departments belong to the organization, and the office of each. */
export async function findDepartments(db: Executor, organizationId: string, departmentIds: readonly string[]) {
  if (departmentIds.length === 0) return [];
  return db.selectFrom("department").select(["id", "office_id"]).where("organization_id", "=", organizationId).where("id", "in", departmentIds).execute();
}
