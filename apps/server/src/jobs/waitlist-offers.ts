/**
 * The waitlist re-offer job: every minute, each open waitlist offer whose time ran out is closed,
 * and the time it held goes to the next client waiting for that service (first come, first
 * served), again for a limited time, until someone takes it or nobody is left who wants it.
 *
 * Safe with two server processes on one PostgreSQL: each lapsed offer is claimed with
 * `FOR UPDATE SKIP LOCKED` and closed with a conditional update in the same transaction as its
 * re-offer, so an offer is handled once and a time is never offered twice at once. A time booked
 * meanwhile (by the desk) is not offered again: the lapsed offer is closed as `taken`.
 *
 * Offers are not sent to clients through the outbox: the desk calls the client (the waitlist
 * screen shows the offer and how long it is held), as for the first offer made on cancellation.
 */
import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import { recordAudit } from "../modules/audit/queries.js";
import { liveBookings } from "../modules/appointments/queries.js";
import { claimLapsedOffer, closeLapsedOffer, offerFreedTime, waitAgain } from "../modules/waitlist/queries.js";
import type { PeriodicJob } from "../outbox/runner.js";

/** Lapsed offers handled in one run, at most (the next run picks up the rest). */
const BATCH = 100;

export interface ReofferReport {
  /** Offers closed because their time ran out (or the time was booked meanwhile). */
  closed: number;
  /** New offers made of the times they held. */
  offered: number;
}

/** Closes the offers lapsed at `now` and offers their times to the next waiting clients. */
export async function reofferLapsedOffers(db: Kysely<Database>, now: Date): Promise<ReofferReport> {
  const report: ReofferReport = { closed: 0, offered: 0 };
  for (let handled = 0; handled < BATCH; handled++) {
    const outcome = await db.transaction().execute(async (trx) => {
      const lapsed = await claimLapsedOffer(trx, now);
      if (!lapsed) return undefined;
      const start = new Date(lapsed.starts_at);
      const end = new Date(lapsed.ends_at);
      const taken = (await liveBookings(trx, lapsed.organization_id, [lapsed.staff_id], start, end)).length > 0;
      if (!(await closeLapsedOffer(trx, lapsed.id, taken ? "taken" : "expired"))) return { offered: false };
      await waitAgain(trx, lapsed.entry_id);
      if (taken) return { offered: false };
      const offer = await offerFreedTime(
        trx,
        lapsed.organization_id,
        {
          id: lapsed.source_appointment_id ?? lapsed.id,
          serviceId: lapsed.service_id,
          staffId: lapsed.staff_id,
          // Whoever cancelled does not get their own time back; without a source, nobody is set aside.
          clientId: lapsed.source_client_id ?? lapsed.client_id,
          start: start.toISOString(),
          end: end.toISOString(),
        },
        now,
      );
      if (!offer) return { offered: false };
      await recordAudit(trx, {
        organizationId: lapsed.organization_id,
        actorStaffId: null,
        entityType: "waitlist_entry",
        entityId: offer.entry_id,
        action: "offer",
        changes: { offer: { from: { lapsed: lapsed.id }, to: { id: offer.id, start: start.toISOString(), staffId: offer.staff_id, expiresAt: new Date(offer.expires_at).toISOString() } } },
        requestId: null,
        at: now,
      });
      return { offered: true };
    });
    if (!outcome) break;
    report.closed += 1;
    if (outcome.offered) report.offered += 1;
  }
  return report;
}

export function waitlistOffersJob(db: Kysely<Database>): PeriodicJob {
  return { name: "waitlist-offers", everyMs: 60_000, run: (now) => reofferLapsedOffers(db, now) };
}
