import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, NewOutboxMessage, OutboxChannel, OutboxMessageRow, OutboxStatus } from "@frontoffice/db";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Queues a message. With a `dedupe_key` already used in the organization on that channel, nothing is added and
 * `false` is returned: the first message stands (a reminder is never queued twice).
 */
export async function enqueueMessage(db: Db, message: NewOutboxMessage): Promise<boolean> {
  const inserted = await db
    .insertInto("outbox_message")
    .values(message)
    .onConflict((conflict) => conflict.columns(["organization_id", "channel", "dedupe_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Claims up to `limit` due messages for this runner: pending ones whose time has come, and
 * `sending` ones whose lease ran out (their runner died mid-send). One statement: the inner
 * `FOR UPDATE SKIP LOCKED` makes concurrent runners take disjoint rows, and the update moves
 * each claimed row to `sending` with a new lease and one more attempt before anyone else can
 * see it as due.
 */
export async function claimDueMessages(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxMessageRow[]> {
  const { rows } = await sql<OutboxMessageRow>`
    update outbox_message
    set status = 'sending', locked_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox_message
      where ((status = 'pending' and run_after <= ${now}) or (status = 'sending' and locked_until <= ${now}))
        and attempts < max_attempts
      order by run_after, id
      limit ${limit}
      for update skip locked
    )
    returning *`.execute(db);
  return rows;
}

/** Messages whose runner died during their last allowed attempt: nobody will try them again. */
export async function buryAbandonedMessages(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable("outbox_message")
    .set({ status: "dead", locked_until: null, last_error: "abandoned: the runner stopped during the last attempt" })
    .where("status", "=", "sending")
    .where("locked_until", "<=", now)
    .where((eb) => eb("attempts", ">=", eb.ref("max_attempts")))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks a claimed message sent, if this runner still holds its lease. */
export async function markSent(db: Db, id: string, lease: Date, at: Date, transport: string): Promise<void> {
  await db
    .updateTable("outbox_message")
    .set({ status: "sent", sent_at: at, locked_until: null, last_error: null, transport })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("locked_until", "=", lease)
    .execute();
}

/** After a failed attempt: back to pending at `retryAt`, or `dead` when none is left. */
export async function markFailed(db: Db, id: string, lease: Date, error: string, retryAt: Date | undefined): Promise<void> {
  await db
    .updateTable("outbox_message")
    .set(retryAt ? { status: "pending", run_after: retryAt, locked_until: null, last_error: error } : { status: "dead", locked_until: null, last_error: error })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where("locked_until", "=", lease)
    .execute();
}

/** An organization's messages, newest first (what went out, how, and what is stuck). */
export function listMessages(db: Db, organizationId: string, options: { channel?: OutboxChannel; status?: OutboxStatus; ids?: readonly string[]; limit?: number } = {}) {
  let query = db.selectFrom("outbox_message").selectAll().where("organization_id", "=", organizationId);
  if (options.channel) query = query.where("channel", "=", options.channel);
  if (options.status) query = query.where("status", "=", options.status);
  if (options.ids) query = query.where("id", "in", options.ids.length ? options.ids : ["00000000-0000-0000-0000-000000000000"]);
  return query.orderBy("created_at", "desc").orderBy("id").limit(options.limit ?? 100).execute();
}

/** A dead message of the organization back to pending, due `now`, with one more attempt allowed; undefined when it is not dead (or not theirs). */
export async function retryDeadMessage(db: Db, organizationId: string, id: string, now: Date): Promise<OutboxMessageRow | undefined> {
  return db
    .updateTable("outbox_message")
    .set((eb) => ({ status: "pending", run_after: now, locked_until: null, max_attempts: eb("attempts", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .where("status", "=", "dead")
    .returningAll()
    .executeTakeFirst();
}
