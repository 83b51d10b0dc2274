import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Department, DepartmentInput, OfficeInput } from "@frontoffice/domain";
import { officeDetailColumns, toDepartment } from "../offices/queries.js";

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
      kind: office.kind,
      ...officeDetailColumns(office),
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
): Promise<Department[]> {
  if (departments.length === 0) return [];
  const rows = await trx
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
    .returning(["id", "office_id", "name", "extension"])
    .execute();
  return rows.map(toDepartment);
}
