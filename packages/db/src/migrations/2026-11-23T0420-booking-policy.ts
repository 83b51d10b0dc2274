/**
 * Booking rules per office: how far ahead clients may book, how much notice a booking needs,
 * and the slot grid (null: automatic, from each service's duration).
 *
 * Frozen in time: this file imports nothing from the application or the domain. Runs on
 * PostgreSQL 15+ and on PGlite.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `alter table office
    add column booking_window_days integer not null default 90
      constraint office_booking_window_days_check check (booking_window_days between 1 and 730),
    add column minimum_notice_minutes integer not null default 0
      constraint office_minimum_notice_minutes_check check (minimum_notice_minutes between 0 and 10080),
    add column slot_step_minutes integer
      constraint office_slot_step_minutes_check check (
        slot_step_minutes is null or (slot_step_minutes between 5 and 240 and 1440 % slot_step_minutes = 0)
      )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table office drop column if exists slot_step_minutes, drop column if exists minimum_notice_minutes, drop column if exists booking_window_days`.execute(db);
}
