/**
 * Idempotency keys for money-moving procedures. The key's row is taken inside the procedure's
 * own transaction:
 *
 * 1. `insert … on conflict do nothing`: the first call inserts the row; a concurrent call with the
 *    same key waits on that uncommitted row (the unique index), then inserts nothing;
 * 2. `select … for update`: every later call holds the row while it reads the stored result, so
 *    replays are serialized behind the first call and never run the work again;
 * 3. the first call stores its result in the row before committing. If it fails, its
 *    transaction (row included) rolls back and the next call runs afresh: nothing moved.
 *
 * The same key with another procedure or input is refused with `IDEMPOTENCY_KEY_REUSED`. The
 * input is hashed after card data is reduced to its summary, so no card number is hashed.
 * Rows are kept at least 24 hours (`purgeIdempotencyKeys`, run by a periodic job).
 */
import { createHash } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { jsonb, type Database } from "@frontoffice/db";
import { DomainError } from "@frontoffice/domain";
import type { PeriodicJob } from "../../outbox/runner.js";

/** How long a key is kept: a replay within this time returns the first result. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** SHA-256 of the procedure and its input as canonical JSON (object keys sorted). */
export function requestHash(procedure: string, input: unknown): string {
  const canonical = JSON.stringify(input, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash("sha256").update(`${procedure}\n${canonical}`).digest("hex");
}

export type IdempotentOutcome<T> = { replayed: false; result: T } | { replayed: true; result: T };

/**
 * Runs `work` once per (organization, key) inside `trx`, storing its JSON result; a replay gets
 * the stored result (`replayed: true`) without running `work`. `result` must survive JSON: dates
 * as ISO strings. `afterStored` runs (first call only) once the result is stored, still in `trx`:
 * the place for a step that locks a hot row (a receipt counter), so that lock is held for as
 * little of the transaction as possible.
 */
export async function onceForKey<T>(
  trx: Transaction<Database>,
  request: { organizationId: string; key: string; procedure: string; input: unknown; at: Date },
  work: () => Promise<T>,
  afterStored?: (result: T) => Promise<void>,
): Promise<IdempotentOutcome<T>> {
  const hash = requestHash(request.procedure, request.input);
  const inserted = await trx
    .insertInto("idempotency_key")
    .values({ organization_id: request.organizationId, key: request.key, procedure: request.procedure, request_hash: hash, created_at: request.at })
    .onConflict((conflict) => conflict.columns(["organization_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  if (!inserted) {
    const row = await trx
      .selectFrom("idempotency_key")
      .select(["procedure", "request_hash", "result"])
      .where("organization_id", "=", request.organizationId)
      .where("key", "=", request.key)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.procedure !== request.procedure || row.request_hash !== hash) {
      throw new DomainError("IDEMPOTENCY_KEY_REUSED", "idempotency key used for another request", { procedure: row.procedure });
    }
    return { replayed: true, result: row.result as T };
  }
  const result = await work();
  await trx
    .updateTable("idempotency_key")
    .set({ result: jsonb(result ?? null) })
    .where("organization_id", "=", request.organizationId)
    .where("key", "=", request.key)
    .execute();
  await afterStored?.(result);
  return { replayed: false, result };
}

/** Deletes keys older than the retention; returns how many. */
export async function purgeIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_key")
    .where("created_at", "<", sql<Date>`${new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)}::timestamptz`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The periodic job that forgets idempotency keys past their 24 hours (hourly). */
export function idempotencyPurgeJob(db: Kysely<Database>): PeriodicJob {
  return { name: "idempotency-purge", everyMs: 60 * 60 * 1000, run: (now) => purgeIdempotencyKeys(db, now) };
}
