import { sql, type Kysely, type Transaction } from "kysely";
import type { AgendaEntryRow, AgendaEntryUpdate, Database, NewAgendaEntry } from "@frontoffice/db";

type Executor = Kysely<Database> | Transaction<Database>;

export type AgendaEntryWithClient = AgendaEntryRow & { client_name: string | null };

/** The staff member's name and zone, when they are in the organization. */
export async function findStaffCalendar(db: Executor, organizationId: string, staffId: string) {
  return db
    .selectFrom("staff")
    .select(["id", "display_name", "time_zone"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", staffId)
    .executeTakeFirst();
}

/** The country of the first office a staff member works in (for phone numbers typed without a prefix). */
export async function findStaffCountry(db: Executor, organizationId: string, staffId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("staff_assignment")
    .innerJoin("office", "office.id", "staff_assignment.office_id")
    .select(sql<string | null>`office.address->>'country'`.as("country"))
    .where("staff_assignment.organization_id", "=", organizationId)
    .where("staff_assignment.staff_id", "=", staffId)
    .orderBy("office.created_at")
    .executeTakeFirst();
  return row?.country ?? undefined;
}

export async function isDelegate(db: Executor, organizationId: string, principalStaffId: string, delegateStaffId: string): Promise<boolean> {
  const row = await db
    .selectFrom("staff_delegate")
    .select("delegate_staff_id")
    .where("organization_id", "=", organizationId)
    .where("principal_staff_id", "=", principalStaffId)
    .where("delegate_staff_id", "=", delegateStaffId)
    .executeTakeFirst();
  return row !== undefined;
}

const DELEGATE_COLUMNS = [
  "staff_delegate.principal_staff_id",
  "principal.display_name as principal_name",
  "staff_delegate.delegate_staff_id",
  "delegate.display_name as delegate_name",
  "staff_delegate.created_at",
] as const;

/** Delegation links of the organization, filtered by principal or by delegate. */
export async function selectDelegates(db: Executor, organizationId: string, filter: { principalStaffId?: string; delegateStaffId?: string }) {
  let query = db
    .selectFrom("staff_delegate")
    .innerJoin("staff as principal", "principal.id", "staff_delegate.principal_staff_id")
    .innerJoin("staff as delegate", "delegate.id", "staff_delegate.delegate_staff_id")
    .select(DELEGATE_COLUMNS)
    .where("staff_delegate.organization_id", "=", organizationId);
  if (filter.principalStaffId) query = query.where("staff_delegate.principal_staff_id", "=", filter.principalStaffId);
  if (filter.delegateStaffId) query = query.where("staff_delegate.delegate_staff_id", "=", filter.delegateStaffId).where("principal.active", "=", true);
  return query.orderBy("principal.display_name").orderBy("delegate.display_name").limit(500).execute();
}

/** Adds a link; false when it was already there. */
export async function insertDelegate(db: Executor, row: { organizationId: string; principalStaffId: string; delegateStaffId: string; by: string; at: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto("staff_delegate")
    .values({ organization_id: row.organizationId, principal_staff_id: row.principalStaffId, delegate_staff_id: row.delegateStaffId, created_by: row.by, created_at: row.at })
    .onConflict((conflict) => conflict.columns(["principal_staff_id", "delegate_staff_id"]).doNothing())
    .returning("delegate_staff_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteDelegate(db: Executor, organizationId: string, principalStaffId: string, delegateStaffId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("staff_delegate")
    .where("organization_id", "=", organizationId)
    .where("principal_staff_id", "=", principalStaffId)
    .where("delegate_staff_id", "=", delegateStaffId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

function entries(db: Executor, organizationId: string) {
  return db
    .selectFrom("agenda_entry")
    .leftJoin("client", "client.id", "agenda_entry.client_id")
    .selectAll("agenda_entry")
    .select("client.display_name as client_name")
    .where("agenda_entry.organization_id", "=", organizationId);
}

export async function findEntry(db: Executor, organizationId: string, id: string): Promise<AgendaEntryWithClient | undefined> {
  return entries(db, organizationId).where("agenda_entry.id", "=", id).executeTakeFirst();
}

/** Locks an entry for a change. */
export async function lockEntry(db: Executor, organizationId: string, id: string): Promise<AgendaEntryRow | undefined> {
  return db.selectFrom("agenda_entry").selectAll().where("organization_id", "=", organizationId).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Entries of one staff member, not cancelled, with an occurrence that may touch [from, to): one query. */
export async function selectEntries(db: Executor, organizationId: string, staffId: string, from: Date, to: Date): Promise<AgendaEntryWithClient[]> {
  return entries(db, organizationId)
    .where("agenda_entry.staff_id", "=", staffId)
    .where("agenda_entry.status", "<>", "cancelled")
    .where("agenda_entry.starts_at", "<", to)
    .where("agenda_entry.series_ends_at", ">=", from)
    .orderBy("agenda_entry.starts_at")
    .orderBy("agenda_entry.id")
    .limit(2000)
    .execute();
}

/** Blocks (not cancelled) of the given staff with an occurrence that may touch [from, to): one query for all of them. */
export async function selectBlocks(db: Executor, organizationId: string, filter: { staffIds: readonly string[]; from: Date; to: Date }) {
  if (filter.staffIds.length === 0) return [];
  return db
    .selectFrom("agenda_entry")
    .select(["id", "staff_id", "starts_at", "ends_at", "time_zone", "rrule", "exdates", "title", "version"])
    .where("organization_id", "=", organizationId)
    .where("kind", "=", "block")
    .where("status", "<>", "cancelled")
    .where("staff_id", "in", filter.staffIds)
    .where("starts_at", "<", filter.to)
    .where("series_ends_at", ">", filter.from)
    .orderBy("starts_at")
    .limit(5000)
    .execute();
}

export async function insertEntry(db: Executor, values: NewAgendaEntry): Promise<string> {
  const row = await db.insertInto("agenda_entry").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the next version; false when the version moved on meanwhile. */
export async function updateEntryRow(db: Executor, organizationId: string, id: string, version: number, set: AgendaEntryUpdate): Promise<boolean> {
  const result = await db
    .updateTable("agenda_entry")
    .set({ ...set, version: version + 1 })
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteEntryRow(db: Executor, organizationId: string, id: string): Promise<void> {
  await db.deleteFrom("agenda_entry").where("organization_id", "=", organizationId).where("id", "=", id).execute();
}

/** Entries imported from .ics files into a staff member's calendar, by UID. */
export async function importedEntries(db: Executor, organizationId: string, staffId: string, uids: readonly string[]): Promise<Map<string, AgendaEntryRow>> {
  if (uids.length === 0) return new Map();
  const rows = await db
    .selectFrom("agenda_entry")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .where("staff_id", "=", staffId)
    .where("ics_uid", "in", uids)
    .execute();
  return new Map(rows.map((row) => [row.ics_uid as string, row]));
}
