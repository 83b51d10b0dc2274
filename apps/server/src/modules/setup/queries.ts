import { sql, type Kysely, type Transaction } from "kysely";
import { jsonb, type Database } from "@frontoffice/db";
import type { DepartmentInput, Locale, OfficeInput, Role } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

export async function countOrganizations(db: Executor): Promise<number> {
  const row = await db.selectFrom("organization").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Serializes first-run setup: two browsers submitting at once cannot create two organizations. */
export async function lockSetup(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('frontoffice.setup'))`.execute(trx);
}

export async function insertOrganization(trx: Executor, name: string, at: Date): Promise<string> {
  const row = await trx.insertInto("organization").values({ name, created_at: at }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOffice(trx: Executor, organizationId: string, office: OfficeInput, at: Date): Promise<string> {
  const row = await trx
    .insertInto("office")
    .values({
      organization_id: organizationId,
      name: office.name,
      kind: office.kind,
      locale: office.locale,
      time_zone: office.timeZone,
      currency: office.currency,
      fiscal_name: office.fiscalName,
      tax_id: office.taxId,
      address: jsonb(office.address),
      phone: office.phone ?? null,
      email: office.email ?? null,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDepartments(
  trx: Executor,
  organizationId: string,
  officeId: string,
  departments: readonly DepartmentInput[],
  at: Date,
): Promise<void> {
  if (departments.length === 0) return;
  await trx
    .insertInto("department")
    .values(
      departments.map((department) => ({
        organization_id: organizationId,
        office_id: officeId,
        name: department.name,
        extension: department.extension ?? null,
        created_at: at,
      })),
    )
    .execute();
}

export async function findUserByEmail(trx: Executor, email: string) {
  return trx.selectFrom("auth_user").select("id").where("email", "=", email).executeTakeFirst();
}

export interface NewStaffAccount {
  organizationId: string;
  officeId: string;
  name: string;
  email: string;
  passwordHash: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  at: Date;
}

/** A sign-in account (better-auth's user and credential rows) and the staff member it belongs to. */
export async function insertStaffAccount(trx: Executor, account: NewStaffAccount): Promise<string> {
  const userId = crypto.randomUUID();
  await trx
    .insertInto("auth_user")
    .values({ id: userId, name: account.name, email: account.email, email_verified: false, created_at: account.at, updated_at: account.at })
    .execute();
  await trx
    .insertInto("auth_account")
    .values({
      id: crypto.randomUUID(),
      user_id: userId,
      account_id: userId,
      provider_id: "credential",
      password: account.passwordHash,
      created_at: account.at,
      updated_at: account.at,
    })
    .execute();
  const staff = await trx
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
  await trx
    .insertInto("staff_assignment")
    .values({ organization_id: account.organizationId, staff_id: staff.id, office_id: account.officeId, department_id: null })
    .execute();
  return staff.id;
}
