/**
 * The database as Kysely sees it: one interface per table, snake_case columns exactly as the
 * migrations create them (see ARCHITECTURE.md, "Data model"). Instants are `timestamptz`, read
 * as `Date`; `jsonb` columns are read as parsed values and written with `jsonb()`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  Address,
  AppointmentStatus,
  CancelReason,
  ClientAddress,
  ClientDetails,
  ClientEmail,
  ClientKind,
  ClientPhone,
  Locale,
  NationalIdType,
  OfficeKind,
  Role,
  WeekdayKey,
} from "@frontoffice/domain";
import type { JsonColumn, JsonColumnWithDefault, JsonText } from "./json.js";

/** A `timestamptz` the application always sets. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `timestamptz` that may be null. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `timestamptz` with `default now()`: optional on insert. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `timestamptz default now()` that is never changed after insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `uuid default gen_random_uuid()` primary key: optional on insert, never updated. */
export type GeneratedId = ColumnType<string, string | undefined, never>;

export interface OrganizationTable {
  id: GeneratedId;
  name: string;
  created_at: CreatedAt;
}

export interface OfficeTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  name: string;
  kind: OfficeKind;
  locale: Locale;
  /** IANA time zone, e.g. `Europe/Madrid`. */
  time_zone: string;
  /** ISO 4217, e.g. `EUR`. */
  currency: string;
  fiscal_name: string;
  tax_id: string;
  address: JsonColumn<Address>;
  phone: string | null;
  email: string | null;
  /** How long before an appointment its reminder is sent (default 1440: 24 hours). */
  reminder_lead_minutes: Generated<number>;
  /** How many days ahead clients may book (1..730, default 90). */
  booking_window_days: Generated<number>;
  /** How long before its start a booking must be made (0..10080 minutes, default 0). */
  minimum_notice_minutes: Generated<number>;
  /** The slot grid in minutes (a divisor of 1440, 5..240); null: from each service's duration. */
  slot_step_minutes: Generated<number | null>;
  /** Whether product prices already include VAT/IVA (default true). */
  prices_include_tax: Generated<boolean>;
  /** Refunds and voids above this amount (minor units) need a manager's approval; 0: all of them. */
  refund_approval_threshold_minor: Generated<number>;
  /** Days a visit's personal data is kept before the purge job clears it (1..3650, default 30). */
  visitor_retention_days: Generated<number>;
  /** A visitor waiting longer than this is flagged on the desk (1..1440 minutes, default 15). */
  visitor_wait_threshold_minutes: Generated<number>;
  /** Office-local `HH:MM` when the day ends: hosts of visitors still on site are reminded (default 19:00). */
  visitor_day_ends_at: Generated<string>;
  /** When the office answers calls: weekly hours as `@frontoffice/scheduling`'s `WeeklyHours` (default Mon–Fri 09:00–18:00). */
  call_hours: JsonColumnWithDefault<Record<string, { start: string; end: string }[]>>;
  /** Office-local dates (`YYYY-MM-DD`) the phones are closed. */
  call_holidays: JsonColumnWithDefault<string[]>;
  /** Lines on the console: calls at once (1..32, default 4); a line carries one live call. */
  call_lines: Generated<number>;
  /** Overflows one call may take before voicemail (0..10, default 3). */
  call_max_overflow_hops: Generated<number>;
  /**
   * Where a call that names no extension or department goes when no routing rule matched (the
   * main number without an IVR): a department of this office; null refuses such a call. Cleared
   * when the department is deleted.
   */
  call_default_department_id: Generated<string | null>;
  created_at: CreatedAt;
}

export interface DepartmentTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string;
  name: string;
  /** Internal phone extension, digits only. */
  extension: string | null;
  /** How the department offers a call to its free staff (routing's `QueueStrategy`). */
  queue_strategy: Generated<"ring_all" | "longest_idle" | "round_robin">;
  /** Seconds a call waits for it before it overflows (1..3600, default 30). */
  timeout_seconds: Generated<number>;
  /** Routing's `OverflowTarget`; null: the department's voicemail. */
  overflow: ColumnType<unknown, JsonText<unknown> | null | undefined, JsonText<unknown> | null>;
  /** Its own call hours (`WeeklyHours`); null: the office's. */
  call_hours: ColumnType<unknown, JsonText<unknown> | null | undefined, JsonText<unknown> | null>;
  created_at: CreatedAt;
}

// better-auth's tables. Its camelCase field names map to these columns through
// `betterAuthSchema` (./auth.ts); ids are better-auth's own text ids.

