/**
 * Foundation: organizations, offices and departments, better-auth's tables, staff and their
 * assignments, clients, and the audit log.
 *
 * Frozen in time: this file imports nothing from the application or the domain; the role,
 * locale and kind lists below are copies as of this date. It runs on PostgreSQL 15+ and on PGlite
 * (PostgreSQL 18): no uuidv7(), no syntax newer than 15.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `create extension if not exists pg_trgm`,
  `create extension if not exists btree_gist`,

  `create table organization (
    id uuid primary key default gen_random_uuid(),
    name text not null check (length(btrim(name)) between 1 and 200),
    created_at timestamptz not null default now()
  )`,

  `create table office (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    name text not null check (length(btrim(name)) between 1 and 200),
    kind text not null check (kind in ('medical', 'legal', 'education', 'small_business')),
    locale text not null check (locale in ('en', 'es', 'it')),
    time_zone text not null check (time_zone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    fiscal_name text not null check (length(btrim(fiscal_name)) between 1 and 200),
    tax_id text not null check (length(btrim(tax_id)) between 2 and 32),
    address jsonb not null check (jsonb_typeof(address) = 'object'),
    phone text check (length(phone) <= 32),
    email text check (email ~ '^[^@\\s]+@[^@\\s]+$'),
    created_at timestamptz not null default now(),
    constraint office_id_organization_key unique (id, organization_id)
  )`,
  `create index office_organization_idx on office (organization_id)`,

  `create table department (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    name text not null check (length(btrim(name)) between 1 and 200),
    extension text check (extension ~ '^[0-9]{1,10}$'),
    created_at timestamptz not null default now(),
    constraint department_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint department_office_name_key unique (office_id, name),
    constraint department_office_extension_key unique (office_id, extension),
    constraint department_id_office_key unique (id, office_id)
  )`,

  // better-auth 1.7 (user, session, account, verification, rateLimit) with snake_case columns.
  `create table auth_user (
    id text primary key,
    name text not null,
    email text not null unique,
    email_verified boolean not null default false,
    image text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table auth_session (
    id text primary key,
    user_id text not null references auth_user (id) on delete cascade,
    token text not null unique,
    expires_at timestamptz not null,
    ip_address text,
    user_agent text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index auth_session_user_idx on auth_session (user_id)`,
  `create table auth_account (
    id text primary key,
    user_id text not null references auth_user (id) on delete cascade,
    account_id text not null,
    provider_id text not null,
    access_token text,
    refresh_token text,
    id_token text,
    access_token_expires_at timestamptz,
    refresh_token_expires_at timestamptz,
    scope text,
    password text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint auth_account_provider_account_key unique (provider_id, account_id)
  )`,
  `create index auth_account_user_idx on auth_account (user_id)`,
  `create table auth_verification (
    id text primary key,
    identifier text not null,
    value text not null,
    expires_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index auth_verification_identifier_idx on auth_verification (identifier)`,
  `create table auth_rate_limit (
    id text primary key,
    key text not null unique,
    count integer not null,
    last_request bigint not null
  )`,

  `create table staff (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    user_id text not null unique references auth_user (id),
    display_name text not null check (length(btrim(display_name)) between 1 and 200),
    email text not null check (email ~ '^[^@\\s]+@[^@\\s]+$'),
    roles text[] not null check (
      cardinality(roles) > 0
      and array_position(roles, null) is null
      and roles <@ array['owner', 'manager', 'receptionist', 'file_clerk', 'administrative_assistant', 'employee']::text[]
    ),
    locale text not null check (locale in ('en', 'es', 'it')),
    time_zone text not null check (time_zone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    constraint staff_id_organization_key unique (id, organization_id)
  )`,
  `create unique index staff_organization_email_key on staff (organization_id, lower(email))`,

  `create table staff_assignment (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    office_id uuid not null,
    department_id uuid,
    created_at timestamptz not null default now(),
    constraint staff_assignment_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint staff_assignment_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint staff_assignment_department_fkey foreign key (department_id, office_id)
      references department (id, office_id) on delete cascade,
    constraint staff_assignment_key unique nulls not distinct (staff_id, office_id, department_id)
  )`,
  `create index staff_assignment_office_idx on staff_assignment (office_id)`,

  `create table client (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid,
    kind text not null check (kind in ('person', 'company')),
    given_name text check (length(given_name) <= 200),
    family_name text check (length(family_name) <= 200),
    company_name text check (length(company_name) <= 300),
    display_name text not null check (length(btrim(display_name)) between 1 and 400),
    phones jsonb not null default '[]' check (jsonb_typeof(phones) = 'array'),
    emails jsonb not null default '[]' check (jsonb_typeof(emails) = 'array'),
    addresses jsonb not null default '[]' check (jsonb_typeof(addresses) = 'array'),
    preferred_locale text not null default 'en' check (preferred_locale in ('en', 'es', 'it')),
    national_id text check (length(national_id) <= 32),
    national_id_type text,
    notes text not null default '' check (length(notes) <= 10000),
    details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
    search_text text not null default '',
    version integer not null default 1 check (version >= 1),
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    updated_by uuid,
    constraint client_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint client_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint client_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id),
    constraint client_national_id_typed check ((national_id is null) = (national_id_type is null)),
    constraint client_person_named check (kind <> 'person' or coalesce(given_name, family_name) is not null),
    constraint client_company_named check (kind <> 'company' or company_name is not null)
  )`,
  `create index client_organization_archived_idx on client (organization_id, archived_at)`,
  `create index client_office_idx on client (office_id)`,
  `create index client_organization_national_id_idx on client (organization_id, national_id) where national_id is not null`,
  // fastupdate off: new rows go straight into the index instead of a pending list that only a
  // VACUUM merges (PGlite has no autovacuum); with a pending list, search after an import
  // fell back to a sequential scan, 20-50x slower (apps/server/bench).
  `create index client_search_text_trgm_idx on client using gin (search_text gin_trgm_ops) with (fastupdate = off)`,
  // The everyday list: an organization's most recently changed clients.
  `create index client_recent_idx on client (organization_id, updated_at desc, id)`,

  `create table audit_log (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    actor_staff_id uuid,
    entity_type text not null check (length(entity_type) between 1 and 100),
    entity_id text not null check (length(entity_id) between 1 and 200),
    action text not null check (length(action) between 1 and 100),
    changes jsonb not null default '{}' check (jsonb_typeof(changes) = 'object'),
    request_id text,
    at timestamptz not null default now(),
    -- Insertion order: several entries can share one instant (one transaction, one clock tick).
    seq bigint generated always as identity,
    constraint audit_log_actor_fkey foreign key (actor_staff_id, organization_id)
      references staff (id, organization_id)
  )`,
  `create index audit_log_entity_idx on audit_log (organization_id, entity_type, entity_id, at)`,
  `create function audit_log_refuse_update() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = '55000';
    end
  $$`,
  `create trigger audit_log_append_only before update on audit_log
    for each row execute function audit_log_refuse_update()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The extensions stay: other objects in the database may use them.
  for (const table of [
    "audit_log",
    "client",
    "staff_assignment",
    "staff",
    "auth_rate_limit",
    "auth_verification",
    "auth_account",
    "auth_session",
    "auth_user",
    "department",
    "office",
    "organization",
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists audit_log_refuse_update()`.execute(db);
}
