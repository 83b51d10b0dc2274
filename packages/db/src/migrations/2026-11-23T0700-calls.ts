/**
 * Calls: what `@frontoffice/routing` decides on (office and department call hours, queue
 * strategies and time-outs, staff extensions, languages, skills and live presence, ordered
 * routing rules), the phone systems that report calls (telephony endpoints with their shared
 * secrets), the calls themselves on the office's lines with an append-only event log (the raw
 * facts the front office analysis reads: offered, answered, transferred, ended, outcome, who),
 * and the messages taken for someone who was out.
 *
 * Live invariants kept by the database:
 * - a line carries one live call at a time (a partial unique index on office and line), so two
 *   calls arriving at once never share a line: the loser takes the next one;
 * - a call's status, outcome and end time agree (check), and a provider's call id is recorded
 *   once (unique), so a phone system retrying its webhook never makes a second call;
 * - the event log is append-only (trigger).
 *
 * Frozen in time: this file imports nothing from the application or the domain.
 */
import { sql, type Kysely } from "kysely";

const WEEKDAYS_9_TO_18 = `{"monday":[{"start":"09:00","end":"18:00"}],"tuesday":[{"start":"09:00","end":"18:00"}],"wednesday":[{"start":"09:00","end":"18:00"}],"thursday":[{"start":"09:00","end":"18:00"}],"friday":[{"start":"09:00","end":"18:00"}]}`;