export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AuthSessionTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AuthAccountTable {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: NullableTimestamp;
  refresh_token_expires_at: NullableTimestamp;
  scope: string | null;
  /** The password hash, for `provider_id = 'credential'`. */
  password: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AuthVerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AuthRateLimitTable {
  id: string;
  key: string;
  count: number;
  /** Milliseconds since the epoch (`bigint`; read as a number on both drivers). */
  last_request: number;
}

export interface StaffTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  /** The login (`auth_user.id`); one staff member per user. */
  user_id: string;
  display_name: string;
  email: string;
  /** One or more of the domain's roles; the database rejects unknown or no roles. */
  roles: Role[];
  locale: Locale;
  time_zone: string;
  active: Generated<boolean>;
  /** Direct phone extension, 2 to 6 digits, unique in the organization. */
  extension: ColumnType<string | null, string | null | undefined, string | null>;
  /** Languages spoken, lower-case codes (`en`, `es`, `it`): a caller is offered a speaker first. */
  languages: ColumnType<string[], string[] | undefined, string[]>;
  /** Skills a routing rule can require (`billing`, `x-ray`). */
  skills: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

export interface StaffAssignmentTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  staff_id: string;
  office_id: string;
  /** Null: the whole office. */
  department_id: string | null;
  created_at: CreatedAt;
}

export interface ClientTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string | null;
  kind: ClientKind;
  given_name: string | null;
  family_name: string | null;
  company_name: string | null;
  display_name: string;
  phones: JsonColumnWithDefault<ClientPhone[]>;
  emails: JsonColumnWithDefault<ClientEmail[]>;
  addresses: JsonColumnWithDefault<ClientAddress[]>;
  preferred_locale: ColumnType<Locale, Locale | undefined, Locale>;
  national_id: string | null;
  national_id_type: NationalIdType | null;
  notes: ColumnType<string, string | undefined, string>;
  /** Per office kind: `{ medical }`, `{ legal }`, `{ education }` or `{ business }`. */
  details: JsonColumnWithDefault<ClientDetails>;
  /** Folded (lower case, no accents) text the client is found by; trigram-indexed. */
  search_text: ColumnType<string, string | undefined, string>;
  /** Optimistic concurrency: starts at 1, the service increments it on every update. */
  version: Generated<number>;
  archived_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
  created_by: string | null;
  updated_by: string | null;
}

/** Field-by-field changes recorded in the audit log. */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** Append-only: the database refuses updates. */
export interface AuditLogTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  /** Null for changes made by the system (seeds, jobs). */
  actor_staff_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: JsonColumnWithDefault<AuditChanges>;
  request_id: string | null;
  at: CreatedAt;
  /** Insertion order, for entries that share an instant. */
  seq: ColumnType<number, never, never>;
}

export type OutboxChannel = "email" | "sms";
/**
 * pending → sending (claimed, leased) → sent; or back to pending with a backoff; dead after the
 * last attempt. `failed` is reserved for a refusal no retry can fix (not produced yet).
 */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dead";

/** A message to send (email or SMS), kept after sending as the record of what went out. */
export interface OutboxMessageTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  channel: ColumnType<OutboxChannel, OutboxChannel, never>;
  recipient: ColumnType<string, string, never>;
  subject: ColumnType<string | null, string | null | undefined, never>;
  body_text: ColumnType<string, string, never>;
  body_html: ColumnType<string | null, string | null | undefined, never>;
  locale: ColumnType<Locale, Locale, never>;
  /** Unique per organization and channel: enqueueing the same key twice keeps the first message. */
  dedupe_key: ColumnType<string | null, string | null | undefined, never>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_after: DefaultTimestamp;
  /** The claiming runner's lease; past it, another runner may claim the message again. */
  locked_until: NullableTimestamp;
  last_error: string | null;
  /** How it went out: `smtp`, `log` (no mail server configured), `sandbox` (SMS sandbox)… */
  transport: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

/** A private iCalendar feed of one staff member's appointments; only the token's hash is kept. */
export interface CalendarFeedTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  staff_id: ColumnType<string, string, never>;
  /** Hex SHA-256 of the 32-byte random token in the feed's URL. */
  token_hash: ColumnType<string, string, never>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

/** Weekly hours as stored: `{ monday: [{ start: "09:00", end: "14:00" }], … }`, office-local. */
export type StoredWeeklyHours = Partial<Record<WeekdayKey, { start: string; end: string }[]>>;

