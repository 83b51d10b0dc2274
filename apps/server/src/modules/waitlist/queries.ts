import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, WaitlistEntryRow, WaitlistOfferRow } from "@frontoffice/db";
import { WAITLIST_OFFER_HOURS, type Appointment, type WaitlistEntry, type WaitlistEntryStatus, type WaitlistOffer } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

const HOUR_MS = 3_600_000;

export function toOffer(row: WaitlistOfferRow, now: Date): WaitlistOffer {
  const expired = row.status === "open" && new Date(row.expires_at).getTime() <= now.getTime();
  return {
    id: row.id,
    entryId: row.entry_id,
    staffId: row.staff_id,
    start: new Date(row.starts_at).toISOString(),
    end: new Date(row.ends_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    status: expired ? "expired" : row.status,
    appointmentId: row.appointment_id,
  };
}

/**
 * Offers the time a cancelled appointment freed to the first client waiting for that service
 * (first come, first served) whose wanted range contains it, for WAITLIST_OFFER_HOURS (never
 * past the start). A client already offered this very time (and who let it lapse) is passed
 * over. Runs in the cancelling transaction (or the re-offering job's); returns the offer, if one
 * was made.
 */
export async function offerFreedTime(
  trx: Transaction<Database>,
  organizationId: string,
  cancelled: Pick<Appointment, "id" | "serviceId" | "staffId" | "clientId" | "start" | "end">,
  now: Date,
): Promise<WaitlistOfferRow | undefined> {
  const start = new Date(cancelled.start);
  if (start.getTime() <= now.getTime()) return undefined;
  const entry = await trx
    .selectFrom("waitlist_entry as entry")
    .select(["entry.id"])
    .where("entry.organization_id", "=", organizationId)
    .where("entry.service_id", "=", cancelled.serviceId)
    .where((eb) => eb.or([eb("entry.staff_id", "is", null), eb("entry.staff_id", "=", cancelled.staffId)]))
    .where("entry.client_id", "<>", cancelled.clientId)
    .where("entry.earliest_at", "<=", start)
    .where("entry.latest_at", ">=", new Date(cancelled.end))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("waitlist_offer as earlier")
            .select(sql`1`.as("one"))
            .whereRef("earlier.entry_id", "=", "entry.id")
            .where("earlier.staff_id", "=", cancelled.staffId)
            .where("earlier.starts_at", "=", start),
        ),
      ),
    )
    .where((eb) =>
      eb.or([
        eb("entry.status", "=", "waiting"),
        eb.and([
          eb("entry.status", "=", "offered"),
          eb.not(
            eb.exists(
              eb
                .selectFrom("waitlist_offer as offer")
                .select(sql`1`.as("one"))
                .whereRef("offer.entry_id", "=", "entry.id")
                .where("offer.status", "=", "open")
                .where("offer.expires_at", ">", now),
            ),
          ),
        ]),
      ]),
    )
    .orderBy("entry.seq")
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!entry) return undefined;
  const expiresAt = new Date(Math.min(now.getTime() + WAITLIST_OFFER_HOURS * HOUR_MS, start.getTime()));
  await trx.updateTable("waitlist_entry").set({ status: "offered" }).where("id", "=", entry.id).execute();
  return trx
    .insertInto("waitlist_offer")
    .values({
      organization_id: organizationId,
      entry_id: entry.id,
      staff_id: cancelled.staffId,
      starts_at: start,
      ends_at: new Date(cancelled.end),
      expires_at: expiresAt,
      source_appointment_id: cancelled.id,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertEntry(db: Executor, values: Omit<WaitlistEntryRow, "id" | "seq" | "status" | "created_at"> & { created_at: Date }): Promise<string> {
  const row = await db.insertInto("waitlist_entry").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function selectEntries(
  db: Executor,
  organizationId: string,
  filter: { ids?: readonly string[]; officeId?: string | undefined; serviceId?: string | undefined; statuses?: readonly WaitlistEntryStatus[] },
  now: Date,
): Promise<WaitlistEntry[]> {
  let query = db
    .selectFrom("waitlist_entry as entry")
    .innerJoin("service", "service.id", "entry.service_id")
    .innerJoin("client", "client.id", "entry.client_id")
    .selectAll("entry")
    .select(["service.name as service_name", "client.display_name as client_name"])
    .where("entry.organization_id", "=", organizationId);
  if (filter.ids) query = query.where("entry.id", "in", filter.ids);
  if (filter.officeId) query = query.where("entry.office_id", "=", filter.officeId);
  if (filter.serviceId) query = query.where("entry.service_id", "=", filter.serviceId);
  if (filter.statuses) query = query.where("entry.status", "in", filter.statuses);
  const rows = await query.orderBy("entry.seq").limit(1000).execute();
  const offers = rows.length
    ? await db.selectFrom("waitlist_offer").selectAll().where("organization_id", "=", organizationId).where("entry_id", "in", rows.map((row) => row.id)).orderBy("created_at", "desc").execute()
    : [];
  return rows.map((row) => {
    const offer = offers.find((item) => item.entry_id === row.id);
    return {
      id: row.id,
      officeId: row.office_id,
      serviceId: row.service_id,
      serviceName: row.service_name,
      clientId: row.client_id,
      clientName: row.client_name,
      staffId: row.staff_id,
      earliest: new Date(row.earliest_at).toISOString(),
      latest: new Date(row.latest_at).toISOString(),
      status: row.status,
      notes: row.notes,
      createdAt: new Date(row.created_at).toISOString(),
      offer: offer ? toOffer(offer, now) : null,
    };
  });
}

export async function findOffer(db: Executor, organizationId: string, offerId: string) {
  return db
    .selectFrom("waitlist_offer as offer")
    .innerJoin("waitlist_entry as entry", "entry.id", "offer.entry_id")
    .selectAll("offer")
    .select(["entry.client_id", "entry.service_id", "entry.notes"])
    .where("offer.organization_id", "=", organizationId)
    .where("offer.id", "=", offerId)
    .executeTakeFirst();
}

/** Marks an open, unexpired offer accepted (false when someone got there first). */
export async function acceptOfferRow(trx: Transaction<Database>, offerId: string, appointmentId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("waitlist_offer")
    .set({ status: "accepted", appointment_id: appointmentId })
    .where("id", "=", offerId)
    .where("status", "=", "open")
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * One open offer whose time ran out (oldest first), locked for this transaction; offers another
 * process holds are skipped, so two job runners never handle the same one. With what a re-offer
 * needs: the entry's service and client, and the client whose cancellation freed the time.
 */
export async function claimLapsedOffer(trx: Transaction<Database>, now: Date) {
  return trx
    .selectFrom("waitlist_offer as offer")
    .innerJoin("waitlist_entry as entry", "entry.id", "offer.entry_id")
    .leftJoin("appointment as source", "source.id", "offer.source_appointment_id")
    .selectAll("offer")
    .select(["entry.service_id", "entry.client_id", "source.client_id as source_client_id"])
    .where("offer.status", "=", "open")
    .where("offer.expires_at", "<=", now)
    .orderBy("offer.expires_at")
    .orderBy("offer.id")
    .limit(1)
    .forUpdate("offer")
    .skipLocked()
    .executeTakeFirst();
}

/** Closes a lapsed offer (`expired`, or `taken` when the time was booked meanwhile); false when it was no longer open. */
export async function closeLapsedOffer(trx: Transaction<Database>, offerId: string, status: "expired" | "taken"): Promise<boolean> {
  const result = await trx.updateTable("waitlist_offer").set({ status }).where("id", "=", offerId).where("status", "=", "open").executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The client whose offer lapsed waits again (for other freed times), unless another offer of theirs is still open. */
export async function waitAgain(trx: Transaction<Database>, entryId: string): Promise<void> {
  await trx
    .updateTable("waitlist_entry")
    .set({ status: "waiting" })
    .where("id", "=", entryId)
    .where("status", "=", "offered")
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("waitlist_offer").select(sql`1`.as("one")).where("entry_id", "=", entryId).where("status", "=", "open"))))
    .execute();
}
