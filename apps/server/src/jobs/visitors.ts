/**
 * Two visitor jobs:
 * - `visitor-purge` (hourly): a visit older than its office's retention period keeps its row (the
 *   day's counts stay true) but loses its personal data: the name becomes "—", company, email,
 *   phone and purpose are cleared, `purged_at` is set; the names copied into its notifications go
 *   too. Visitors still on site are kept until they leave.
 * - `visitor-on-site-reminder` (every minute): once the office's day has ended (its
 *   `visitor_day_ends_at`, office-local), each host of a visitor still checked in gets one
 *   in-app reminder; `on_site_reminded_at` makes it once per visit, even with two servers. Expected
 *   visits of an office-local day already past become no-shows.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import { Temporal } from "@frontoffice/scheduling";
import type { PeriodicJob } from "../outbox/runner.js";
import { insertNotification } from "../modules/notifications/queries.js";
import { businessDateOf } from "../modules/payments/support.js";

export const PURGED_NAME = "—";

/** Purges the personal data of visits past their office's retention at `now`; returns how many. */
export async function purgeExpiredVisitors(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const purged = await trx
      .updateTable("visit as v")
      .from("office as o")
      .set({ visitor_name: PURGED_NAME, company: null, email: null, phone: null, purpose: null, purged_at: now })
      .whereRef("o.id", "=", "v.office_id")
      .whereRef("o.organization_id", "=", "v.organization_id")
      .where("v.purged_at", "is", null)
      .where("v.status", "!=", "checked_in")
      .where(sql<boolean>`coalesce(v.checked_out_at, v.checked_in_at, v.expected_at, v.created_at) < ${now}::timestamptz - make_interval(days => o.visitor_retention_days)`)
      .returning(["v.id", "v.organization_id"])
      .execute();
    if (purged.length > 0) {
      await trx
        .updateTable("staff_notification")
        .set({ payload: sql`payload - 'visitorName' - 'company'` })
        .where(sql<string>`payload->>'visitId'`, "in", purged.map((visit) => visit.id))
        .execute();
    }
    return purged.length;
  });
}

/** Reminds hosts of visitors still on site after their office's day ended; returns how many. */
export async function remindVisitorsStillOnSite(db: Kysely<Database>, now: Date): Promise<number> {
  const onSite = await db
    .selectFrom("visit as v")
    .innerJoin("office as o", (join) => join.onRef("o.id", "=", "v.office_id").onRef("o.organization_id", "=", "v.organization_id"))
    .select(["v.id", "v.organization_id", "v.host_staff_id", "v.visitor_name", "v.company", "v.checked_in_at", "o.name as office_name", "o.time_zone", "o.visitor_day_ends_at"])
    .where("v.status", "=", "checked_in")
    .where("v.on_site_reminded_at", "is", null)
    .limit(500)
    .execute();
  let reminded = 0;
  for (const visit of onSite) {
    if (!visit.checked_in_at) continue;
    // The end of the day the visitor came, in the office's time zone.
    const dayEnd = Temporal.PlainDate.from(businessDateOf(new Date(visit.checked_in_at), visit.time_zone))
      .toPlainDateTime(Temporal.PlainTime.from(visit.visitor_day_ends_at))
      .toZonedDateTime(visit.time_zone);
    if (now.getTime() < dayEnd.epochMilliseconds) continue;
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("visit")
        .set({ on_site_reminded_at: now })
        .where("id", "=", visit.id)
        .where("on_site_reminded_at", "is", null)
        .where("status", "=", "checked_in")
        .returning("id")
        .executeTakeFirst();
      if (!claimed) return false;
      await insertNotification(trx, {
        organizationId: visit.organization_id,
        staffId: visit.host_staff_id,
        kind: "visitor_still_on_site",
        payload: { visitId: visit.id, visitorName: visit.visitor_name, company: visit.company, officeName: visit.office_name },
        at: now,
      });
      return true;
    });
    if (done) reminded += 1;
  }
  return reminded;
}

/** Expected visits of a day that has ended in their office, never checked in, become no-shows; returns how many. */
export async function markNoShows(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .updateTable("visit as v")
    .from("office as o")
    .set({ status: "no_show" })
    .whereRef("o.id", "=", "v.office_id")
    .whereRef("o.organization_id", "=", "v.organization_id")
    .where("v.status", "=", "expected")
    .where(sql<boolean>`v.badge_date < (${now}::timestamptz at time zone o.time_zone)::date`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function visitorPurgeJob(db: Kysely<Database>): PeriodicJob {
  return { name: "visitor-purge", everyMs: 3_600_000, run: (now) => purgeExpiredVisitors(db, now) };
}

export function visitorOnSiteReminderJob(db: Kysely<Database>): PeriodicJob {
  return {
    name: "visitor-on-site-reminder",
    everyMs: 60_000,
    run: async (now) => ({ reminded: await remindVisitorsStillOnSite(db, now), noShows: await markNoShows(db, now) }),
  };
}
