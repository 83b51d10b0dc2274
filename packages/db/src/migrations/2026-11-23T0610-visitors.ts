/**
 * Visitors: expected (pre-registered) and walk-in visits per office, checked in at the desk or on
 * an office's kiosk, with a badge code unique in the office for the day; kiosk credentials; and
 * in-app notifications to staff (a visitor arrived, a visitor still on site at the end of the day).
 *
 * Personal data of a visit is purged after the office's retention period: the row stays (the
 * counts stay true) with the name replaced and contact details cleared, `purged_at` set.
 *
 * Frozen in time: this file imports nothing from the application or the domain.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `alter table office
    add column visitor_retention_days integer not null default 30 check (visitor_retention_days between 1 and 3650),
    add column visitor_wait_threshold_minutes integer not null default 15 check (visitor_wait_threshold_minutes between 1 and 1440),
    add column visitor_day_ends_at text not null default '19:00' check (visitor_day_ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
  `create table visit (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    visitor_name text not null check (length(btrim(visitor_name)) between 1 and 200),
    company text check (length(company) <= 200),
    email text check (length(email) <= 254),
    phone text check (length(phone) <= 32),
    host_staff_id uuid not null,
    purpose text check (length(purpose) <= 500),
    -- null: a walk-in.
    expected_at timestamptz,
    appointment_id uuid,
    status text not null default 'expected' check (status in ('expected', 'checked_in', 'checked_out', 'cancelled', 'no_show')),
    -- Badges are read aloud and typed on a tablet: no 0/O, 1/I/L.
    badge_code text not null check (badge_code ~ '^[A-HJKMNP-Z2-9]{6}$'),
    -- The office-local day the code belongs to (the expected day, or the walk-in's arrival day).
    badge_date date not null,
    checked_in_at timestamptz,
    checked_in_by text check (checked_in_by in ('staff', 'kiosk')),
    checked_in_by_staff_id uuid,
    checked_out_at timestamptz,
    checked_out_by text check (checked_out_by in ('staff', 'kiosk')),
    checked_out_by_staff_id uuid,
    on_site_reminded_at timestamptz,
    purged_at timestamptz,
    created_by uuid,
    created_at timestamptz not null default now(),
    constraint visit_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint visit_host_fkey foreign key (host_staff_id, organization_id)
      references staff (id, organization_id),
    constraint visit_appointment_fkey foreign key (appointment_id, organization_id)
      references appointment (id, organization_id) on delete set null (appointment_id),
    constraint visit_checked_in_by_staff_fkey foreign key (checked_in_by_staff_id, organization_id)
      references staff (id, organization_id),
    constraint visit_checked_out_by_staff_fkey foreign key (checked_out_by_staff_id, organization_id)
      references staff (id, organization_id),
    constraint visit_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint visit_badge_key unique (office_id, badge_date, badge_code),
    constraint visit_id_organization_key unique (id, organization_id),
    constraint visit_checked_out_after_in check (checked_out_at >= checked_in_at),
    -- A checked-out visit was checked in; a visit on site has not left; an expected one has not come.
    constraint visit_status_times check (
      case status
        when 'checked_out' then checked_in_at is not null and checked_out_at is not null and checked_out_by is not null
        when 'checked_in' then checked_in_at is not null and checked_out_at is null
        else checked_in_at is null and checked_out_at is null
      end
    ),
    constraint visit_checked_in_channel_check check ((checked_in_at is null) = (checked_in_by is null)),
    constraint visit_checked_in_staff_check check (checked_in_by_staff_id is null or checked_in_by = 'staff'),
    constraint visit_checked_out_staff_check check (checked_out_by_staff_id is null or checked_out_by = 'staff')
  )`,
  `create index visit_office_day_idx on visit (organization_id, office_id, badge_date)`,
  `create index visit_on_site_idx on visit (organization_id, office_id) where status = 'checked_in'`,
  `create index visit_unpurged_idx on visit (organization_id, created_at) where purged_at is null`,
  // A tablet's credential for one office's kiosk: only the token's SHA-256 is kept.
  `create table kiosk_token (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    label text not null check (length(btrim(label)) between 1 and 100),
    token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by uuid,
    created_at timestamptz not null default now(),
    revoked_at timestamptz,
    constraint kiosk_token_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint kiosk_token_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint kiosk_token_hash_key unique (token_hash)
  )`,
  `create table staff_notification (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    kind text not null check (kind in ('visitor_arrived', 'visitor_still_on_site')),
    payload jsonb not null default '{}',
    created_at timestamptz not null default now(),
    read_at timestamptz,
    constraint staff_notification_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade
  )`,
  `create index staff_notification_staff_idx on staff_notification (organization_id, staff_id, created_at desc)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists staff_notification`.execute(db);
  await sql`drop table if exists kiosk_token`.execute(db);
  await sql`drop table if exists visit`.execute(db);
  await sql`alter table office drop column if exists visitor_retention_days, drop column if exists visitor_wait_threshold_minutes, drop column if exists visitor_day_ends_at`.execute(db);
}
