import { z } from "zod";
import { localeSchema, type Locale } from "./locale.js";
import { officeInputSchema, type Office } from "./office.js";
import type { Permission, Role } from "./roles.js";

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
  organizationName: z.string().trim().min(1, "validation.required").max(120, "validation.too_long"),
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
