import type { Kysely, Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Address, Department, Locale, Office, OfficeKind } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

/** The offices of one organization, each with its departments, in a stable order. */
export async function listOffices(db: Executor, organizationId: string): Promise<Office[]> {
  const [offices, departments] = await Promise.all([
    db.selectFrom("office").selectAll().where("organization_id", "=", organizationId).orderBy("name").orderBy("id").execute(),
    db
      .selectFrom("department")
      .select(["id", "office_id", "name", "extension"])
      .where("organization_id", "=", organizationId)
      .orderBy("extension")
      .orderBy("name")
      .execute(),
  ]);
  const byOffice = new Map<string, Department[]>();
  for (const department of departments) {
    const list = byOffice.get(department.office_id) ?? [];
    list.push({ id: department.id, officeId: department.office_id, name: department.name, extension: department.extension });
    byOffice.set(department.office_id, list);
  }
  return offices.map((office) => ({
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
    departments: byOffice.get(office.id) ?? [],
  }));
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
