import { z } from "zod";

/**
 * Appointments: services that can be booked, staff working hours, and the appointments
 * themselves. The slot rules live in `@frontoffice/scheduling`; these are the shapes that travel
 * between the web client and the server.
 */

export const APPOINTMENT_STATUSES = ["booked", "confirmed", "checked_in", "in_progress", "completed", "cancelled", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that no longer hold the time: the slot is free again. */
export const RELEASED_STATUSES: readonly AppointmentStatus[] = ["cancelled", "no_show"];

/**
 * Which status may follow which through `appointments.setStatus`. Cancelling has its own
 * procedure (it needs a reason); `cancelled`, `no_show` and `completed` are final.
 */
export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  booked: ["confirmed", "checked_in", "no_show"],
  confirmed: ["booked", "checked_in", "no_show"],
  checked_in: ["in_progress", "completed"],
  in_progress: ["completed"],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return APPOINTMENT_TRANSITIONS[from].includes(to);
}

/** What the audit log records about an appointment. */
export const APPOINTMENT_AUDIT_ACTIONS = ["book", "reschedule", "cancel", "status", "offer", "accept"] as const;
export type AppointmentAuditAction = (typeof APPOINTMENT_AUDIT_ACTIONS)[number];

export const CANCEL_REASONS = ["client_request", "staff_unavailable", "no_longer_needed", "other"] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** How far ahead appointments can be booked, in days, unless an office says otherwise. */
export const DEFAULT_BOOKING_WINDOW_DAYS = 90;
/** The longest agenda one request may read. */
export const MAX_AGENDA_DAYS = 42;

const id = z.uuid("validation.id_invalid");
const version = z.int().min(1);

const LOCAL_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const localTimeSchema = z.string().regex(LOCAL_TIME, "validation.time_invalid");

export const hoursIntervalSchema = z
  .strictObject({ start: localTimeSchema, end: localTimeSchema })
  .refine((interval) => !LOCAL_TIME.test(interval.start) || !LOCAL_TIME.test(interval.end) || minutesOf(interval.end) > minutesOf(interval.start), {
    error: "validation.time_range_invalid",
    path: ["end"],
  });
export type HoursInterval = z.infer<typeof hoursIntervalSchema>;

const dayHoursSchema = z
  .array(hoursIntervalSchema)
  .max(6, "validation.too_many")
  .default([])
  .superRefine((intervals, context) => {
    const sorted = [...intervals].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let index = 1; index < sorted.length; index++) {
      if (minutesOf(sorted[index]!.start) < minutesOf(sorted[index - 1]!.end)) {
        context.addIssue({ code: "custom", message: "validation.hours_overlap", path: [intervals.indexOf(sorted[index]!)] });
      }
    }
  });

/** Working hours per weekday in the office's time zone; a day left out (or `[]`) is closed. */
export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, dayHoursSchema])) as Record<WeekdayKey, typeof dayHoursSchema>,
);
export type WeeklyHoursInput = z.input<typeof weeklyHoursSchema>;
export type WeeklyHours = z.output<typeof weeklyHoursSchema>;

const serviceName = z.string().trim().min(1, "validation.required").max(120, "validation.too_long");
const durationMinutes = z
  .int("validation.invalid")
  .min(5, "validation.too_small")
  .max(480, "validation.too_big")
  .refine((minutes) => minutes % 5 === 0, "validation.duration_step");
const bufferMinutes = z.int("validation.invalid").min(0, "validation.too_small").max(120, "validation.too_big");

const serviceFields = {
  officeId: id,
  name: serviceName,
  durationMinutes,
  bufferBeforeMinutes: bufferMinutes.default(0),
  bufferAfterMinutes: bufferMinutes.default(0),
  priceMinor: z.int("validation.invalid").min(0, "validation.too_small").max(100_000_000, "validation.too_big").nullish(),
  /** Who can perform it: at least one staff member of the office. */
  staffIds: z.array(id).min(1, "validation.staff_empty").max(100, "validation.too_many"),
  /** Rooms or equipment of the office it needs one of; none: it needs only a staff member. */
  resourceIds: z.array(id).max(100, "validation.too_many").default([]),
};