/** Something that can be booked in an office: a consultation, a cleaning, a meeting. */
export interface ServiceTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  name: string;
  duration_minutes: number;
  buffer_before_minutes: ColumnType<number, number | undefined, number>;
  buffer_after_minutes: ColumnType<number, number | undefined, number>;
  price_minor: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
}

/** Which staff members perform a service. */
export interface ServiceStaffTable {
  organization_id: ColumnType<string, string, never>;
  service_id: string;
  staff_id: string;
}

/** A room or piece of equipment of an office; `capacity` > 1: a group room with seats 1..capacity. */
export interface ResourceTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  name: string;
  kind: ColumnType<"room" | "equipment", "room" | "equipment" | undefined, "room" | "equipment">;
  capacity: ColumnType<number, number | undefined, number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
}

/** Which resources a service needs (one of them per appointment). */
export interface ServiceResourceTable {
  organization_id: ColumnType<string, string, never>;
  office_id: string;
  service_id: string;
  resource_id: string;
}

/** A staff member's weekly hours in one office (in the office's time zone). */
export interface StaffScheduleTable {
  organization_id: ColumnType<string, string, never>;
  staff_id: string;
  office_id: string;
  weekly_hours: JsonColumn<StoredWeeklyHours>;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

/** A staff member's absence (vacation, sickness, training…), in every office they work in. */
export interface StaffTimeOffTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  staff_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: "vacation" | "sick" | "training" | "other";
  note: ColumnType<string, string | undefined, string>;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

/** Different hours (or `[]`: closed) for a staff member on one local date of an office. */
export interface StaffScheduleOverrideTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  staff_id: string;
  office_id: string;
  /** A `date`; select it as `local_date::text` to read `YYYY-MM-DD` whatever the driver. */
  local_date: ColumnType<string, string, string>;
  intervals: JsonColumn<{ start: string; end: string }[]>;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

/**
 * An appointment. `blocked_from`/`blocked_until` add the service's buffers; an exclusion
 * constraint (`appointment_staff_no_overlap`) refuses overlapping blocked ranges of one staff
 * member unless cancelled or no-show. `during` and `blocked` are generated `tstzrange`s.
 */
export interface AppointmentTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string;
  service_id: string;
  staff_id: string;
  client_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  blocked_from: Timestamp;
  blocked_until: Timestamp;
  during: ColumnType<string, never, never>;
  blocked: ColumnType<string, never, never>;
  status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>;
  notes: ColumnType<string, string | undefined, string>;
  version: Generated<number>;
  cancel_reason: CancelReason | null;
  cancel_note: string | null;
  cancelled_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
  created_by: string | null;
  updated_by: string | null;
  /** The room or equipment it holds (`appointment_resource_no_overlap`), and which seat of it. */
  resource_id: ColumnType<string | null, string | null | undefined, string | null>;
  resource_seat: ColumnType<number | null, number | null | undefined, number | null>;
}

/** An assistant (delegate) who may read and keep a principal's calendar. */
export interface StaffDelegateTable {
  organization_id: ColumnType<string, string, never>;
  principal_staff_id: ColumnType<string, string, never>;
  delegate_staff_id: ColumnType<string, string, never>;
  created_at: CreatedAt;
  created_by: ColumnType<string | null, string | null | undefined, never>;
}

export type AgendaEntryKind = "block" | "task" | "callback";
export type AgendaEntryStatus = "open" | "done" | "cancelled";

/**
 * A block (busy time), task or call-back in a staff member's calendar, one-off or recurring
 * (`rrule` expanded in `time_zone`; `series_ends_at`: the end of its last occurrence).
 */
export interface AgendaEntryTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  staff_id: ColumnType<string, string, never>;
  kind: ColumnType<AgendaEntryKind, AgendaEntryKind, never>;
  title: string;
  notes: ColumnType<string, string | undefined, string>;
  starts_at: Timestamp;
  ends_at: NullableTimestamp;
  time_zone: string;
  rrule: string | null;
  /** ISO instants of skipped occurrences' starts, or whole local dates. */
  exdates: JsonColumnWithDefault<string[]>;
  /** ISO instants of the starts of a repeating task's (or call-back's) occurrences ticked done. */
  done_occurrences: JsonColumnWithDefault<string[]>;
  series_ends_at: Timestamp;
  client_id: string | null;
  phone: string | null;
  status: ColumnType<AgendaEntryStatus, AgendaEntryStatus | undefined, AgendaEntryStatus>;
  done_at: NullableTimestamp;
  done_by: string | null;
  source: ColumnType<"manual" | "ics", "manual" | "ics" | undefined, never>;
  ics_uid: ColumnType<string | null, string | null | undefined, never>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
  created_by: string | null;
  updated_by: string | null;
  /** The call a call-back was scheduled from. */
  call_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type WaitlistEntryStatus = "waiting" | "offered" | "booked" | "withdrawn";

