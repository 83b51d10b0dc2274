import type { Transaction } from "kysely";
import type { Database } from "@frontoffice/db";

/**
 * Renames an organization, holding its row until the transaction ends so the name recorded as
 * the previous one is the one replaced. Returns that previous name, or undefined when there is
 * no such organization.
 */
export async function renameOrganization(trx: Transaction<Database>, organizationId: string, name: string): Promise<string | undefined> {
  const current = await trx.selectFrom("organization").select("name").where("id", "=", organizationId).forUpdate().executeTakeFirst();
  if (!current) return undefined;
  if (current.name !== name) await trx.updateTable("organization").set({ name }).where("id", "=", organizationId).execute();
  return current.name;
}
