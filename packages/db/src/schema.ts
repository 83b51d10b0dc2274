/**
 * The database as Kysely sees it: one interface per table, snake_case columns exactly as the
 * migrations create them (see ARCHITECTURE.md, "Data model"). Instants are `timestamptz`, read
 * as `Date`; `jsonb` columns are read as parsed values and written with `jsonb()`.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  Address,
  ClientAddress,
  ClientDetails,
  ClientEmail,
  ClientKind,
  ClientPhone,
  Locale,
  NationalIdType,
  OfficeKind,
  Role,
} from "@frontoffice/domain";
import type { JsonColumn, JsonColumnWithDefault } from "./json.js";

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
  created_at: CreatedAt;
}

export interface DepartmentTable {
  id: GeneratedId;
  organization_id: ColumnType<string, string, never>;
  office_id: string;
  name: string;
  /** Internal phone extension, digits only. */
  extension: string | null;
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
