import { sql, type Kysely, type Transaction } from "kysely";
import { jsonb, type Database, type DepartmentRow, type OfficeRow } from "@frontoffice/db";
import type { Address, Department, Locale, Office, OfficeBookingPolicy, OfficeDetailsInput, OfficeKind } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

const DEPARTMENT_COLUMNS = ["id", "office_id", "name", "extension"] as const;

/** The unique keys of a department, and the domain error each one means when violated. */
export const DEPARTMENT_UNIQUE_KEYS = {
  department_office_name_key: "DEPARTMENT_NAME_TAKEN",
  department_office_extension_key: "EXTENSION_TAKEN",
} as const;

export function toDepartment(row: Pick<DepartmentRow, (typeof DEPARTMENT_COLUMNS)[number]>): Department {
  return { id: row.id, officeId: row.office_id, name: row.name, extension: row.extension };
}

function toOffice(office: OfficeRow, departments: Department[]): Office {
  return {
    id: office.id,
    organizationId: office.organization_id,
    name: office.name,
    kind: office.kind as OfficeKind,
    locale: office.locale as Locale,
    timeZone: office.time_zone,
    currency: office.currency,
    fiscalName: office.fiscal_name,
    taxId: office.tax_id,
    address: office.address as Address,
    phone: office.phone,
    email: office.email,
    departments,
    bookingPolicy: toBookingPolicy(office),
  };
}

type BookingPolicyColumns = Pick<OfficeRow, "booking_window_days" | "minimum_notice_minutes" | "slot_step_minutes">;

export function toBookingPolicy(row: BookingPolicyColumns): OfficeBookingPolicy {
  return { bookingWindowDays: row.booking_window_days, minimumNoticeMinutes: row.minimum_notice_minutes, slotStepMinutes: row.slot_step_minutes };
}

