/**
 * Money at the desk: payment settings per office, the product catalog, charges and their lines,
 * payments, refunds, receipts with gap-free numbers, the double-entry ledger, idempotency keys,
 * and the daily close-out of each desk.
 *
 * What the database itself guarantees here, not only the code:
 * - no card number or security code is stored: a payment keeps a gateway token, brand, last four
 *   digits and expiry; checks refuse a `card_last4` that is not four digits and any run of 12 or
 *   more digits in the token, the approval code or a free-text note;
 * - a refund never exceeds what was captured (`refunded_minor <= amount_minor`);
 * - receipts are unique per office, series, year and number, and can be neither updated nor
 *   deleted (a correction is a new receipt in its own series that references the original);
 * - receipt numbers come from one `receipt_counter` row per office, series and year, taken inside
 *   the payment's transaction (a rolled-back payment gives its number back: no gaps), never from a
 *   sequence, which leaves gaps;
 * - every ledger transaction sums to zero per currency when it commits (a deferred constraint
 *   trigger), and ledger entries can be neither updated nor deleted;
 * - once a desk's day is signed off, no payment, capture, void or refund can be recorded on it:
 *   the `cash_close_out` row of that office, desk and date is share-locked by every such write
 *   (a trigger), and the sign-off updates it, so the two are serialized.
 *
 * Frozen in time: imports nothing from the application; the status, method and reason lists are
 * copies as of this date. Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).
 */
import { sql, type Kysely } from "kysely";

/** A run of 12+ digits: what a card number (even partly masked) would look like. */
const NO_CARD_NUMBER = `!~ '[0-9]{12,}'`;

