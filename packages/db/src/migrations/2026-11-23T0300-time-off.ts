/**
 * Time off and date overrides: a staff member's absences (instants, with a reason) and different
 * hours (or none) on one office-local date.
 *
 * Frozen in time: this file imports nothing from the application or the domain; the reason list
 * is a copy as of this date. Runs on PostgreSQL 15+ and on PGlite.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  // An absence of a staff member, in every office they work in.
  `create table staff_time_off (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    reason text not null check (reason in ('vacation', 'sick', 'training', 'other')),
    note text not null default '' check (length(note) <= 500),
    created_at timestamptz not null default now(),
    created_by uuid,
    constraint staff_time_off_range check (ends_at > starts_at),
    constraint staff_time_off_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint staff_time_off_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id)
  )`,
  `create index staff_time_off_staff_idx on staff_time_off (organization_id, staff_id, ends_at)`,

  // Different hours on one local date of an office; intervals '[]' close that date.
  `create table staff_schedule_override (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    office_id uuid not null,
    local_date date not null,
    -- [{ start: "09:00", end: "14:00" }, …] in the office's time zone.
    intervals jsonb not null check (jsonb_typeof(intervals) = 'array'),
    updated_at timestamptz not null default now(),
    updated_by uuid,
    constraint staff_schedule_override_day_key unique (staff_id, office_id, local_date),
    constraint staff_schedule_override_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint staff_schedule_override_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint staff_schedule_override_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id)
  )`,
  `create index staff_schedule_override_office_idx on staff_schedule_override (organization_id, office_id, local_date)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists staff_schedule_override`.execute(db);
  await sql`drop table if exists staff_time_off`.execute(db);
}