/** An office's booking rules, or undefined when the office is not the organization's. */
export async function findBookingPolicy(db: Executor, organizationId: string, officeId: string): Promise<OfficeBookingPolicy | undefined> {
  const row = await db
    .selectFrom("office")
    .select(["booking_window_days", "minimum_notice_minutes", "slot_step_minutes"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  return row && toBookingPolicy(row);
}

/** Writes an office's booking rules; the table's checks hold the same limits as the schema. */
export async function updateBookingPolicyRow(db: Executor, organizationId: string, officeId: string, policy: OfficeBookingPolicy): Promise<void> {
  await db
    .updateTable("office")
    .set({ booking_window_days: policy.bookingWindowDays, minimum_notice_minutes: policy.minimumNoticeMinutes, slot_step_minutes: policy.slotStepMinutes })
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .execute();
}

/** The offices of one organization, each with its departments, in a stable order. */
export async function listOffices(db: Executor, organizationId: string): Promise<Office[]> {
  const [offices, departments] = await Promise.all([
    db.selectFrom("office").selectAll().where("organization_id", "=", organizationId).orderBy("name").orderBy("id").execute(),
    db
      .selectFrom("department")
      .select(DEPARTMENT_COLUMNS)
      .where("organization_id", "=", organizationId)
      .orderBy("extension")
      .orderBy("name")
      .execute(),
  ]);
  const byOffice = new Map<string, Department[]>();
  for (const department of departments) {
    const list = byOffice.get(department.office_id) ?? [];
    list.push(toDepartment(department));
    byOffice.set(department.office_id, list);
  }
  return offices.map((office) => toOffice(office, byOffice.get(office.id) ?? []));
}

/**
 * One office of the organization with its departments, or undefined when it is not theirs.
 * `forUpdate` locks the office row until the transaction ends.
 */
export async function getOffice(db: Executor, organizationId: string, officeId: string, forUpdate = false): Promise<Office | undefined> {
  let query = db.selectFrom("office").selectAll().where("organization_id", "=", organizationId).where("id", "=", officeId);
  if (forUpdate) query = query.forUpdate();
  const office = await query.executeTakeFirst();
  if (!office) return undefined;
  const departments = await db
    .selectFrom("department")
    .select(DEPARTMENT_COLUMNS)
    .where("organization_id", "=", organizationId)
    .where("office_id", "=", officeId)
    .orderBy("extension")
    .orderBy("name")
    .execute();
  return toOffice(office, departments.map(toDepartment));
}

/** One office of the organization, or undefined when it is not theirs. */
export async function findOffice(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("office")
    .select(["id", "kind", "address", "locale"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
}

/** The organization's first office: the default for records not tied to one. */
export async function findFirstOffice(db: Executor, organizationId: string) {
  return db
    .selectFrom("office")
    .select(["id", "kind", "address", "locale"])
    .where("organization_id", "=", organizationId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

/** The columns of an office's details: everything but its organization, kind and creation. */
export function officeDetailColumns(office: OfficeDetailsInput) {
  return {
    name: office.name,
    locale: office.locale,
    time_zone: office.timeZone,
    currency: office.currency,
    fiscal_name: office.fiscalName,
    tax_id: office.taxId,
    address: jsonb(office.address),
    phone: office.phone ?? null,
    email: office.email ?? null,
  };
}

/** Writes an office's details (never its kind); false when the office is not the organization's. */
export async function updateOfficeRow(db: Executor, organizationId: string, officeId: string, office: OfficeDetailsInput): Promise<boolean> {
  const result = await db
    .updateTable("office")
    .set(officeDetailColumns(office))
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** One department of the organization, locked for update when asked, or undefined when it is not theirs. */
export async function findDepartment(db: Executor, organizationId: string, departmentId: string, forUpdate = false): Promise<Department | undefined> {
  let query = db.selectFrom("department").select(DEPARTMENT_COLUMNS).where("organization_id", "=", organizationId).where("id", "=", departmentId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toDepartment(row) : undefined;
}

/** Renames a department and sets its extension (null: none); the unique keys may refuse it. */
export async function updateDepartmentRow(
  db: Executor,
  organizationId: string,
  departmentId: string,
  values: { name: string; extension: string | null },
): Promise<Department | undefined> {
  const row = await db
    .updateTable("department")
    .set(values)
    .where("organization_id", "=", organizationId)
    .where("id", "=", departmentId)
    .returning(DEPARTMENT_COLUMNS)
    .executeTakeFirst();
  return row ? toDepartment(row) : undefined;
}

/**
 * Staff assigned to a department keep working in its office when it goes: whoever has no other
 * assignment in that office gets one for the whole office. Returns who was assigned to it.
 */
export async function keepDepartmentStaffInOffice(db: Executor, organizationId: string, department: Department, at: Date): Promise<string[]> {
  const assigned = await db
    .selectFrom("staff_assignment")
    .select("staff_id")
    .where("organization_id", "=", organizationId)
    .where("department_id", "=", department.id)
    .orderBy("staff_id")
    .execute();
  if (assigned.length === 0) return [];
  await db
    .insertInto("staff_assignment")
    .columns(["organization_id", "staff_id", "office_id", "department_id", "created_at"])
    .expression((eb) =>
      eb
        .selectFrom("staff_assignment as assignment")
        .select([
          "assignment.organization_id",
          "assignment.staff_id",
          "assignment.office_id",
          sql<string | null>`null::uuid`.as("department_id"),
          sql<Date>`cast(${at} as timestamptz)`.as("created_at"),
        ])
        .where("assignment.organization_id", "=", organizationId)
        .where("assignment.department_id", "=", department.id)
        .where(({ exists, not, selectFrom }) =>
          not(
            exists(
              selectFrom("staff_assignment as other")
                .select("other.id")
                .whereRef("other.staff_id", "=", "assignment.staff_id")
                .whereRef("other.office_id", "=", "assignment.office_id")
                .whereRef("other.id", "<>", "assignment.id"),
            ),
          ),
        ),
    )
    .execute();
  return assigned.map((row) => row.staff_id);
}

export async function deleteDepartmentRow(db: Executor, organizationId: string, departmentId: string): Promise<void> {
  await db.deleteFrom("department").where("organization_id", "=", organizationId).where("id", "=", departmentId).execute();
}