/** A client waiting for an earlier time for a service, first come first served (`seq`). */
export interface WaitlistEntryTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string;
  service_id: string;
  client_id: string;
  staff_id: string | null;
  earliest_at: Timestamp;
  latest_at: Timestamp;
  status: ColumnType<WaitlistEntryStatus, WaitlistEntryStatus | undefined, WaitlistEntryStatus>;
  notes: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  seq: ColumnType<number, never, never>;
  created_by: string | null;
}

export type WaitlistOfferStatus = "open" | "accepted" | "expired" | "declined" | "taken";

/** A freed time offered to one waiting client until `expires_at`. */
export interface WaitlistOfferTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  entry_id: string;
  staff_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  expires_at: Timestamp;
  status: ColumnType<WaitlistOfferStatus, WaitlistOfferStatus | undefined, WaitlistOfferStatus>;
  source_appointment_id: string | null;
  appointment_id: string | null;
  created_at: CreatedAt;
}

// --- Money at the desk (migration 2026-11-23T0500-payments) -----------------------------------

/** A `date` column; select it as `col::text` to read `YYYY-MM-DD` whatever the driver. */
export type DateColumn = ColumnType<string, string, string>;
/** An integer amount in minor units that PostgreSQL may return as a string when summed: Number() it. */
export type MinorUnits = number;

/** Something sold at the desk, priced per unit with its VAT/IVA rate; optionally a bookable service. */
export interface ProductTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  name: string;
  unit_price_minor: MinorUnits;
  /** Basis points: 2100 = 21 %. */
  tax_rate_bp: number;
  service_id: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
}

export type AnswerLanguage = "en" | "es" | "it";
export type AnswerCategory = "hours" | "prices" | "directions" | "policies" | "other";

/** An entry of the knowledge base: what to tell a caller, per office (null: all) and language. */
export interface AnswerTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string | null;
  language: AnswerLanguage;
  category: AnswerCategory;
  question: string;
  body: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  /** Question and tags folded (`foldForSearch`), for the trigram fallback. */
  search_text: string;
  /** Generated: question (A), tags (B), body (C) in the language's `fo_*` text search configuration. */
  search_vector: ColumnType<string, never, never>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultTimestamp;
  created_by: string | null;
  updated_by: string | null;
}

export type UnansweredQuestionStatus = "open" | "answered" | "dismissed";

/** A caller's question the desk could not answer, until a manager answers or dismisses it. */
export interface UnansweredQuestionTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string | null;
  language: AnswerLanguage;
  question: string;
  asked_by: string;
  asked_at: DefaultTimestamp;
  status: Generated<UnansweredQuestionStatus>;
  answer_id: string | null;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
}

export type ChargeStatus = "open" | "paid" | "cancelled";

/** What a client (or a walk-in customer) owes for a sale; totals computed by @frontoffice/payments. */
export interface ChargeTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  client_id: ColumnType<string | null, string | null | undefined, never>;
  walk_in_name: ColumnType<string | null, string | null | undefined, never>;
  appointment_id: ColumnType<string | null, string | null | undefined, never>;
  currency: ColumnType<string, string, never>;
  prices_include_tax: ColumnType<boolean, boolean, never>;
  net_minor: ColumnType<number, number, never>;
  tax_minor: ColumnType<number, number, never>;
  total_minor: ColumnType<number, number, never>;
  tax_breakdown: ColumnType<StoredTaxLine[], JsonText<StoredTaxLine[]>, never>;
  status: ColumnType<ChargeStatus, ChargeStatus | undefined, ChargeStatus>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
}

/** One rate's share of a charge: taxable base and tax, minor units. */
export interface StoredTaxLine {
  rateBp: number;
  netMinor: number;
  taxMinor: number;
}

