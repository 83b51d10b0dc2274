import { z } from "zod";
import { instantSchema, localDateSchema } from "./appointments.js";
import { phoneInputSchema } from "./client.js";

/**
 * Visitors: people expected at an office (pre-registered by staff) or walking in, checked in at
 * the desk or on the office's kiosk, with a badge code; the host is notified on arrival.
 */

const id = z.uuid("validation.id_invalid");

export const VISIT_STATUSES = ["expected", "checked_in", "checked_out", "cancelled", "no_show"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Badge codes: six characters without the look-alikes 0/O, 1/I/L. */
export const BADGE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const BADGE_CODE_LENGTH = 6;
export const badgeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z2-9]{6}$/, "validation.badge_code_invalid");

/** Empty text counts as absent: a form's untouched optional field. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.too_long")
    .transform((value) => (value ? value : undefined))
    .optional();

const visitorFields = {
  visitorName: z.string().trim().min(1, "validation.required").max(200, "validation.too_long"),
  company: optionalText(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "validation.too_long")
    .transform((value) => (value ? value : undefined))
    .pipe(z.email("validation.email_invalid").optional())
    .optional(),
  phone: z.union([z.literal("").transform(() => undefined), phoneInputSchema]).optional(),
  hostStaffId: id,
  purpose: optionalText(500),
};

export const visitPreRegisterSchema = z.strictObject({
  officeId: id,
  ...visitorFields,
  expectedAt: instantSchema,
  appointmentId: id.optional(),
});
export type VisitPreRegisterInput = z.input<typeof visitPreRegisterSchema>;

export const visitWalkInSchema = z.strictObject({ officeId: id, ...visitorFields });
export type VisitWalkInInput = z.input<typeof visitWalkInSchema>;

/** Desk check-in: an expected visit by id, or a walk-in. */
export const visitCheckInSchema = z.union([z.strictObject({ visitId: id }), z.strictObject({ walkIn: visitWalkInSchema })]);
export type VisitCheckInInput = z.input<typeof visitCheckInSchema>;

export const visitIdSchema = z.strictObject({ id });

export const visitDaySchema = z.strictObject({
  officeId: id,
  /** Office-local date; omitted: today in the office. */
  date: localDateSchema.optional(),
});
export type VisitDayInput = z.input<typeof visitDaySchema>;

export const onSiteSchema = z.strictObject({ officeId: id });

export const kioskTokenCreateSchema = z.strictObject({
  officeId: id,
  label: z.string().trim().min(1, "validation.required").max(100, "validation.too_long"),
});
export const kioskTokenListSchema = z.strictObject({ officeId: id.optional() });

/** A kiosk's credential travels in every kiosk call's input. */
const kioskToken = z.string().min(1).max(100);
export const kioskSchema = z.strictObject({ token: kioskToken });
export const kioskWalkInSchema = z.strictObject({
  token: kioskToken,
  visitor: z.strictObject({ visitorName: visitorFields.visitorName, company: visitorFields.company, hostStaffId: id, purpose: visitorFields.purpose }),
});
export type KioskWalkInInput = z.input<typeof kioskWalkInSchema>;
export const kioskCodeSchema = z.strictObject({ token: kioskToken, code: badgeCodeSchema });

/** An office's visitor settings. */
export const visitorSettingsSchema = z.strictObject({
  /** Days a visit's personal data is kept before it is purged. */
  retentionDays: z.int("validation.invalid").min(1, "validation.too_small").max(3650, "validation.too_big"),
  /** A visitor waiting longer than this is flagged at the desk. */
  waitThresholdMinutes: z.int("validation.invalid").min(1, "validation.too_small").max(1440, "validation.too_big"),
  /** Office-local end of the day: hosts of visitors still on site are reminded. */
  dayEndsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.time_invalid"),
});
export type VisitorSettings = z.output<typeof visitorSettingsSchema>;
export const visitorSettingsUpdateSchema = z.strictObject({ officeId: id, settings: visitorSettingsSchema });

export const notificationListSchema = z.strictObject({ unreadOnly: z.boolean().optional() }).default({});
export const notificationReadSchema = z.strictObject({ ids: z.array(id).max(200, "validation.too_many").optional() });

export interface Visit {
  id: string;
  officeId: string;
  visitorName: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  hostStaffId: string;
  hostName: string;
  purpose: string | null;
  expectedAt: string | null;
  appointmentId: string | null;
  status: VisitStatus;
  badgeCode: string;
  badgeDate: string;
  checkedInAt: string | null;
  checkedInBy: "staff" | "kiosk" | null;
  checkedOutAt: string | null;
  purgedAt: string | null;
}

/** What a badge prints. */
export interface VisitBadge {
  visitorName: string;
  company: string | null;
  hostName: string;
  officeName: string;
  date: string;
  code: string;
}

export interface KioskToken {
  id: string;
  officeId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export const STAFF_NOTIFICATION_KINDS = ["visitor_arrived", "visitor_still_on_site", "call_message"] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

export interface StaffNotification {
  id: string;
  kind: StaffNotificationKind;
  /** Visitor notifications: the visit; `call_message`: the message and who called. */
  payload: {
    visitId?: string;
    visitorName?: string;
    company?: string | null;
    officeName?: string;
    messageId?: string;
    callerName?: string | null;
    callerNumber?: string | null;
  };
  createdAt: string;
  readAt: string | null;
}
