import { z } from "zod";
import { localeSchema, type Locale } from "./locale.js";
import { officeInputSchema, organizationNameSchema, timeZoneSchema, type Office } from "./office.js";
import { ROLES, rolesSchema, type Permission, type Role } from "./roles.js";

export const MIN_PASSWORD_LENGTH = 10;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "validation.password_too_short")
  .max(128, "validation.too_long");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "validation.too_long")
  .pipe(z.email("validation.email_invalid"));

/** First run: the organization, its first office and the owner's account, in one step. */
export const setupInputSchema = z.strictObject({
  organizationName: organizationNameSchema,
  office: officeInputSchema,
  owner: z.strictObject({
    name: z.string().trim().min(1, "validation.required").max(120, "validation.too_long"),
    email: emailSchema,
    password: passwordSchema,
  }),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setLocaleSchema = z.strictObject({ locale: localeSchema });

export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  active: boolean;
}

/** Who is signed in, what they may do, and where. */
export interface SessionInfo {
  user: { id: string; email: string; name: string };
  staff: StaffMember;
  organization: { id: string; name: string };
  offices: Office[];
  permissions: Permission[];
  /** When the session ends at the latest, however active the user is (ISO 8601). */
  expiresAt: string;
}

/** How long a staff session may last at most, and how long it survives without activity. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;

// Staff management: owners and managers add the people who work in their offices.

/** The most offices and departments one person can be assigned to. */
export const MAX_STAFF_OFFICES = 50;
export const MAX_STAFF_DEPARTMENTS = 200;

const idSchema = z.uuid("validation.id_invalid");
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Roles held, once each, in the matrix's order (so the same set always reads the same). */
const heldRolesSchema = rolesSchema.transform((roles) => ROLES.filter((role) => roles.includes(role)));

export const staffDisplayNameSchema = z.string().trim().min(1, "validation.required").max(120, "validation.too_long");

/** Where someone works: at least one office, and optionally departments of those offices. */
export const staffOfficeIdsSchema = z
  .array(idSchema)
  .min(1, "validation.offices_empty")
  .max(MAX_STAFF_OFFICES, "validation.too_many")
  .transform(unique);
export const staffDepartmentIdsSchema = z.array(idSchema).max(MAX_STAFF_DEPARTMENTS, "validation.too_many").transform(unique);

/** A new staff member and the temporary password they sign in with the first time. */
export const staffCreateSchema = z.strictObject({
  displayName: staffDisplayNameSchema,
  email: emailSchema,
  roles: heldRolesSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
  officeIds: staffOfficeIdsSchema,
  departmentIds: staffDepartmentIdsSchema.optional(),
  temporaryPassword: passwordSchema,
});
export type StaffCreateInput = z.input<typeof staffCreateSchema>;
export type StaffCreateData = z.output<typeof staffCreateSchema>;

/** Changes to a staff member; fields left out stay as they are. */
export const staffUpdateSchema = z.strictObject({
  id: idSchema,
  displayName: staffDisplayNameSchema.optional(),
  roles: heldRolesSchema.optional(),
  locale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  officeIds: staffOfficeIdsSchema.optional(),
  departmentIds: staffDepartmentIdsSchema.optional(),
  active: z.boolean().optional(),
});
export type StaffUpdateInput = z.input<typeof staffUpdateSchema>;
export type StaffUpdateData = z.output<typeof staffUpdateSchema>;

export const staffIdSchema = z.strictObject({ id: idSchema });

export const staffListSchema = z.strictObject({
  /** Part of a name or email, accents and case ignored. */
  query: z.string().trim().max(100, "validation.too_long").default(""),
  includeInactive: z.boolean().default(false),
});
export type StaffListInput = z.input<typeof staffListSchema>;
export type StaffListQuery = z.output<typeof staffListSchema>;

export const staffResetPasswordSchema = z.strictObject({
  id: idSchema,
  temporaryPassword: passwordSchema,
});
export type StaffResetPasswordInput = z.input<typeof staffResetPasswordSchema>;

/** A staff member as staff management shows them: who, what they may do, and where they work. */
export interface StaffDetails extends StaffMember {
  officeIds: string[];
  departmentIds: string[];
  createdAt: string;
}

/** What staff management records in the audit log (entity type `staff`). */
export const STAFF_AUDIT_ACTIONS = ["create", "update", "deactivate", "reactivate", "password_reset"] as const;
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];

/** The part of a staff member the ownership rules look at. */
export interface StaffStanding {
  roles: readonly Role[];
  active: boolean;
}

export function isActiveOwner(staff: StaffStanding): boolean {
  return staff.active && staff.roles.includes("owner");
}

/**
 * Whether someone holding `actorRoles` may change a staff member from `before` (null for a new
 * one) to `after`. Only an owner may grant or remove the owner role, and only an owner may change
 * an owner at all (deactivate them, reset their password): otherwise a manager could take over
 * the organization by resetting the owner's password.
 */
export function ownerRuleRefusal(
  actorRoles: readonly Role[],
  before: StaffStanding | null,
  after: StaffStanding,
): "OWNER_ROLE_RESERVED" | null {
  if (actorRoles.includes("owner")) return null;
  const touchesOwner = Boolean(before?.roles.includes("owner")) || after.roles.includes("owner");
  return touchesOwner ? "OWNER_ROLE_RESERVED" : null;
}

/**
 * Whether an organization that has `activeOwners` active owners still has one after a staff
 * member changes from `before` to `after`. An organization always keeps an active owner.
 */
export function keepsAnOwner(activeOwners: number, before: StaffStanding, after: StaffStanding): boolean {
  return activeOwners - (isActiveOwner(before) ? 1 : 0) + (isActiveOwner(after) ? 1 : 0) > 0;
}
