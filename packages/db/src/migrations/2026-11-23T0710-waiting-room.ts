/**
 * The waiting-room board: where each of the day's appointments and visitors is, from expected to
 * done (`arrived` waiting, `in_room`, `with_provider`), with the time each stage began.
 *
 * A row exists once the board has touched someone (before that the board derives the stage from
 * the appointment's and the visit's own status). Exactly one subject per row: an appointment or a
 * visit, each on the board once. The stage only moves forward; every move is a conditional update
 * on the stage the board showed, so of two desks moving the same person at once one wins.
 *
 * Frozen in time: this file imports nothing from the application or the domain.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table waiting_room_entry (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    appointment_id uuid,
    visit_id uuid,
    stage text not null default 'expected' check (stage in ('expected', 'arrived', 'in_room', 'with_provider', 'done')),
    arrived_at timestamptz,
    in_room_at timestamptz,
    with_provider_at timestamptz,
    done_at timestamptz,
    stage_changed_at timestamptz not null default now(),
    version integer not null default 1 check (version >= 1),
    updated_by uuid,
    created_at timestamptz not null default now(),
    constraint waiting_room_entry_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint waiting_room_entry_appointment_fkey foreign key (appointment_id, organization_id)
      references appointment (id, organization_id) on delete cascade,
    constraint waiting_room_entry_visit_fkey foreign key (visit_id, organization_id)
      references visit (id, organization_id) on delete cascade,
    constraint waiting_room_entry_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id),
    constraint waiting_room_entry_subject_check check (num_nonnulls(appointment_id, visit_id) = 1),
    constraint waiting_room_entry_appointment_key unique (appointment_id),
    constraint waiting_room_entry_visit_key unique (visit_id),
    -- Each stage reached has its time; nobody is done without having arrived.
    constraint waiting_room_entry_stage_times check (
      (stage = 'expected') = (arrived_at is null)
      and (stage <> 'in_room' or in_room_at is not null)
      and (stage <> 'with_provider' or with_provider_at is not null)
      and (stage = 'done') = (done_at is not null)
    ),
    constraint waiting_room_entry_times_order check (
      coalesce(in_room_at, with_provider_at, done_at, arrived_at) >= arrived_at
      and coalesce(with_provider_at, done_at, in_room_at) >= in_room_at
      and coalesce(done_at, with_provider_at) >= with_provider_at
    )
  )`,
  `create index waiting_room_entry_office_idx on waiting_room_entry (organization_id, office_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists waiting_room_entry`.execute(db);
}
