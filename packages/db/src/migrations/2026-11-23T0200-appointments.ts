/**
 * Appointments: bookable services and who performs them, staff weekly hours per office,
 * appointments, and the waitlist with its offers.
 *
 * Double booking is impossible here, not only in code: an exclusion constraint (btree_gist,
 * created by the foundation migration) refuses two live appointments of one staff member whose
 * blocked ranges (the appointment plus its buffers) overlap. Cancelled and no-show appointments
 * free their time.
 *
 * Frozen in time: imports nothing from the application; the status lists are copies as of this
 * date. Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).
 */
import { sql, type Kysely } from "kysely";

const statements = [
  // For tenancy-safe foreign keys (id, organization_id) from appointments and the waitlist.
  `alter table client add constraint client_id_organization_key unique (id, organization_id)`,
  `create table service (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    name text not null check (length(btrim(name)) between 1 and 120),
    duration_minutes integer not null check (duration_minutes between 5 and 480 and duration_minutes % 5 = 0),
    buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 120),
    buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 120),
    price_minor integer check (price_minor >= 0),
    active boolean not null default true,
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint service_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint service_office_name_key unique (office_id, name),
    constraint service_id_organization_key unique (id, organization_id),
    constraint service_id_office_key unique (id, office_id)
  )`,
  `create index service_organization_idx on service (organization_id, office_id)`,

  `create table service_staff (
    organization_id uuid not null references organization (id) on delete cascade,
    service_id uuid not null,
    staff_id uuid not null,
    primary key (service_id, staff_id),
    constraint service_staff_service_fkey foreign key (service_id, organization_id)
      references service (id, organization_id) on delete cascade,
    constraint service_staff_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade
  )`,
  `create index service_staff_staff_idx on service_staff (staff_id)`,

  `create table staff_schedule (
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    office_id uuid not null,
    -- { monday: [{ start: "09:00", end: "14:00" }, …], … } in the office's time zone.
    weekly_hours jsonb not null check (jsonb_typeof(weekly_hours) = 'object'),
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (staff_id, office_id),
    constraint staff_schedule_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint staff_schedule_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint staff_schedule_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id)
  )`,

  `create table appointment (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    service_id uuid not null,
    staff_id uuid not null,
    client_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    -- The time the staff member is taken: the appointment plus the service's buffers, copied
    -- at booking so a later change of the service does not move existing appointments.
    blocked_from timestamptz not null,
    blocked_until timestamptz not null,
    during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    blocked tstzrange generated always as (tstzrange(blocked_from, blocked_until, '[)')) stored,
    status text not null default 'booked'
      check (status in ('booked', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show')),
    notes text not null default '' check (length(notes) <= 2000),
    version integer not null default 1 check (version >= 1),
    cancel_reason text check (cancel_reason in ('client_request', 'staff_unavailable', 'no_longer_needed', 'other')),
    cancel_note text check (length(cancel_note) <= 2000),
    cancelled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    updated_by uuid,
    constraint appointment_range_check check (starts_at < ends_at and blocked_from <= starts_at and blocked_until >= ends_at),
    constraint appointment_cancelled_check check ((status = 'cancelled') = (cancelled_at is not null and cancel_reason is not null)),
    constraint appointment_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint appointment_service_fkey foreign key (service_id, office_id)
      references service (id, office_id),
    constraint appointment_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id),
    constraint appointment_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id),
    constraint appointment_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint appointment_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id),
    constraint appointment_id_organization_key unique (id, organization_id),
    constraint appointment_staff_no_overlap exclude using gist (staff_id with =, blocked with &&)
      where (status not in ('cancelled', 'no_show'))
  )`,
  `create index appointment_office_during_idx on appointment using gist (office_id, during)`,
  `create index appointment_client_idx on appointment (client_id, starts_at)`,
  `create index appointment_organization_starts_idx on appointment (organization_id, starts_at)`,

  `create table waitlist_entry (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    service_id uuid not null,
    client_id uuid not null,
    -- The staff member the client prefers; null: anyone who performs the service.
    staff_id uuid,
    earliest_at timestamptz not null,
    latest_at timestamptz not null,
    status text not null default 'waiting' check (status in ('waiting', 'offered', 'booked', 'withdrawn')),
    notes text not null default '' check (length(notes) <= 2000),
    created_at timestamptz not null default now(),
    -- First come, first served, even for entries created in the same instant.
    seq bigint generated always as identity,
    created_by uuid,
    constraint waitlist_entry_range_check check (earliest_at < latest_at),
    constraint waitlist_entry_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint waitlist_entry_service_fkey foreign key (service_id, office_id)
      references service (id, office_id) on delete cascade,
    constraint waitlist_entry_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id) on delete cascade,
    constraint waitlist_entry_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id),
    constraint waitlist_entry_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint waitlist_entry_id_organization_key unique (id, organization_id)
  )`,
  `create index waitlist_entry_service_idx on waitlist_entry (organization_id, service_id, status, seq)`,

  `create table waitlist_offer (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    entry_id uuid not null,
    staff_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    expires_at timestamptz not null,
    status text not null default 'open' check (status in ('open', 'accepted', 'expired', 'declined', 'taken')),
    -- The cancelled appointment that freed the time, and the one made when the offer is accepted.
    source_appointment_id uuid,
    appointment_id uuid,
    created_at timestamptz not null default now(),
    constraint waitlist_offer_range_check check (starts_at < ends_at),
    constraint waitlist_offer_entry_fkey foreign key (entry_id, organization_id)
      references waitlist_entry (id, organization_id) on delete cascade,
    constraint waitlist_offer_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id),
    constraint waitlist_offer_source_fkey foreign key (source_appointment_id, organization_id)
      references appointment (id, organization_id),
    constraint waitlist_offer_appointment_fkey foreign key (appointment_id, organization_id)
      references appointment (id, organization_id)
  )`,
  `create index waitlist_offer_entry_idx on waitlist_offer (entry_id, status)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["waitlist_offer", "waitlist_entry", "appointment", "staff_schedule", "service_staff", "service"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table client drop constraint if exists client_id_organization_key`.execute(db);
}
