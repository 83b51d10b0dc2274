/**
 * The employer's day: who keeps whose calendar (delegates), and the entries of a staff member's
 * agenda besides appointments: blocks (busy time), tasks and call-backs, one-off or recurring.
 *
 * Frozen in time: this file imports nothing from the application or the domain; the kind and
 * status lists are copies as of this date. Runs on PostgreSQL 15+ and on PGlite.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  // An assistant (delegate) who may read and keep a principal's calendar.
  `create table staff_delegate (
    organization_id uuid not null references organization (id) on delete cascade,
    principal_staff_id uuid not null,
    delegate_staff_id uuid not null,
    created_at timestamptz not null default now(),
    created_by uuid,
    constraint staff_delegate_pkey primary key (principal_staff_id, delegate_staff_id),
    constraint staff_delegate_not_self check (principal_staff_id <> delegate_staff_id),
    constraint staff_delegate_principal_fkey foreign key (principal_staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint staff_delegate_delegate_fkey foreign key (delegate_staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint staff_delegate_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id)
  )`,
  `create index staff_delegate_delegate_idx on staff_delegate (organization_id, delegate_staff_id)`,

  // A block, task or call-back in a staff member's calendar. Blocks are a range; tasks and
  // call-backs are due at starts_at (ends_at optional). A recurring entry has an RRULE expanded
  // in time_zone from starts_at's wall-clock time; series_ends_at is the end of its last
  // occurrence (for a one-off entry, its end or due time), so a range query needs no expansion.
  `create table agenda_entry (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    kind text not null check (kind in ('block', 'task', 'callback')),
    title text not null check (length(title) between 1 and 200),
    notes text not null default '' check (length(notes) <= 2000),
    starts_at timestamptz not null,
    ends_at timestamptz,
    time_zone text not null check (time_zone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
    rrule text check (rrule is null or length(rrule) between 1 and 500),
    -- Skipped occurrences: ISO instants of their starts, or whole local dates.
    exdates jsonb not null default '[]' check (jsonb_typeof(exdates) = 'array'),
    series_ends_at timestamptz not null,
    client_id uuid,
    phone text check (phone is null or phone ~ '^\\+[1-9][0-9]{6,14}$'),
    status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
    done_at timestamptz,
    done_by uuid,
    source text not null default 'manual' check (source in ('manual', 'ics')),
    ics_uid text check (ics_uid is null or length(ics_uid) between 1 and 500),
    version int not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    updated_by uuid,
    constraint agenda_entry_id_organization_key unique (id, organization_id),
    constraint agenda_entry_range check (ends_at is null or ends_at > starts_at),
    constraint agenda_entry_series check (series_ends_at >= coalesce(ends_at, starts_at)),
    constraint agenda_entry_block_has_end check (kind <> 'block' or ends_at is not null),
    constraint agenda_entry_callback_only check (kind = 'callback' or (client_id is null and phone is null)),
    constraint agenda_entry_callback_contact check (kind <> 'callback' or client_id is not null or phone is not null),
    constraint agenda_entry_done check ((status = 'done') = (done_at is not null) and (done_by is null or done_at is not null)),
    constraint agenda_entry_ics check ((source = 'ics') = (ics_uid is not null)),
    -- A re-import of the same file updates its entries instead of adding them again.
    constraint agenda_entry_ics_uid_key unique (staff_id, ics_uid),
    constraint agenda_entry_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint agenda_entry_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id),
    constraint agenda_entry_done_by_fkey foreign key (done_by, organization_id)
      references staff (id, organization_id),
    constraint agenda_entry_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint agenda_entry_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id)
  )`,
  `create index agenda_entry_staff_idx on agenda_entry (organization_id, staff_id, starts_at)`,
  `create index agenda_entry_blocks_idx on agenda_entry (organization_id, series_ends_at) where kind = 'block' and status <> 'cancelled'`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists agenda_entry`.execute(db);
  await sql`drop table if exists staff_delegate`.execute(db);
}