const statements = [
  `alter table office
    add column prices_include_tax boolean not null default true,
    add column refund_approval_threshold_minor integer not null default 0
      constraint office_refund_approval_threshold_check check (refund_approval_threshold_minor >= 0)`,

  `create table product (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    name text not null check (length(btrim(name)) between 1 and 120),
    unit_price_minor integer not null check (unit_price_minor >= 0),
    -- VAT/IVA in basis points: 2100 = 21 %.
    tax_rate_bp integer not null check (tax_rate_bp between 0 and 10000),
    -- The bookable service this product prices, if any: an appointment is charged through it.
    service_id uuid,
    active boolean not null default true,
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint product_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint product_service_fkey foreign key (service_id, office_id)
      references service (id, office_id),
    constraint product_office_name_key unique (office_id, name),
    constraint product_id_organization_key unique (id, organization_id)
  )`,
  `create index product_organization_idx on product (organization_id, office_id)`,
  `create unique index product_service_key on product (service_id) where service_id is not null and active`,

  `create table charge (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    -- Null: a walk-in customer, named in walk_in_name if they gave a name.
    client_id uuid,
    walk_in_name text check (length(walk_in_name) <= 200),
    appointment_id uuid,
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    prices_include_tax boolean not null,
    net_minor integer not null check (net_minor >= 0),
    tax_minor integer not null check (tax_minor >= 0),
    total_minor integer not null check (total_minor >= 0 and total_minor = net_minor + tax_minor),
    -- The tax breakdown per rate, as computed by @frontoffice/payments.
    tax_breakdown jsonb not null check (jsonb_typeof(tax_breakdown) = 'array'),
    status text not null default 'open' check (status in ('open', 'paid', 'cancelled')),
    created_by uuid,
    created_at timestamptz not null default now(),
    constraint charge_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint charge_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id),
    constraint charge_appointment_fkey foreign key (appointment_id, organization_id)
      references appointment (id, organization_id),
    constraint charge_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint charge_id_organization_key unique (id, organization_id),
    constraint charge_walk_in_check check (client_id is null or walk_in_name is null)
  )`,
  `create index charge_client_idx on charge (organization_id, client_id, created_at)`,
  `create index charge_office_idx on charge (organization_id, office_id, created_at desc)`,
  `create unique index charge_appointment_key on charge (appointment_id) where appointment_id is not null and status <> 'cancelled'`,

  `create table charge_line (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    charge_id uuid not null,
    position integer not null check (position >= 0),
    product_id uuid,
    description text not null check (length(btrim(description)) between 1 and 200),
    -- Up to three decimals (1.5 hours, 0.250 kg).
    quantity numeric(12, 3) not null check (quantity > 0),
    unit_price_minor integer not null check (unit_price_minor >= 0),
    discount_minor integer not null default 0 check (discount_minor >= 0),
    tax_rate_bp integer not null check (tax_rate_bp between 0 and 10000),
    net_minor integer not null check (net_minor >= 0),
    tax_minor integer not null check (tax_minor >= 0),
    total_minor integer not null check (total_minor >= 0 and total_minor = net_minor + tax_minor),
    constraint charge_line_charge_fkey foreign key (charge_id, organization_id)
      references charge (id, organization_id) on delete cascade,
    constraint charge_line_product_fkey foreign key (product_id, organization_id)
      references product (id, organization_id),
    constraint charge_line_position_key unique (charge_id, position)
  )`,

  `create table receipt (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    series text not null check (series ~ '^[A-Z]{1,3}$'),
    year integer not null check (year between 2000 and 9999),
    number integer not null check (number >= 1),
    -- The number as printed, e.g. 2026-F-000123.
    display_number text not null check (length(display_number) between 1 and 40),
    kind text not null check (kind in ('sale', 'correction')),
    corrects_receipt_id uuid,
    charge_id uuid,
    payment_id uuid,
    refund_id uuid,
    client_id uuid,
    locale text not null check (locale in ('en', 'es', 'it')),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    -- Signed: a correction's total is negative.
    total_minor integer not null,
    -- Exactly what was printed: office identity, number, lines, taxes, totals, payment method.
    snapshot jsonb not null check (jsonb_typeof(snapshot) = 'object' and snapshot::text ${NO_CARD_NUMBER}),
    issued_at timestamptz not null default now(),
    issued_by uuid,
    constraint receipt_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint receipt_number_key unique (office_id, series, year, number),
    constraint receipt_id_organization_key unique (id, organization_id),
    constraint receipt_corrects_fkey foreign key (corrects_receipt_id, organization_id)
      references receipt (id, organization_id),
    constraint receipt_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id),
    constraint receipt_issued_by_fkey foreign key (issued_by, organization_id)
      references staff (id, organization_id),
    constraint receipt_correction_check check ((kind = 'correction') = (corrects_receipt_id is not null))
  )`,
  `create index receipt_office_issued_idx on receipt (organization_id, office_id, issued_at desc)`,
  `create index receipt_payment_idx on receipt (payment_id)`,
  `create function receipt_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'receipts are immutable: issue a correction instead' using errcode = '55000';
    end
  $$`,
  `create trigger receipt_immutable before update or delete on receipt
    for each row execute function receipt_refuse_change()`,

  `create table receipt_counter (
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    series text not null check (series ~ '^[A-Z]{1,3}$'),
    year integer not null check (year between 2000 and 9999),
    -- The number the next receipt of this series and year gets.
    next_number integer not null default 1 check (next_number >= 1),
    primary key (office_id, series, year),
    constraint receipt_counter_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade
  )`,

  // One row per office, desk and office-local business date: created by the day's first payment
  // (see desk_day_guard below), counted by staff, then signed off by a manager.
  `create table cash_close_out (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    desk text not null check (desk ~ '^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$'),
    business_date date not null,
    currency text,
    -- { cash: 1234, card: 5000, … } in minor units, as computed when counted and at sign-off.
    expected jsonb check (jsonb_typeof(expected) = 'object'),
    counted_cash_minor integer check (counted_cash_minor >= 0),
    -- counted − expected cash: negative when cash is missing.
    discrepancy_minor integer,
    note text not null default '' check (length(note) <= 2000 and note ${NO_CARD_NUMBER}),
    closed_by uuid,
    closed_at timestamptz,
    signed_off_by uuid,
    signed_off_at timestamptz,
    created_at timestamptz not null default now(),
    constraint cash_close_out_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint cash_close_out_closed_by_fkey foreign key (closed_by, organization_id)
      references staff (id, organization_id),
    constraint cash_close_out_signed_off_by_fkey foreign key (signed_off_by, organization_id)
      references staff (id, organization_id),
    constraint cash_close_out_desk_day_key unique (office_id, desk, business_date),
    constraint cash_close_out_counted_check check (
      (closed_at is null) = (counted_cash_minor is null)
      and (closed_at is null) = (closed_by is null)
      and (closed_at is null) = (expected is null)
      and (closed_at is null) = (discrepancy_minor is null)
    ),
    constraint cash_close_out_signed_off_check check (
      (signed_off_at is null) = (signed_off_by is null) and (signed_off_at is null or closed_at is not null)
    )
  )`,

  `create table payment (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    charge_id uuid not null,
    client_id uuid,
    desk text not null check (desk ~ '^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$'),
    business_date date not null,
    method text not null check (method in ('cash', 'check', 'terminal', 'card')),
    gateway text not null check (gateway ~ '^[a-z][a-z_]{1,31}$'),
    status text not null check (status in ('pending', 'authorized', 'captured', 'partially_refunded', 'refunded', 'voided', 'failed')),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    amount_minor integer not null check (amount_minor > 0),
    refunded_minor integer not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
    -- Cash: what the client handed over, and the change given back.
    tendered_minor integer check (tendered_minor >= amount_minor),
    change_minor integer check (change_minor >= 0),
    -- Cards: only what identifies the card to a person and the gateway's token; never the number or CVC.
    card_brand text check (card_brand ~ '^[a-z_]{2,20}$'),
    card_last4 text check (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month integer check (card_exp_month between 1 and 12),
    card_exp_year integer check (card_exp_year between 2000 and 2100),
    gateway_token text check (length(gateway_token) <= 200 and gateway_token ${NO_CARD_NUMBER}),
    -- The gateway's id of the payment, which capture, void and refund name.
    gateway_transaction_id text check (length(gateway_transaction_id) <= 200 and gateway_transaction_id ${NO_CARD_NUMBER}),
    -- Terminal approval code or check number, as staff typed it.
    reference text check (length(reference) <= 40 and reference ${NO_CARD_NUMBER}),
    decline_code text check (decline_code ~ '^[a-z_]{2,40}$'),
    created_by uuid,
    created_at timestamptz not null default now(),
    captured_at timestamptz,
    voided_at timestamptz,
    constraint payment_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint payment_charge_fkey foreign key (charge_id, organization_id)
      references charge (id, organization_id),
    constraint payment_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id),
    constraint payment_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint payment_id_organization_key unique (id, organization_id),
    constraint payment_card_check check (
      (method in ('card', 'terminal')) = (card_last4 is not null)
      and (card_exp_month is null) = (card_exp_year is null)
    ),
    constraint payment_refund_status_check check (
      (refunded_minor = 0 or status in ('partially_refunded', 'refunded'))
      and (status <> 'refunded' or refunded_minor = amount_minor)
    ),
    constraint payment_failed_check check ((status = 'failed') = (decline_code is not null))
  )`,
  `create index payment_charge_idx on payment (charge_id)`,
  `create index payment_desk_day_idx on payment (office_id, desk, business_date)`,
  `create index payment_client_idx on payment (organization_id, client_id, created_at)`,

  `create table refund (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    payment_id uuid not null,
    desk text not null check (desk ~ '^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$'),
    business_date date not null,
    amount_minor integer not null check (amount_minor > 0),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    reason text not null check (reason in ('customer_request', 'keying_error', 'duplicate', 'other')),
    note text not null default '' check (length(note) <= 2000 and note ${NO_CARD_NUMBER}),
    status text not null check (status in ('pending_approval', 'completed', 'rejected')),
    -- Once completed: how much of it was base and tax per VAT rate (what the correction states).
    tax_breakdown jsonb check (jsonb_typeof(tax_breakdown) = 'array'),
    requested_by uuid,
    approved_by uuid,
    created_at timestamptz not null default now(),
    decided_at timestamptz,
    constraint refund_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint refund_payment_fkey foreign key (payment_id, organization_id)
      references payment (id, organization_id),
    constraint refund_requested_by_fkey foreign key (requested_by, organization_id)
      references staff (id, organization_id),
    constraint refund_approved_by_fkey foreign key (approved_by, organization_id)
      references staff (id, organization_id),
    constraint refund_id_organization_key unique (id, organization_id),
    constraint refund_decided_check check ((status = 'pending_approval') = (decided_at is null))
  )`,
  `create index refund_payment_idx on refund (payment_id)`,
  `create index refund_desk_day_idx on refund (office_id, desk, business_date)`,

  // A desk's day is open until signed off. Every payment written (and every capture or void) and
  // every completed refund share-locks the day's close-out row, creating it on first use; a
  // sign-off updates that row, so it waits for writes in flight, and writes after it see it.
  `create function desk_day_guard(p_organization uuid, p_office uuid, p_desk text, p_date date) returns void
    language plpgsql as $$
    declare
      signed timestamptz;
    begin
      insert into cash_close_out (organization_id, office_id, desk, business_date)
        values (p_organization, p_office, p_desk, p_date)
        on conflict (office_id, desk, business_date) do nothing;
      select signed_off_at into signed from cash_close_out
        where office_id = p_office and desk = p_desk and business_date = p_date
        for share;
      if signed is not null then
        raise exception 'the day % of desk % is closed', p_date, p_desk using errcode = 'FO001';
      end if;
    end
  $$`,
  `create function payment_desk_day_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' or (new.status is distinct from old.status and new.status in ('captured', 'voided')) then
        perform desk_day_guard(new.organization_id, new.office_id, new.desk, new.business_date);
      end if;
      return new;
    end
  $$`,
  `create trigger payment_desk_day_open before insert or update on payment
    for each row execute function payment_desk_day_guard()`,
  `create function refund_desk_day_guard() returns trigger language plpgsql as $$
    begin
      if new.status = 'completed' and (tg_op = 'INSERT' or old.status is distinct from 'completed') then
        perform desk_day_guard(new.organization_id, new.office_id, new.desk, new.business_date);
      end if;
      return new;
    end
  $$`,
  `create trigger refund_desk_day_open before insert or update on refund
    for each row execute function refund_desk_day_guard()`,

  `create table ledger_entry (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid not null,
    -- The entries of one posting share a transaction id and sum to zero per currency.
    transaction_id uuid not null,
    account text not null check (account ~ '^[a-z][a-z_]*(:[A-Za-z0-9_-]+)*$'),
    client_id uuid,
    -- Signed: debits positive, credits negative.
    amount_minor integer not null check (amount_minor <> 0),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    business_date date not null,
    kind text not null check (kind ~ '^[a-z_]{2,40}$'),
    charge_id uuid,
    payment_id uuid,
    refund_id uuid,
    created_at timestamptz not null default now(),
    seq bigint generated always as identity,
    constraint ledger_entry_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id),
    constraint ledger_entry_client_fkey foreign key (client_id, organization_id)
      references client (id, organization_id)
  )`,
  `create index ledger_entry_transaction_idx on ledger_entry (transaction_id)`,
  `create index ledger_entry_client_idx on ledger_entry (organization_id, client_id, account)`,
  `create index ledger_entry_day_idx on ledger_entry (organization_id, office_id, business_date)`,
  `create function ledger_entry_check_balanced() returns trigger language plpgsql as $$
    begin
      if exists (
        select 1 from ledger_entry where transaction_id = new.transaction_id
        group by currency having sum(amount_minor) <> 0
      ) then
        raise exception 'ledger transaction % does not balance', new.transaction_id using errcode = '23514';
      end if;
      return null;
    end
  $$`,
  `create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred
    for each row execute function ledger_entry_check_balanced()`,
  `create function ledger_entry_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'ledger entries are append-only: post a reversal instead' using errcode = '55000';
    end
  $$`,
  `create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_refuse_change()`,

  `create table idempotency_key (
    organization_id uuid not null references organization (id) on delete cascade,
    key text not null check (length(key) between 8 and 200),
    procedure text not null check (length(procedure) between 1 and 100),
    -- SHA-256 of the procedure's input with card data already reduced to its summary.
    request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
    -- The first call's outcome, returned to every replay; null only inside the first call's transaction.
    result jsonb,
    created_at timestamptz not null default now(),
    primary key (organization_id, key)
  )`,
  `create index idempotency_key_created_idx on idempotency_key (created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["idempotency_key", "ledger_entry", "refund", "payment", "cash_close_out", "receipt_counter", "receipt", "charge_line", "charge", "product"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  for (const fn of ["ledger_entry_refuse_change", "ledger_entry_check_balanced", "refund_desk_day_guard", "payment_desk_day_guard", "receipt_refuse_change"]) {
    await sql`drop function if exists ${sql.raw(fn)}()`.execute(db);
  }
  await sql`drop function if exists desk_day_guard(uuid, uuid, text, date)`.execute(db);
  await sql`alter table office drop column if exists refund_approval_threshold_minor, drop column if exists prices_include_tax`.execute(db);
}
