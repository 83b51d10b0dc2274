/**
 * The daily close-out of a desk: the takings expected per method (from the ledger), the cash
 * counted by staff and the discrepancy, then a manager's sign-off, after which the database
 * refuses any payment, capture, void or refund on that desk and date (see the migration's
 * `desk_day_guard`). The sign-off takes the day's row for update, so it waits for payments in
 * flight, and recomputes what was expected: a payment taken between counting and sign-off is
 * not lost from the figures.
 */
import { jsonb } from "@frontoffice/db";
import { DomainError, closeOutCountInputSchema, closeOutSignOffInputSchema } from "@frontoffice/domain";
import type { z } from "zod";
import type { Actor } from "../../trpc/actor.js";
import { recordChangeBy } from "../audit/queries.js";
import { onceForKey } from "../payments/idempotency.js";
import { findOfficeMoneyContext } from "../payments/queries.js";
import type { Executor } from "../payments/support.js";
import { ensureCloseOut, expectedTakings, findCloseOut, listCloseOuts, type CloseOutRow, type TakingsByMethod } from "./queries.js";

export interface CloseOutView {
  /** Null while the day has no row (nothing taken and nothing counted yet). */
  id: string | null;
  officeId: string;
  desk: string;
  businessDate: string;
  currency: string;
  /** `open`: taking payments; `counted`: cash counted, waiting for sign-off; `signed_off`: locked. */
  status: "open" | "counted" | "signed_off";
  /** Expected now, per method (net of refunds), from the ledger. */
  expected: TakingsByMethod;
  /** As recorded when the cash was counted (or at sign-off): null before. */
  recordedExpected: Record<string, number> | null;
  countedCashMinor: number | null;
  /** Counted − expected cash: negative when cash is missing. */
  discrepancyMinor: number | null;
  note: string;
  closedBy: string | null;
  closedAt: string | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  replayed?: boolean;
}

function toView(row: CloseOutRow | undefined, day: { officeId: string; desk: string; businessDate: string }, currency: string, expected: TakingsByMethod): CloseOutView {
  return {
    id: row?.id ?? null,
    officeId: day.officeId,
    desk: day.desk,
    businessDate: day.businessDate,
    currency,
    status: row?.signed_off_at ? "signed_off" : row?.closed_at ? "counted" : "open",
    expected,
    recordedExpected: row?.expected ?? null,
    countedCashMinor: row?.counted_cash_minor ?? null,
    discrepancyMinor: row?.discrepancy_minor ?? null,
    note: row?.note ?? "",
    closedBy: row?.closed_by ?? null,
    closedAt: row?.closed_at ? new Date(row.closed_at).toISOString() : null,
    signedOffBy: row?.signed_off_by ?? null,
    signedOffAt: row?.signed_off_at ? new Date(row.signed_off_at).toISOString() : null,
  };
}

async function currencyOf(db: Executor, organizationId: string, officeId: string): Promise<string> {
  const office = await findOfficeMoneyContext(db, organizationId, officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return office.currency;
}

/** A desk's day as it stands: expected takings per method, and what was counted and signed. */
export async function deskDay(actor: Pick<Actor, "db" | "organizationId">, day: { officeId: string; desk: string; businessDate: string }): Promise<CloseOutView> {
  const currency = await currencyOf(actor.db, actor.organizationId, day.officeId);
  const [row, expected] = await Promise.all([
    findCloseOut(actor.db, actor.organizationId, day),
    expectedTakings(actor.db, actor.organizationId, day.officeId, day.desk, day.businessDate),
  ]);
  return toView(row, day, currency, expected);
}

/** Staff count the drawer: records expected and counted cash and the discrepancy (again until signed off). */
export async function countCash(actor: Actor, raw: z.input<typeof closeOutCountInputSchema>): Promise<CloseOutView> {
  const input = closeOutCountInputSchema.parse(raw);
  const day = { officeId: input.officeId, desk: input.desk, businessDate: input.businessDate };
  const at = actor.clock.now();
  const replayed = await actor.db.transaction().execute(async (trx) => {
    const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "closeOuts.count", input: { ...input, idempotencyKey: undefined }, at }, async () => {
      const currency = await currencyOf(trx, actor.organizationId, input.officeId);
      await ensureCloseOut(trx, actor.organizationId, input.officeId, input.desk, input.businessDate);
      const row = await findCloseOut(trx, actor.organizationId, day, true);
      if (!row || row.signed_off_at) throw new DomainError("CLOSE_OUT_STATE_INVALID", "the day is signed off");
      const expected = await expectedTakings(trx, actor.organizationId, input.officeId, input.desk, input.businessDate);
      const discrepancy = input.countedCashMinor - expected.cash;
      await trx
        .updateTable("cash_close_out")
        .set({ currency, expected: jsonb<Record<string, number>>(expected), counted_cash_minor: input.countedCashMinor, discrepancy_minor: discrepancy, note: input.note, closed_by: actor.staffId, closed_at: at })
        .where("id", "=", row.id)
        .execute();
      await recordChangeBy(trx, actor, { type: "cash_close_out", id: row.id }, "update", { countedCashMinor: { from: row.counted_cash_minor, to: input.countedCashMinor }, discrepancyMinor: { from: row.discrepancy_minor, to: discrepancy } }, at);
      return { id: row.id };
    });
    return outcome.replayed;
  });
  return { ...(await deskDay(actor, day)), replayed };
}

/** A manager signs the counted day off: the figures are recomputed and the day is locked. */
export async function signOff(actor: Actor, raw: z.input<typeof closeOutSignOffInputSchema>): Promise<CloseOutView> {
  const input = closeOutSignOffInputSchema.parse(raw);
  const at = actor.clock.now();
  const { day, replayed } = await actor.db.transaction().execute(async (trx) => {
    const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "closeOuts.signOff", input: { id: input.id }, at }, async () => {
      const row = await findCloseOut(trx, actor.organizationId, { id: input.id }, true);
      if (!row) throw new DomainError("NOT_FOUND", "close-out not found");
      if (!row.closed_at || row.counted_cash_minor === null || row.signed_off_at) throw new DomainError("CLOSE_OUT_STATE_INVALID", "count the cash first; sign off once");
      const expected = await expectedTakings(trx, actor.organizationId, row.office_id, row.desk, row.business_date);
      const discrepancy = row.counted_cash_minor - expected.cash;
      await trx
        .updateTable("cash_close_out")
        .set({ expected: jsonb<Record<string, number>>(expected), discrepancy_minor: discrepancy, signed_off_by: actor.staffId, signed_off_at: at })
        .where("id", "=", row.id)
        .execute();
      await recordChangeBy(trx, actor, { type: "cash_close_out", id: row.id }, "update", { signedOff: { from: null, to: at.toISOString() }, discrepancyMinor: { from: row.discrepancy_minor, to: discrepancy } }, at);
      return { officeId: row.office_id, desk: row.desk, businessDate: row.business_date };
    });
    return { day: outcome.result, replayed: outcome.replayed };
  });
  return { ...(await deskDay(actor, day)), replayed };
}

/** Close-outs of a period (newest first), with what was recorded at count and sign-off. */
export async function closeOutsOf(actor: Pick<Actor, "db" | "organizationId">, filter: { officeId?: string | undefined; from: string; to: string }): Promise<Omit<CloseOutView, "expected">[]> {
  const rows = await listCloseOuts(actor.db, actor.organizationId, filter);
  return rows.map((row) => {
    const { expected: _expected, ...view } = toView(row, { officeId: row.office_id, desk: row.desk, businessDate: row.business_date }, row.currency ?? "", {} as TakingsByMethod);
    return view;
  });
}