export interface ChargeLineTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  charge_id: ColumnType<string, string, never>;
  position: ColumnType<number, number, never>;
  product_id: ColumnType<string | null, string | null | undefined, never>;
  description: ColumnType<string, string, never>;
  /** `numeric(12,3)`: read as a string on PostgreSQL; Number() it. */
  quantity: ColumnType<string, string | number, never>;
  unit_price_minor: ColumnType<number, number, never>;
  discount_minor: ColumnType<number, number | undefined, never>;
  tax_rate_bp: ColumnType<number, number, never>;
  net_minor: ColumnType<number, number, never>;
  tax_minor: ColumnType<number, number, never>;
  total_minor: ColumnType<number, number, never>;
}

export type StoredPaymentMethod = "cash" | "check" | "terminal" | "card";
export type StoredPaymentStatus = "pending" | "authorized" | "captured" | "partially_refunded" | "refunded" | "voided" | "failed";

/** A payment against a charge. Card data is only token, brand, last four and expiry (checked by the database). */
export interface PaymentTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  charge_id: ColumnType<string, string, never>;
  client_id: ColumnType<string | null, string | null | undefined, never>;
  desk: ColumnType<string, string, never>;
  /** Office-local date (select `business_date::text`); moves to the capture's date on capture. */
  business_date: DateColumn;
  method: ColumnType<StoredPaymentMethod, StoredPaymentMethod, never>;
  gateway: ColumnType<string, string, never>;
  status: StoredPaymentStatus;
  currency: ColumnType<string, string, never>;
  amount_minor: ColumnType<number, number, never>;
  refunded_minor: ColumnType<number, number | undefined, number>;
  tendered_minor: ColumnType<number | null, number | null | undefined, never>;
  change_minor: ColumnType<number | null, number | null | undefined, never>;
  card_brand: ColumnType<string | null, string | null | undefined, never>;
  card_last4: ColumnType<string | null, string | null | undefined, never>;
  card_exp_month: ColumnType<number | null, number | null | undefined, never>;
  card_exp_year: ColumnType<number | null, number | null | undefined, never>;
  gateway_token: ColumnType<string | null, string | null | undefined, never>;
  gateway_transaction_id: ColumnType<string | null, string | null | undefined, never>;
  reference: ColumnType<string | null, string | null | undefined, never>;
  decline_code: ColumnType<string | null, string | null | undefined, never>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  captured_at: NullableTimestamp;
  voided_at: NullableTimestamp;
}

export type StoredRefundReason = "customer_request" | "keying_error" | "duplicate" | "other";
export type RefundStatus = "pending_approval" | "completed" | "rejected";

export interface RefundTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  payment_id: ColumnType<string, string, never>;
  desk: ColumnType<string, string, never>;
  business_date: DateColumn;
  amount_minor: ColumnType<number, number, never>;
  currency: ColumnType<string, string, never>;
  reason: ColumnType<StoredRefundReason, StoredRefundReason, never>;
  note: ColumnType<string, string | undefined, never>;
  status: RefundStatus;
  /** Once completed: base and tax per rate (`@frontoffice/payments`' `TaxRow[]`, money as `{ amount, currency }`). */
  tax_breakdown: ColumnType<unknown[] | null, JsonText<unknown[]> | null | undefined, JsonText<unknown[]> | null>;
  requested_by: ColumnType<string | null, string | null | undefined, never>;
  approved_by: string | null;
  created_at: CreatedAt;
  decided_at: NullableTimestamp;
}

/** An issued receipt: immutable (the database refuses updates and deletes). */
export interface ReceiptTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  series: ColumnType<string, string, never>;
  year: ColumnType<number, number, never>;
  number: ColumnType<number, number, never>;
  display_number: ColumnType<string, string, never>;
  kind: ColumnType<"sale" | "correction", "sale" | "correction", never>;
  corrects_receipt_id: ColumnType<string | null, string | null | undefined, never>;
  charge_id: ColumnType<string | null, string | null | undefined, never>;
  payment_id: ColumnType<string | null, string | null | undefined, never>;
  refund_id: ColumnType<string | null, string | null | undefined, never>;
  client_id: ColumnType<string | null, string | null | undefined, never>;
  locale: ColumnType<Locale, Locale, never>;
  currency: ColumnType<string, string, never>;
  total_minor: ColumnType<number, number, never>;
  snapshot: ColumnType<unknown, JsonText<unknown>, never>;
  issued_at: ColumnType<Date, Date | string | undefined, never>;
  issued_by: ColumnType<string | null, string | null | undefined, never>;
}

/** The next receipt number of one office, series and year. */
export interface ReceiptCounterTable {
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  series: ColumnType<string, string, never>;
  year: ColumnType<number, number, never>;
  next_number: ColumnType<number, number | undefined, number>;
}