const statements = [
  `alter table department add constraint department_id_organization_key unique (id, organization_id)`,
  `alter table office
    add column call_hours jsonb not null default '${WEEKDAYS_9_TO_18}' check (jsonb_typeof(call_hours) = 'object'),
    add column call_holidays jsonb not null default '[]' check (jsonb_typeof(call_holidays) = 'array'),
    add column call_lines integer not null default 4 check (call_lines between 1 and 32),
    add column call_max_overflow_hops integer not null default 3 check (call_max_overflow_hops between 0 and 10)`,
  `alter table department
    add column queue_strategy text not null default 'ring_all' check (queue_strategy in ('ring_all', 'longest_idle', 'round_robin')),
    add column timeout_seconds integer not null default 30 check (timeout_seconds between 1 and 3600),
    add column overflow jsonb check (overflow is null or jsonb_typeof(overflow) = 'object'),
    add column call_hours jsonb check (call_hours is null or jsonb_typeof(call_hours) = 'object')`,
  `alter table staff
    add column extension text check (extension ~ '^[0-9]{2,6}$'),
    add column languages text[] not null default '{}',
    add column skills text[] not null default '{}'`,
  `create unique index staff_extension_key on staff (organization_id, extension) where extension is not null`,
  // One row per staff member: what the routing engine reads as their live state.
  `create table staff_presence (
    staff_id uuid primary key,
    organization_id uuid not null references organization (id) on delete cascade,
    status text not null default 'off_shift' check (status in ('available', 'busy', 'on_break', 'off_shift')),
    changed_at timestamptz not null default now(),
    idle_since timestamptz,
    last_offered_at timestamptz,
    constraint staff_presence_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade
  )`,
  `create table routing_rule (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    position integer not null check (position >= 0),
    name text not null check (length(btrim(name)) between 1 and 120),
    match jsonb not null default '{}' check (jsonb_typeof(match) = 'object'),
    action jsonb not null check (jsonb_typeof(action) = 'object'),
    active boolean not null default true,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    constraint routing_rule_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint routing_rule_position_key unique (office_id, position) deferrable initially deferred
  )`,
  // A phone system allowed to report an office's calls. The secret signs its webhooks (HMAC for
  // the generic format, Twilio's auth token for Twilio's): it must be kept to check signatures.
  `create table telephony_endpoint (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    provider text not null check (provider in ('generic', 'twilio')),
    label text not null check (length(btrim(label)) between 1 and 120),
    secret text not null check (length(secret) between 16 and 200),
    created_by uuid,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    constraint telephony_endpoint_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint telephony_endpoint_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id)
  )`,
  `create table call (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    -- Where it came from: a telephony endpoint, or the in-app simulator (no endpoint).
    source text not null check (source in ('generic', 'twilio', 'simulator')),
    endpoint_id uuid references telephony_endpoint (id) on delete set null,
    external_id text not null check (length(external_id) between 1 and 128),
    line integer not null check (line between 1 and 32),
    direction text not null default 'inbound' check (direction in ('inbound')),
    -- E.164, or null when the number was withheld.
    caller_number text check (caller_number ~ '^\\+[1-9][0-9]{6,14}$'),
    caller_name text check (length(caller_name) <= 200),
    dialled text check (length(dialled) <= 32),
    extension text check (extension ~ '^[0-9]{2,6}$'),
    language text check (language in ('en', 'es', 'it')),
    ivr_choice text check (length(ivr_choice) <= 32),
    client_id uuid,
    vip boolean not null default false,
    department_id uuid,
    staff_id uuid,
    status text not null check (status in ('ringing', 'queued', 'connected', 'on_hold', 'transferring', 'ended')),
    outcome text check (outcome in ('answered', 'abandoned', 'missed', 'voicemail', 'callback', 'message', 'closed', 'rejected')),
    overflow_hops integer not null default 0 check (overflow_hops >= 0),
    -- The last routing decision with its explanation, as @frontoffice/routing returned it.
    decision jsonb,
    -- An announced (consultative) or blind transfer under way: target and who started it.
    transfer jsonb,
    offered_at timestamptz not null,
    answered_at timestamptz,
    answered_by uuid,
    ended_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    constraint call_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint call_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id) on delete set null (client_id),
    constraint call_department_fkey foreign key (department_id, organization_id)
      references department (id, organization_id) on delete set null (department_id),
    constraint call_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id),
    constraint call_answered_by_fkey foreign key (answered_by, organization_id)
      references staff (id, organization_id),
    constraint call_external_key unique (organization_id, source, external_id),
    constraint call_id_organization_key unique (id, organization_id),
    constraint call_answered_after_offered check (answered_at >= offered_at),
    constraint call_ended_after_offered check (ended_at >= offered_at),
    constraint call_ended_consistent check ((status = 'ended') = (ended_at is not null) and (status = 'ended') = (outcome is not null)),
    constraint call_connected_answered check (status not in ('connected', 'on_hold', 'transferring') or answered_at is not null)
  )`,
  // One live call per line: the loser of two simultaneous arrivals takes the next line.
  `create unique index call_live_line_key on call (office_id, line) where status <> 'ended'`,
  `create index call_office_offered_idx on call (organization_id, office_id, offered_at desc)`,
  `create index call_client_idx on call (organization_id, client_id, offered_at desc) where client_id is not null`,
  `create index call_caller_idx on call (organization_id, caller_number, offered_at desc) where caller_number is not null`,
  `create table call_event (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    call_id uuid not null,
    kind text not null check (kind in ('offered', 'routed', 'queued', 'overflowed', 'answered', 'held', 'resumed',
      'transfer_started', 'transfer_cancelled', 'transferred', 'transfer_returned', 'message_taken',
      'callback_scheduled', 'voicemail', 'ended')),
    at timestamptz not null,
    staff_id uuid,
    department_id uuid,
    details jsonb not null default '{}',
    constraint call_event_call_fkey foreign key (call_id, organization_id)
      references call (id, organization_id) on delete cascade
  )`,
  `create index call_event_call_idx on call_event (call_id, at)`,
  `create function call_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'call events are append-only' using errcode = '55000';
    end
  $$`,
  `create trigger call_event_append_only before update on call_event
    for each row execute function call_event_refuse_change()`,
  // A message taken for someone who was out: it reaches them in the app and by email.
  `create table call_message (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    call_id uuid,
    for_staff_id uuid not null,
    caller_name text check (length(caller_name) <= 200),
    caller_number text check (caller_number ~ '^\\+[1-9][0-9]{6,14}$'),
    client_id uuid,
    body text not null check (length(btrim(body)) between 1 and 2000),
    callback_requested boolean not null default false,
    urgent boolean not null default false,
    taken_by uuid not null,
    taken_at timestamptz not null default now(),
    read_at timestamptz,
    constraint call_message_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint call_message_call_fkey foreign key (call_id, organization_id)
      references call (id, organization_id) on delete set null (call_id),
    constraint call_message_for_fkey foreign key (for_staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint call_message_taken_by_fkey foreign key (taken_by, organization_id)
      references staff (id, organization_id),
    constraint call_message_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id) on delete set null (client_id),
    constraint call_message_contact check (caller_name is not null or caller_number is not null or client_id is not null)
  )`,
  `create index call_message_for_idx on call_message (organization_id, for_staff_id, taken_at desc)`,
  // A call-back scheduled from a call keeps the call it came from.
  `alter table agenda_entry add column call_id uuid`,
  `alter table agenda_entry add constraint agenda_entry_call_fkey foreign key (call_id, organization_id)
    references call (id, organization_id) on delete set null (call_id)`,
  `alter table staff_notification drop constraint staff_notification_kind_check`,
  `alter table staff_notification add constraint staff_notification_kind_check
    check (kind in ('visitor_arrived', 'visitor_still_on_site', 'call_message'))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from staff_notification where kind = 'call_message'`.execute(db);
  await sql`alter table staff_notification drop constraint if exists staff_notification_kind_check`.execute(db);
  await sql`alter table staff_notification add constraint staff_notification_kind_check check (kind in ('visitor_arrived', 'visitor_still_on_site'))`.execute(db);
  await sql`alter table agenda_entry drop constraint if exists agenda_entry_call_fkey`.execute(db);
  await sql`alter table agenda_entry drop column if exists call_id`.execute(db);
  await sql`drop table if exists call_message`.execute(db);
  await sql`drop table if exists call_event`.execute(db);
  await sql`drop function if exists call_event_refuse_change()`.execute(db);
  await sql`drop table if exists call`.execute(db);
  await sql`drop table if exists telephony_endpoint`.execute(db);
  await sql`drop table if exists routing_rule`.execute(db);
  await sql`drop table if exists staff_presence`.execute(db);
  await sql`drop index if exists staff_extension_key`.execute(db);
  await sql`alter table staff drop column if exists extension, drop column if exists languages, drop column if exists skills`.execute(db);
  await sql`alter table department drop column if exists queue_strategy, drop column if exists timeout_seconds, drop column if exists overflow, drop column if exists call_hours`.execute(db);
  await sql`alter table department drop constraint if exists department_id_organization_key`.execute(db);
  await sql`alter table office drop column if exists call_hours, drop column if exists call_holidays, drop column if exists call_lines, drop column if exists call_max_overflow_hops`.execute(db);
}
