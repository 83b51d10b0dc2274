/**
 * Resources: rooms and equipment of an office that appointments take (a dental chair, a meeting
 * room, a group room with seats), which services need them, and which one an appointment holds.
 *
 * A resource has no hours of its own: it is available whenever the staff member booked with it
 * works. Double booking of a room is impossible in the database: an exclusion constraint refuses
 * two live appointments holding the same seat of the same resource over overlapping blocked
 * ranges. A resource with capacity 1 has one seat; a group room with capacity n has seats 1..n
 * (the server picks the lowest free one; a trigger refuses a seat above the capacity).
 *
 * Frozen in time: imports nothing from the application; the status lists are copies as of this
 * date. Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create table resource (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    name text not null check (length(btrim(name)) between 1 and 120),
    kind text not null default 'room' check (kind in ('room', 'equipment')),
    -- Bookings at once: 1 = one at a time; more = a group room with that many seats.
    capacity integer not null default 1 check (capacity between 1 and 500),
    active boolean not null default true,
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint resource_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint resource_office_name_key unique (office_id, name),
    constraint resource_id_organization_key unique (id, organization_id),
    constraint resource_id_office_key unique (id, office_id)
  )`,
  `create index resource_organization_idx on resource (organization_id, office_id)`,

  // A service needs one of these resources (of its own office) besides its staff member.
  `create table service_resource (
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    service_id uuid not null,
    resource_id uuid not null,
    primary key (service_id, resource_id),
    constraint service_resource_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint service_resource_service_fkey foreign key (service_id, office_id)
      references service (id, office_id) on delete cascade,
    constraint service_resource_resource_fkey foreign key (resource_id, office_id)
      references resource (id, office_id) on delete cascade
  )`,
  `create index service_resource_resource_idx on service_resource (resource_id)`,

  `alter table appointment add column resource_id uuid`,
  `alter table appointment add column resource_seat integer`,
  `alter table appointment add constraint appointment_resource_fkey foreign key (resource_id, office_id)
    references resource (id, office_id)`,
  `alter table appointment add constraint appointment_resource_seat_check
    check ((resource_id is null) = (resource_seat is null) and (resource_seat is null or resource_seat >= 1))`,
  `alter table appointment add constraint appointment_resource_no_overlap
    exclude using gist (resource_id with =, resource_seat with =, blocked with &&)
    where (resource_id is not null and status not in ('cancelled', 'no_show'))`,
  `create index appointment_resource_idx on appointment (resource_id, blocked_from) where resource_id is not null`,

  // A seat must exist: at most the resource's capacity. The row lock (FOR SHARE) orders this
  // check after a concurrent change of the capacity, whose transaction holds FOR UPDATE and
  // refuses to go below a booked seat (RESOURCE_CAPACITY_IN_USE), so neither can slip past.
  `create function appointment_resource_seat_within_capacity() returns trigger language plpgsql as $$
  begin
    if new.resource_id is not null and new.resource_seat > (select capacity from resource where id = new.resource_id for share) then
      raise exception 'seat % is beyond the capacity of resource %', new.resource_seat, new.resource_id
        using errcode = 'check_violation', constraint = 'appointment_resource_seat_capacity';
    end if;
    return new;
  end
  $$`,
  `create trigger appointment_resource_seat_capacity
    before insert or update of resource_id, resource_seat on appointment
    for each row execute function appointment_resource_seat_within_capacity()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists appointment_resource_seat_capacity on appointment`.execute(db);
  await sql`drop function if exists appointment_resource_seat_within_capacity()`.execute(db);
  await sql`drop index if exists appointment_resource_idx`.execute(db);
  for (const constraint of ["appointment_resource_no_overlap", "appointment_resource_seat_check", "appointment_resource_fkey"]) {
    await sql`alter table appointment drop constraint if exists ${sql.ref(constraint)}`.execute(db);
  }
  await sql`alter table appointment drop column if exists resource_seat`.execute(db);
  await sql`alter table appointment drop column if exists resource_id`.execute(db);
  await sql`drop table if exists service_resource`.execute(db);
  await sql`drop table if exists resource`.execute(db);
}