/** One desk's day: created by its first payment, counted by staff, signed off by a manager (then locked). */
export interface CashCloseOutTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  desk: ColumnType<string, string, never>;
  business_date: ColumnType<string, string, never>;
  currency: string | null;
  expected: ColumnType<Record<string, number> | null, JsonText<Record<string, number>> | null | undefined, JsonText<Record<string, number>> | null>;
  counted_cash_minor: number | null;
  discrepancy_minor: number | null;
  note: ColumnType<string, string | undefined, string>;
  closed_by: string | null;
  closed_at: NullableTimestamp;
  signed_off_by: string | null;
  signed_off_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** Append-only; each transaction's entries sum to zero per currency (checked at commit). */
export interface LedgerEntryTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  transaction_id: ColumnType<string, string, never>;
  account: ColumnType<string, string, never>;
  client_id: ColumnType<string | null, string | null | undefined, never>;
  /** Signed: debits positive, credits negative. */
  amount_minor: ColumnType<number, number, never>;
  currency: ColumnType<string, string, never>;
  business_date: ColumnType<string, string, never>;
  kind: ColumnType<string, string, never>;
  charge_id: ColumnType<string | null, string | null | undefined, never>;
  payment_id: ColumnType<string | null, string | null | undefined, never>;
  refund_id: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  seq: ColumnType<number, never, never>;
}

/** The first outcome of a money-moving call, by the caller's key; kept at least 24 hours. */
export interface IdempotencyKeyTable {
  organization_id: ColumnType<string, string, never>;
  key: ColumnType<string, string, never>;
  procedure: ColumnType<string, string, never>;
  request_hash: ColumnType<string, string, never>;
  result: ColumnType<unknown, JsonText<unknown> | null | undefined, JsonText<unknown>>;
  created_at: CreatedAt;
}

export type VisitStatus = "expected" | "checked_in" | "checked_out" | "cancelled" | "no_show";
export type VisitChannel = "staff" | "kiosk";

/** A visitor's visit to an office: pre-registered (`expected_at`) or a walk-in. */
export interface VisitTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  visitor_name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  host_staff_id: string;
  purpose: string | null;
  expected_at: NullableTimestamp;
  appointment_id: string | null;
  status: Generated<VisitStatus>;
  /** Six characters from an unambiguous alphabet, unique in the office for `badge_date`. */
  badge_code: string;
  /** A `date`; select it as `badge_date::text`. */
  badge_date: DateColumn;
  checked_in_at: NullableTimestamp;
  checked_in_by: VisitChannel | null;
  checked_in_by_staff_id: string | null;
  checked_out_at: NullableTimestamp;
  checked_out_by: VisitChannel | null;
  checked_out_by_staff_id: string | null;
  on_site_reminded_at: NullableTimestamp;
  purged_at: NullableTimestamp;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
}

/** A kiosk tablet's credential for one office; only the token's SHA-256 is kept. */
export interface KioskTokenTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  label: string;
  token_hash: ColumnType<string, string, never>;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

export type StaffNotificationKind = "visitor_arrived" | "visitor_still_on_site" | "call_message";

/** An in-app notification to one staff member. */
export interface StaffNotificationTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  staff_id: ColumnType<string, string, never>;
  kind: StaffNotificationKind;
  payload: JsonColumnWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
}

export type PresenceStatus = "available" | "busy" | "on_break" | "off_shift";

/** A staff member's live state for call routing; one row per staff member. */
export interface StaffPresenceTable {
  staff_id: ColumnType<string, string, never>;
  organization_id: ColumnType<string, string, never>;
  status: ColumnType<PresenceStatus, PresenceStatus | undefined, PresenceStatus>;
  changed_at: DefaultTimestamp;
  /** Since when they have been free (longest-idle queues). */
  idle_since: NullableTimestamp;
  /** When they were last offered a call (round-robin queues). */
  last_offered_at: NullableTimestamp;
}

/** One ordered routing rule of an office: routing's `RuleMatch` and `RuleAction` as JSON. */
export interface RoutingRuleTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  /** 0-based order; first match wins. Unique per office, checked at commit (deferred). */
  position: number;
  name: string;
  match: JsonColumnWithDefault<Record<string, unknown>>;
  action: JsonColumn<Record<string, unknown>>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export type TelephonyProvider = "generic" | "twilio";

