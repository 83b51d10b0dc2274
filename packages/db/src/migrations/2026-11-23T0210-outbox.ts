/**
 * Outgoing messages and calendar feeds: the outbox (email and SMS waiting to be sent, sent, or
 * given up on), the office's reminder lead time, and private iCalendar feeds per staff member.
 *
 * Frozen in time: this file imports nothing from the application or the domain; the channel,
 * status and locale lists are copies as of this date. Runs on PostgreSQL 15+ and on PGlite.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  // How long before an appointment its reminder goes out; 24 hours unless the office says so.
  `alter table office add column reminder_lead_minutes integer not null default 1440
    check (reminder_lead_minutes between 0 and 20160)`,

  // One row per message. The runner claims due rows with FOR UPDATE SKIP LOCKED and a lease
  // (locked_until), so a runner that dies mid-send leaves rows another runner retries.
  `create table outbox_message (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    channel text not null check (channel in ('email', 'sms')),
    recipient text not null check (length(btrim(recipient)) between 1 and 320),
    subject text check (length(subject) <= 300),
    body_text text not null check (length(body_text) <= 20000),
    body_html text check (length(body_html) <= 100000),
    locale text not null check (locale in ('en', 'es', 'it')),
    dedupe_key text check (length(dedupe_key) between 1 and 300),
    status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'dead')),
    attempts integer not null default 0 check (attempts >= 0),
    max_attempts integer not null default 5 check (max_attempts between 1 and 50),
    run_after timestamptz not null default now(),
    locked_until timestamptz,
    last_error text check (length(last_error) <= 1000),
    transport text check (length(transport) <= 40),
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    constraint outbox_message_dedupe_key unique (organization_id, channel, dedupe_key),
    constraint outbox_message_sent_at check ((status = 'sent') = (sent_at is not null)),
    constraint outbox_message_lease check ((status = 'sending') = (locked_until is not null))
  )`,
  `create index outbox_message_due_idx on outbox_message (run_after) where status in ('pending', 'sending')`,
  `create index outbox_message_organization_idx on outbox_message (organization_id, created_at)`,

  // A private feed URL carries a random token; only its SHA-256 is kept.
  `create table calendar_feed (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    staff_id uuid not null,
    token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by uuid,
    created_at timestamptz not null default now(),
    revoked_at timestamptz,
    constraint calendar_feed_staff_fkey foreign key (staff_id, organization_id)
      references staff (id, organization_id) on delete cascade,
    constraint calendar_feed_token_hash_key unique (token_hash)
  )`,
  `create index calendar_feed_staff_idx on calendar_feed (organization_id, staff_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists calendar_feed`.execute(db);
  await sql`drop table if exists outbox_message`.execute(db);
  await sql`alter table office drop column if exists reminder_lead_minutes`.execute(db);
}
