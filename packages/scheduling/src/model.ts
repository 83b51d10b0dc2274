import type { IsoDate, IsoInstant, LocalTime, TimeRange, TimeZoneId } from "./time.js";

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
/** A day of the week; `WEEKDAYS[isoWeekday - 1]`. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock hours, `{ start: "09:00", end: "14:00" }`; `end` may be `"24:00"`. */
export interface LocalInterval {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** Working (or opening) hours per weekday, several intervals a day; a missing day is closed. */
export type WeeklyHours = Partial<Readonly<Record<Weekday, readonly LocalInterval[]>>>;

/** Different hours on one local date; `hours: []` closes that date. Wins over holidays and weekly hours. */
export interface DateOverride {
  readonly date: IsoDate;
  readonly hours: readonly LocalInterval[];
}

/** An existing booking (appointment, block, class seat) on a calendar. */
export interface Booking extends TimeRange {
  readonly id?: string;
  /** Seats it takes on a group resource; 1 when absent. */
  readonly seats?: number;
  /** Minutes kept free before it (preparation); 0 when absent. */
  readonly bufferBeforeMinutes?: number;
  /** Minutes kept free after it (cleaning, notes); 0 when absent. */
  readonly bufferAfterMinutes?: number;
}

/**
 * The availability of one staff member or resource (room, chair, equipment). Hours are local
 * to `timeZone`; time off and bookings are instants.
 */
export interface Calendar {
  readonly id: string;
  /** Whether slots list it under `staff` or `resources`; `"staff"` when absent. */
  readonly kind?: "staff" | "resource";
  readonly timeZone: TimeZoneId;
  readonly weeklyHours: WeeklyHours;
  readonly overrides?: readonly DateOverride[];
  /** Local dates on which it is closed (see `publicHolidays` for Spain and Italy). */
  readonly holidays?: readonly IsoDate[];
  readonly timeOff?: readonly TimeRange[];
  readonly bookings?: readonly Booking[];
  /** Seats at once, for group resources (a class room with 12 places); 1 when absent. */
  readonly capacity?: number;
  /** Round-robin: when this staff member was last booked (null or absent: never). */
  readonly lastBookedAt?: IsoInstant | null;
  /** Round-robin: a weight ≥ 0; 2 counts idle time twice as much as 1. 1 when absent. */
  readonly weight?: number;
}

/**
 * Who a service needs at once:
 * - `one-of`: one of these calendars, picked round-robin (least recently booked first, weighted);
 * - `all-of`: every one of them (a consultation with a doctor and an interpreter);
 * - `staff-and-room`: one of the staff plus one of the rooms, each picked round-robin.
 */
export type ServiceNeeds =
  | { readonly kind: "one-of"; readonly ids: readonly string[] }
  | { readonly kind: "all-of"; readonly ids: readonly string[] }
  | { readonly kind: "staff-and-room"; readonly staff: readonly string[]; readonly rooms: readonly string[] };

/** What is being booked. */
export interface Service {
  readonly id?: string;
  readonly durationMinutes: number;
  /** Minutes kept free before each appointment; they must fit in working hours too. */
  readonly bufferBeforeMinutes?: number;
  /** Minutes kept free after each appointment; they must fit in working hours too. */
  readonly bufferAfterMinutes?: number;
  /** Seats one booking takes on a group resource; 1 when absent. */
  readonly seats?: number;
  /** Who it needs; one of all the candidates when absent. */
  readonly needs?: ServiceNeeds;
}

/** The office's booking rules. */
export interface BookingPolicy {
  /**
   * Slots start every `stepMinutes` from local midnight; a divisor of 1440 that divides the
   * duration. When absent, the largest divisor of both the duration and 60 (30 → 30, 45 → 15, 120 → 60).
   */
  readonly stepMinutes?: number;
  /** Slots start at least this many minutes after now; 0 when absent. */
  readonly minimumNoticeMinutes?: number;
  /** Slots start at most this many days (of 24 h) after now; no limit when absent. */
  readonly maxDaysAhead?: number;
}

/** A free slot and who would serve it. */
export interface Slot {
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  /** Staff calendars that would serve it, in the order the service names them. */
  readonly staff: readonly string[];
  /** Resource calendars (rooms, chairs, equipment) it would use. */
  readonly resources: readonly string[];
}