/** A phone system allowed to report an office's calls; `secret` signs its webhooks. */
export interface TelephonyEndpointTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  provider: ColumnType<TelephonyProvider, TelephonyProvider, never>;
  label: string;
  /** The HMAC key (generic) or Twilio auth token; needed in clear to check signatures, never sent to clients after creation. */
  secret: string;
  created_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type CallSource = TelephonyProvider | "simulator";
export type CallStatus = "ringing" | "queued" | "connected" | "on_hold" | "transferring" | "ended";
export type CallOutcome = "answered" | "abandoned" | "missed" | "voicemail" | "callback" | "message" | "closed" | "rejected";

/** A call on one of an office's lines. */
export interface CallTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  source: ColumnType<CallSource, CallSource, never>;
  endpoint_id: ColumnType<string | null, string | null | undefined, never>;
  /** The provider's call id (Twilio's CallSid); unique per organization and source. */
  external_id: ColumnType<string, string, never>;
  /** 1..office.call_lines; one live call per line (partial unique index). */
  line: number;
  direction: ColumnType<"inbound", "inbound" | undefined, never>;
  caller_number: string | null;
  caller_name: string | null;
  dialled: string | null;
  extension: string | null;
  language: Locale | null;
  ivr_choice: string | null;
  client_id: string | null;
  vip: Generated<boolean>;
  department_id: string | null;
  staff_id: string | null;
  status: CallStatus;
  outcome: CallOutcome | null;
  overflow_hops: Generated<number>;
  decision: ColumnType<unknown, JsonText<unknown> | null | undefined, JsonText<unknown> | null>;
  transfer: ColumnType<unknown, JsonText<unknown> | null | undefined, JsonText<unknown> | null>;
  offered_at: Timestamp;
  answered_at: NullableTimestamp;
  answered_by: string | null;
  ended_at: NullableTimestamp;
  version: Generated<number>;
  created_at: CreatedAt;
}

export type CallEventKind =
  | "offered"
  | "routed"
  | "queued"
  | "overflowed"
  | "answered"
  | "held"
  | "resumed"
  | "transfer_started"
  | "transfer_cancelled"
  | "transferred"
  | "transfer_returned"
  | "message_taken"
  | "callback_scheduled"
  | "voicemail"
  | "ended";

/** What happened to a call and when: append-only (a trigger refuses updates). */
export interface CallEventTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  call_id: ColumnType<string, string, never>;
  kind: ColumnType<CallEventKind, CallEventKind, never>;
  at: ColumnType<Date, Date | string, never>;
  staff_id: ColumnType<string | null, string | null | undefined, never>;
  department_id: ColumnType<string | null, string | null | undefined, never>;
  details: ColumnType<Record<string, unknown>, JsonText<Record<string, unknown>> | undefined, never>;
}

/** A message taken for someone who was out. */
export interface CallMessageTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  call_id: string | null;
  for_staff_id: string;
  caller_name: string | null;
  caller_number: string | null;
  client_id: string | null;
  body: string;
  callback_requested: Generated<boolean>;
  urgent: Generated<boolean>;
  taken_by: ColumnType<string, string, never>;
  taken_at: DefaultTimestamp;
  read_at: NullableTimestamp;
}

export type WaitingStage = "expected" | "arrived" | "in_room" | "with_provider" | "done";

/** Where one of the day's appointments or visits is on the waiting-room board (exactly one subject). */
export interface WaitingRoomEntryTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: ColumnType<string, string, never>;
  appointment_id: ColumnType<string | null, string | null | undefined, never>;
  visit_id: ColumnType<string | null, string | null | undefined, never>;
  stage: ColumnType<WaitingStage, WaitingStage | undefined, WaitingStage>;
  arrived_at: NullableTimestamp;
  in_room_at: NullableTimestamp;
  with_provider_at: NullableTimestamp;
  done_at: NullableTimestamp;
  stage_changed_at: DefaultTimestamp;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  created_at: CreatedAt;
}

