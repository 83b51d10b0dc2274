import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { clientDataColumns, Database } from "@frontoffice/db";
import type { Client, ClientSummary } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;
type ClientRow = Selectable<Database["client"]>;

const iso = (value: Date | string) => new Date(value).toISOString();

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    organizationId: row.organization_id,
    officeId: row.office_id,
    kind: row.kind as Client["kind"],
    givenName: row.given_name,
    familyName: row.family_name,
    companyName: row.company_name,
    displayName: row.display_name,
    phones: row.phones,
    emails: row.emails,
    addresses: row.addresses,
    preferredLocale: row.preferred_locale as Client["preferredLocale"],
    nationalId: row.national_id && row.national_id_type ? { type: row.national_id_type as NonNullable<Client["nationalId"]>["type"], value: row.national_id } : null,
    notes: row.notes,
    details: row.details,
    version: row.version,
    archivedAt: row.archived_at ? iso(row.archived_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function insertClient(
  db: Executor,
  values: ReturnType<typeof clientDataColumns> & { organization_id: string; created_by: string; at: Date },
): Promise<Client> {
  const { at, ...columns } = values;
  const row = await db
    .insertInto("client")
    .values({ ...columns, updated_by: columns.created_by, version: 1, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toClient(row);
}

/** One client of the organization, locked for update when inside a transaction that changes it. */
export async function findClient(db: Executor, organizationId: string, clientId: string, forUpdate = false): Promise<ClientRow | undefined> {
  let query = db.selectFrom("client").selectAll().where("organization_id", "=", organizationId).where("id", "=", clientId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Writes a new version of a client if it is still at `expectedVersion`; returns undefined when
 * someone else saved first (the version check is in the WHERE clause, so the database decides).
 */
export async function updateClientRow(
  db: Executor,
  organizationId: string,
  clientId: string,
  expectedVersion: number,
  values: Partial<ReturnType<typeof clientDataColumns>> & { archived_at?: Date | null; updated_by: string; updated_at: Date },
): Promise<Client | undefined> {
  const row = await db
    .updateTable("client")
    .set({ ...values, version: expectedVersion + 1 })
    .where("organization_id", "=", organizationId)
    .where("id", "=", clientId)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? toClient(row) : undefined;
}

export interface ClientSearch {
  organizationId: string;
  /** Folded query text (see foldForSearch); empty lists the most recently changed. */
  text: string;
  /** Digits of the query when it looks like a phone number. */
  digits: string;
  officeId: string | undefined;
  status: "active" | "archived" | "all";
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Finds clients by folded name, email, phone or id: substring matches first (trigram index
 * serves LIKE), then close spellings by trigram word similarity.
 */
export async function searchClients(db: Executor, search: ClientSearch): Promise<{ items: ClientSummary[]; hasMore: boolean }> {
  let query = db
    .selectFrom("client")
    .select(["id", "kind", "display_name", "office_id", "phones", "emails", "national_id", "archived_at", "updated_at"])
    .where("organization_id", "=", search.organizationId);
  if (search.officeId) query = query.where("office_id", "=", search.officeId);
  if (search.status === "active") query = query.where("archived_at", "is", null);
  if (search.status === "archived") query = query.where("archived_at", "is not", null);

  if (search.text) {
    const pattern = `%${escapeLike(search.text)}%`;
    const digitPattern = search.digits.length >= 3 ? `%${search.digits}%` : null;
    query = query
      .where((eb) =>
        eb.or([
          eb("search_text", "like", pattern),
          ...(digitPattern ? [eb("search_text", "like", digitPattern)] : []),
          sql<boolean>`${search.text} <% search_text`,
        ]),
      )
      .orderBy(sql`case when search_text like ${pattern} then 0 else 1 end`)
      .orderBy(sql`word_similarity(${search.text}, search_text)`, "desc")
      .orderBy("display_name")
      .orderBy("id");
  } else {
    query = query.orderBy("updated_at", "desc").orderBy("id");
  }

  const rows = await query.limit(search.limit + 1).offset(search.offset).execute();
  const items = rows.slice(0, search.limit).map((row) => ({
    id: row.id,
    kind: row.kind as ClientSummary["kind"],
    displayName: row.display_name,
    officeId: row.office_id,
    primaryPhone: row.phones[0]?.number ?? null,
    primaryEmail: row.emails[0]?.address ?? null,
    nationalId: row.national_id,
    archivedAt: row.archived_at ? iso(row.archived_at) : null,
    updatedAt: iso(row.updated_at),
  }));
  return { items, hasMore: rows.length > search.limit };
}
