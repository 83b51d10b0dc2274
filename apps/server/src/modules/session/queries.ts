import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Locale, StaffMember } from "@frontoffice/domain";
import { toStaffMember } from "../staff/queries.js";

export interface SignedInStaff extends StaffMember {
  organizationId: string;
}

export async function findActiveStaffByUser(db: Kysely<Database>, userId: string): Promise<SignedInStaff | undefined> {
  const row = await db
    .selectFrom("staff")
    .select(["id", "organization_id", "display_name", "email", "roles", "locale", "time_zone", "active"])
    .where("user_id", "=", userId)
    .where("active", "=", true)
    .executeTakeFirst();
  return row ? { ...toStaffMember(row), organizationId: row.organization_id } : undefined;
}

export async function findOrganization(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom("organization")
    .select(["id", "name"])
    .where("id", "=", organizationId)
    .executeTakeFirstOrThrow();
}

export async function updateStaffLocale(db: Kysely<Database>, organizationId: string, staffId: string, locale: Locale) {
  await db
    .updateTable("staff")
    .set({ locale })
    .where("organization_id", "=", organizationId)
    .where("id", "=", staffId)
    .execute();
}