export interface Database {
  organization: OrganizationTable;
  office: OfficeTable;
  department: DepartmentTable;
  auth_user: AuthUserTable;
  auth_session: AuthSessionTable;
  auth_account: AuthAccountTable;
  auth_verification: AuthVerificationTable;
  auth_rate_limit: AuthRateLimitTable;
  staff: StaffTable;
  staff_assignment: StaffAssignmentTable;
  client: ClientTable;
  audit_log: AuditLogTable;
  outbox_message: OutboxMessageTable;
  calendar_feed: CalendarFeedTable;
  service: ServiceTable;
  service_staff: ServiceStaffTable;
  resource: ResourceTable;
  service_resource: ServiceResourceTable;
  staff_schedule: StaffScheduleTable;
  staff_time_off: StaffTimeOffTable;
  staff_schedule_override: StaffScheduleOverrideTable;
  appointment: AppointmentTable;
  waitlist_entry: WaitlistEntryTable;
  waitlist_offer: WaitlistOfferTable;
  staff_delegate: StaffDelegateTable;
  agenda_entry: AgendaEntryTable;
  product: ProductTable;
  answer: AnswerTable;
  unanswered_question: UnansweredQuestionTable;
  charge: ChargeTable;
  charge_line: ChargeLineTable;
  payment: PaymentTable;
  refund: RefundTable;
  receipt: ReceiptTable;
  receipt_counter: ReceiptCounterTable;
  cash_close_out: CashCloseOutTable;
  ledger_entry: LedgerEntryTable;
  idempotency_key: IdempotencyKeyTable;
  visit: VisitTable;
  kiosk_token: KioskTokenTable;
  staff_notification: StaffNotificationTable;
  staff_presence: StaffPresenceTable;
  routing_rule: RoutingRuleTable;
  telephony_endpoint: TelephonyEndpointTable;
  call: CallTable;
  call_event: CallEventTable;
  call_message: CallMessageTable;
  waiting_room_entry: WaitingRoomEntryTable;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type OfficeRow = Selectable<OfficeTable>;
export type NewOffice = Insertable<OfficeTable>;
export type OfficeUpdate = Updateable<OfficeTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type NewDepartment = Insertable<DepartmentTable>;
export type AuthUserRow = Selectable<AuthUserTable>;
export type NewAuthUser = Insertable<AuthUserTable>;
export type AuthAccountRow = Selectable<AuthAccountTable>;
export type NewAuthAccount = Insertable<AuthAccountTable>;
export type AuthSessionRow = Selectable<AuthSessionTable>;
export type StaffRow = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
export type StaffAssignmentRow = Selectable<StaffAssignmentTable>;
export type NewStaffAssignment = Insertable<StaffAssignmentTable>;
export type ClientRow = Selectable<ClientTable>;
export type NewClient = Insertable<ClientTable>;
export type ClientUpdate = Updateable<ClientTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
export type OutboxMessageRow = Selectable<OutboxMessageTable>;
export type NewOutboxMessage = Insertable<OutboxMessageTable>;
export type CalendarFeedRow = Selectable<CalendarFeedTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type ResourceRow = Selectable<ResourceTable>;
export type StaffScheduleRow = Selectable<StaffScheduleTable>;
export type StaffTimeOffRow = Selectable<StaffTimeOffTable>;
export type NewStaffTimeOff = Insertable<StaffTimeOffTable>;
export type StaffScheduleOverrideRow = Selectable<StaffScheduleOverrideTable>;
export type AppointmentRow = Selectable<AppointmentTable>;
export type NewAppointment = Insertable<AppointmentTable>;
export type AppointmentUpdate = Updateable<AppointmentTable>;
export type WaitlistEntryRow = Selectable<WaitlistEntryTable>;
export type WaitlistOfferRow = Selectable<WaitlistOfferTable>;
export type AgendaEntryRow = Selectable<AgendaEntryTable>;
export type NewAgendaEntry = Insertable<AgendaEntryTable>;
export type AgendaEntryUpdate = Updateable<AgendaEntryTable>;
export type ProductRow = Selectable<ProductTable>;
export type AnswerRow = Selectable<AnswerTable>;
export type UnansweredQuestionRow = Selectable<UnansweredQuestionTable>;
export type ChargeRow = Selectable<ChargeTable>;
export type ChargeLineRow = Selectable<ChargeLineTable>;
export type PaymentRow = Selectable<PaymentTable>;
export type NewPayment = Insertable<PaymentTable>;
export type RefundRow = Selectable<RefundTable>;
export type ReceiptRow = Selectable<ReceiptTable>;
export type CashCloseOutRow = Selectable<CashCloseOutTable>;
export type LedgerEntryRow = Selectable<LedgerEntryTable>;
export type NewLedgerEntry = Insertable<LedgerEntryTable>;
export type CallRow = Selectable<CallTable>;
export type NewCall = Insertable<CallTable>;
export type CallEventRow = Selectable<CallEventTable>;
export type CallMessageRow = Selectable<CallMessageTable>;
export type RoutingRuleRow = Selectable<RoutingRuleTable>;
export type TelephonyEndpointRow = Selectable<TelephonyEndpointTable>;