export const serviceInputSchema = z.strictObject(serviceFields);
export type ServiceInput = z.input<typeof serviceInputSchema>;

export const serviceUpdateSchema = z.strictObject({
  id,
  name: serviceFields.name.optional(),
  durationMinutes: durationMinutes.optional(),
  bufferBeforeMinutes: bufferMinutes.optional(),
  bufferAfterMinutes: bufferMinutes.optional(),
  priceMinor: serviceFields.priceMinor,
  staffIds: serviceFields.staffIds.optional(),
  resourceIds: z.array(id).max(100, "validation.too_many").optional(),
  active: z.boolean().optional(),
});
export type ServiceUpdateInput = z.input<typeof serviceUpdateSchema>;

export const serviceListSchema = z.strictObject({ officeId: id.optional(), includeInactive: z.boolean().optional() }).default({});

export interface Service {
  id: string;
  officeId: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceMinor: number | null;
  /** The office's ISO 4217 currency. */
  currency: string;
  staffIds: string[];
  /** Rooms or equipment it needs one of (empty: none). */
  resourceIds: string[];
  active: boolean;
}

// --- Resources (rooms, equipment) ---------------------------------------------------------------

export const RESOURCE_KINDS = ["room", "equipment"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
/** The most seats a group room may have. */
export const MAX_RESOURCE_CAPACITY = 500;

const resourceName = z.string().trim().min(1, "validation.required").max(120, "validation.too_long");
const resourceCapacity = z.int("validation.invalid").min(1, "validation.too_small").max(MAX_RESOURCE_CAPACITY, "validation.too_big");

/** A room or piece of equipment; it is available whenever the staff member booked with it works. */
export const resourceInputSchema = z.strictObject({
  officeId: id,
  name: resourceName,
  kind: z.enum(RESOURCE_KINDS, { error: "validation.invalid" }).default("room"),
  /** Appointments at once: 1, or the seats of a group room. */
  capacity: resourceCapacity.default(1),
});
export type ResourceInput = z.input<typeof resourceInputSchema>;

export const resourceUpdateSchema = z.strictObject({
  id,
  version,
  name: resourceName.optional(),
  kind: z.enum(RESOURCE_KINDS, { error: "validation.invalid" }).optional(),
  capacity: resourceCapacity.optional(),
  active: z.boolean().optional(),
});
export type ResourceUpdateInput = z.input<typeof resourceUpdateSchema>;

export const resourceListSchema = z.strictObject({ officeId: id.optional(), includeInactive: z.boolean().optional() }).default({});
export type ResourceListInput = z.input<typeof resourceListSchema>;

export const resourceVersionSchema = z.strictObject({ id, version });

export interface Resource {
  id: string;
  officeId: string;
  name: string;
  kind: ResourceKind;
  capacity: number;
  active: boolean;
  version: number;
}

export const staffScheduleSchema = z.strictObject({ staffId: id, officeId: id, weeklyHours: weeklyHoursSchema });
export type StaffScheduleInput = z.input<typeof staffScheduleSchema>;
export const staffScheduleKeySchema = z.strictObject({ staffId: id, officeId: id });

export interface StaffSchedule {
  staffId: string;
  officeId: string;
  /** The office's IANA time zone: the hours are wall-clock times there. */
  timeZone: string;
  weeklyHours: WeeklyHours;
}

/** An instant with an offset, as the scheduling package reads it (`2026-11-24T09:00:00Z`). */
export const instantSchema = z.iso.datetime({ offset: true, error: "validation.instant_invalid" });
export const localDateSchema = z.iso.date("validation.date_invalid");

export const slotsQuerySchema = z.strictObject({
  serviceId: id,
  staffIds: z.array(id).min(1, "validation.staff_empty").max(100, "validation.too_many").optional(),
  /** The first office-local date searched. */
  from: localDateSchema,
  days: z.int().min(1, "validation.too_small").max(31, "validation.too_big").default(7),
  limit: z.int().min(1, "validation.too_small").max(200, "validation.too_big").default(20),
});
export type SlotsQuery = z.input<typeof slotsQuerySchema>;

const notes = z.string().trim().max(2000, "validation.too_long");

export const bookAppointmentSchema = z.strictObject({
  clientId: id,
  serviceId: id,
  /** Omitted: anyone who performs the service, least recently booked first. */
  staffId: id.optional(),
  /** Omitted: a free room among those the service needs (none when it needs none). */
  resourceId: id.optional(),
  start: instantSchema,
  notes: notes.optional(),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

export const rescheduleAppointmentSchema = z.strictObject({ id, version, start: instantSchema, staffId: id.optional(), resourceId: id.optional() });
export type RescheduleAppointmentInput = z.input<typeof rescheduleAppointmentSchema>;

export const cancelAppointmentSchema = z.strictObject({
  id,
  version,
  reason: z.enum(CANCEL_REASONS, { error: "validation.invalid" }),
  note: notes.optional(),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;

export const appointmentStatusSchema = z.strictObject({
  id,
  version,
  status: z.enum(APPOINTMENT_STATUSES, { error: "validation.invalid" }).refine((status) => status !== "cancelled", "validation.invalid"),
});
export type AppointmentStatusInput = z.input<typeof appointmentStatusSchema>;

export const appointmentIdSchema = z.strictObject({ id });

export const agendaQuerySchema = z
  .strictObject({
    officeId: id.optional(),
    staffIds: z.array(id).max(100, "validation.too_many").optional(),
    resourceIds: z.array(id).max(100, "validation.too_many").optional(),
    from: instantSchema,
    to: instantSchema,
  })
  .superRefine((query, context) => {
    const span = Date.parse(query.to) - Date.parse(query.from);
    if (!(span > 0)) context.addIssue({ code: "custom", message: "validation.time_range_invalid", path: ["to"] });
    else if (span > MAX_AGENDA_DAYS * 86_400_000) context.addIssue({ code: "custom", message: "validation.date_range_too_long", path: ["to"] });
  });
export type AgendaQuery = z.input<typeof agendaQuerySchema>;

// --- Time off and date overrides ------------------------------------------------------------------

export const TIME_OFF_REASONS = ["vacation", "sick", "training", "other"] as const;
export type TimeOffReason = (typeof TIME_OFF_REASONS)[number];
/** The longest single absence (a year); longer ones are entered in parts. */
export const MAX_TIME_OFF_DAYS = 366;

/** A refinement: `last` comes after `first` (two instants), at most `maxDays` (a year) later; silent while either is invalid. */
function checkSpan<First extends string, Last extends string>(first: First, last: Last, maxDays: number = MAX_TIME_OFF_DAYS) {
  return (value: Record<First | Last, string>, context: z.RefinementCtx): void => {
    const span = Date.parse(value[last]) - Date.parse(value[first]);
    if (Number.isNaN(span)) return;
    if (span <= 0) context.addIssue({ code: "custom", message: "validation.time_range_invalid", path: [last] });
    else if (span > maxDays * 86_400_000) context.addIssue({ code: "custom", message: "validation.period_over_a_year", path: [last] });
  };
}

/** A staff member's absence, in every office they work in. */
export const timeOffInputSchema = z
  .strictObject({
    staffId: id,
    start: instantSchema,
    end: instantSchema,
    reason: z.enum(TIME_OFF_REASONS, { error: "validation.invalid" }),
    note: z.string().trim().max(500, "validation.too_long").optional(),
  })
  .superRefine(checkSpan("start", "end"));
export type TimeOffInput = z.input<typeof timeOffInputSchema>;
export const timeOffIdSchema = z.strictObject({ id });

export const timeOffListSchema = z
  .strictObject({ staffId: id.optional(), from: instantSchema, to: instantSchema })
  .superRefine(checkSpan("from", "to"));
export type TimeOffListInput = z.input<typeof timeOffListSchema>;

export interface TimeOff {
  id: string;
  staffId: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  reason: TimeOffReason;
  note: string;
  createdAt: string;
}

/** Different hours for a staff member on one office-local date; `intervals: []` closes it. */
export const scheduleOverrideInputSchema = z.strictObject({
  staffId: id,
  officeId: id,
  date: localDateSchema,
  intervals: dayHoursSchema,
});
export type ScheduleOverrideInput = z.input<typeof scheduleOverrideInputSchema>;

export const scheduleOverrideKeySchema = z.strictObject({ staffId: id, officeId: id, date: localDateSchema });

export const scheduleOverrideListSchema = z
  .strictObject({ officeId: id, staffId: id.optional(), from: localDateSchema, to: localDateSchema })
  .refine((query) => query.to >= query.from, { error: "validation.time_range_invalid", path: ["to"] });
export type ScheduleOverrideListInput = z.input<typeof scheduleOverrideListSchema>;

export interface ScheduleOverride {
  staffId: string;
  officeId: string;
  /** The office-local date, `YYYY-MM-DD`. */
  date: string;
  /** Wall-clock hours in the office's time zone; `[]`: closed that day. */
  intervals: HoursInterval[];
}

export interface Appointment {
  id: string;
  officeId: string;
  serviceId: string;
  serviceName: string;
  staffId: string;
  staffName: string;
  /** The room or equipment it holds, if its service needs one. */
  resourceId: string | null;
  resourceName: string | null;
  clientId: string;
  clientName: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  status: AppointmentStatus;
  notes: string;
  version: number;
  cancelReason: CancelReason | null;
  createdAt: string;
}

/** A free slot offered to book, and who would take it. */
export interface SlotOffer {
  start: string;
  end: string;
  staffId: string;
  staffName: string;
  /** The room it would take, when the service needs one. */
  resourceId: string | null;
  resourceName: string | null;
}

// --- Waitlist -----------------------------------------------------------------------------------

/** How long a freed time is held for the waiting client it is offered to. */
export const WAITLIST_OFFER_HOURS = 2;

export const WAITLIST_ENTRY_STATUSES = ["waiting", "offered", "booked", "withdrawn"] as const;
export type WaitlistEntryStatus = (typeof WAITLIST_ENTRY_STATUSES)[number];
export const WAITLIST_OFFER_STATUSES = ["open", "accepted", "expired", "declined", "taken"] as const;
export type WaitlistOfferStatus = (typeof WAITLIST_OFFER_STATUSES)[number];

/** A client waiting for an earlier time for a service, between `earliest` and `latest`. */
export const waitlistAddSchema = z
  .strictObject({
    clientId: id,
    serviceId: id,
    /** Omitted: anyone who performs the service. */
    staffId: id.optional(),
    earliest: instantSchema,
    latest: instantSchema,
    notes: notes.optional(),
  })
  .refine((entry) => Date.parse(entry.latest) > Date.parse(entry.earliest), { error: "validation.time_range_invalid", path: ["latest"] });
export type WaitlistAddInput = z.input<typeof waitlistAddSchema>;

export const waitlistListSchema = z
  .strictObject({
    officeId: id.optional(),
    serviceId: id.optional(),
    /** Waiting and offered entries when absent. */
    status: z.enum(WAITLIST_ENTRY_STATUSES, { error: "validation.invalid" }).optional(),
  })
  .default({});
export type WaitlistListInput = z.input<typeof waitlistListSchema>;

export const waitlistAcceptSchema = z.strictObject({ offerId: id });

export interface WaitlistOffer {
  id: string;
  entryId: string;
  staffId: string;
  start: string;
  end: string;
  expiresAt: string;
  /** `open` past `expiresAt` reads as `expired`. */
  status: WaitlistOfferStatus;
  appointmentId: string | null;
}

export interface WaitlistEntry {
  id: string;
  officeId: string;
  serviceId: string;
  serviceName: string;
  clientId: string;
  clientName: string;
  staffId: string | null;
  earliest: string;
  latest: string;
  status: WaitlistEntryStatus;
  notes: string;
  createdAt: string;
  /** The newest offer made to this entry, if any. */
  offer: WaitlistOffer | null;
}
