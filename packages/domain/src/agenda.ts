import { z } from "zod";
import { MAX_AGENDA_DAYS, instantSchema, localDateSchema, type Appointment } from "./appointments.js";
import { phoneInputSchema } from "./client.js";

/**
 * The employer's day: a staff member's calendar as their assistants (delegates) keep it —
 * appointments plus blocks (busy time), tasks and call-backs, one-off or repeating by an RFC 5545
 * RRULE. The recurrence rules are checked by `@frontoffice/scheduling` on the server.
 */

export const AGENDA_ENTRY_KINDS = ["block", "task", "callback"] as const;
export type AgendaEntryKind = (typeof AGENDA_ENTRY_KINDS)[number];
export const AGENDA_ENTRY_STATUSES = ["open", "done", "cancelled"] as const;
export type AgendaEntryStatus = (typeof AGENDA_ENTRY_STATUSES)[number];
/** The largest .ics file accepted for import, in UTF-8 bytes. */
export const ICS_IMPORT_MAX_BYTES = 500_000;
/** The longest single block (a week): longer absences are time off. */
export const MAX_BLOCK_DAYS = 7;

const id = z.uuid("validation.id_invalid");
const version = z.int().min(1);
const title = z.string().trim().min(1, "validation.required").max(200, "validation.too_long");
const notes = z.string().trim().max(2000, "validation.too_long");
/** An RRULE value (`FREQ=WEEKLY;BYDAY=MO;COUNT=10`); whether it is bounded is the server's check. */
const rrule = z.string().trim().min(1, "validation.required").max(500, "validation.too_long");

/** A refinement: a block has an end after its start, at most a week later; a task's or call-back's end is optional. */
function checkEntryTimes(value: { kind?: AgendaEntryKind | undefined; start?: string | undefined; end?: string | null | undefined }, context: z.RefinementCtx): void {
  if (value.kind === "block" && !value.end) {
    context.addIssue({ code: "custom", message: "validation.required", path: ["end"] });
    return;
  }
  if (!value.start || !value.end) return;
  const span = Date.parse(value.end) - Date.parse(value.start);
  if (Number.isNaN(span)) return;
  if (span <= 0) context.addIssue({ code: "custom", message: "validation.time_range_invalid", path: ["end"] });
  else if (span > MAX_BLOCK_DAYS * 86_400_000) context.addIssue({ code: "custom", message: "validation.too_big", path: ["end"] });
}

export const agendaEntryInputSchema = z
  .strictObject({
    /** Whose calendar. */
    staffId: id,
    kind: z.enum(AGENDA_ENTRY_KINDS, { error: "validation.invalid" }),
    title,
    notes: notes.optional(),
    /** A block's start; a task's or call-back's due time. */
    start: instantSchema,
    end: instantSchema.optional(),
    rrule: rrule.optional(),
    /** Call-backs: the client to call back, or a number (or both). */
    clientId: id.optional(),
    phone: phoneInputSchema.optional(),
    /** Blocks: keep the block even over live appointments (otherwise BLOCK_OVER_APPOINTMENTS lists them). */
    allowOverAppointments: z.boolean().optional(),
  })
  .superRefine((value, context) => {
    checkEntryTimes(value, context);
    if (value.kind !== "callback" && (value.clientId || value.phone)) context.addIssue({ code: "custom", message: "validation.invalid", path: ["phone"] });
    if (value.kind === "callback" && !value.clientId && !value.phone) context.addIssue({ code: "custom", message: "validation.required", path: ["phone"] });
  });
export type AgendaEntryInput = z.input<typeof agendaEntryInputSchema>;

/** Changes to an entry at the version the caller saw; `null` clears an optional field. */
export const agendaEntryUpdateSchema = z
  .strictObject({
    id,
    version,
    title: title.optional(),
    notes: notes.optional(),
    start: instantSchema.optional(),
    end: instantSchema.nullable().optional(),
    rrule: rrule.nullable().optional(),
    clientId: id.nullable().optional(),
    phone: phoneInputSchema.nullable().optional(),
    /** Blocks: keep the new time even over live appointments. */
    allowOverAppointments: z.boolean().optional(),
  })
  .superRefine((value, context) => checkEntryTimes(value, context));
export type AgendaEntryUpdateInput = z.input<typeof agendaEntryUpdateSchema>;

export const agendaEntryRefSchema = z.strictObject({ id, version });
export type AgendaEntryRef = z.input<typeof agendaEntryRefSchema>;

/**
 * Ticks a task or call-back done (or, with `done: false`, open again). A repeating one is ticked
 * one occurrence at a time, named by its start (`occurrenceStart`, required for a series).
 */
export const agendaCompleteSchema = z.strictObject({ id, version, done: z.boolean().default(true), occurrenceStart: instantSchema.optional() });
export type AgendaCompleteInput = z.input<typeof agendaCompleteSchema>;

/** Skips one occurrence of a repeating entry, named by its start. */
export const agendaSkipSchema = z.strictObject({ id, version, occurrenceStart: instantSchema });
export type AgendaSkipInput = z.input<typeof agendaSkipSchema>;

export const agendaDaySchema = z.strictObject({ staffId: id, date: localDateSchema });
export type AgendaDayQuery = z.input<typeof agendaDaySchema>;

/** Office-local dates `from`…`to`, both included, at most 42 days. */
export const agendaRangeSchema = z
  .strictObject({ staffId: id, from: localDateSchema, to: localDateSchema })
  .superRefine((value, context) => {
    const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
    if (Number.isNaN(days)) return;
    if (days < 0) context.addIssue({ code: "custom", message: "validation.time_range_invalid", path: ["to"] });
    else if (days + 1 > MAX_AGENDA_DAYS) context.addIssue({ code: "custom", message: "validation.date_range_too_long", path: ["to"] });
  });
export type AgendaRangeQuery = z.input<typeof agendaRangeSchema>;

export const agendaImportSchema = z.strictObject({
  staffId: id,
  /** The file's text; its size is checked by the server (ICS_TOO_LARGE), this only caps the request. */
  ics: z.string().max(4 * ICS_IMPORT_MAX_BYTES, "validation.too_long"),
});
export type AgendaImportInput = z.input<typeof agendaImportSchema>;

export const delegateSchema = z
  .strictObject({ principalStaffId: id, delegateStaffId: id })
  .refine((value) => value.principalStaffId !== value.delegateStaffId, { error: "validation.invalid", path: ["delegateStaffId"] });
export type DelegateInput = z.input<typeof delegateSchema>;

export const delegateListSchema = z.strictObject({ principalStaffId: id });

export interface AgendaEntry {
  id: string;
  staffId: string;
  kind: AgendaEntryKind;
  title: string;
  notes: string;
  /** ISO instants (UTC); `end` null for a task or call-back without one. */
  start: string;
  end: string | null;
  /** The zone a repeating entry repeats in (its wall-clock time stays put across DST). */
  timeZone: string;
  rrule: string | null;
  /** Skipped occurrences: ISO instants of their starts, or whole local dates. */
  exdates: string[];
  /** Occurrences of a repeating task or call-back ticked done: ISO instants of their starts. */
  doneOccurrences: string[];
  clientId: string | null;
  clientName: string | null;
  /** E.164. */
  phone: string | null;
  status: AgendaEntryStatus;
  doneAt: string | null;
  source: "manual" | "ics";
  version: number;
  updatedAt: string;
}

/** One line of a day's agenda: an appointment, or one occurrence of an entry. */
export type AgendaItem =
  | { type: "appointment"; key: string; start: string; end: string; appointment: Appointment }
  | {
      type: "entry";
      /** Unique in the response: the entry id, plus the occurrence's start for a repeating entry. */
      key: string;
      start: string;
      end: string | null;
      /** For a repeating entry, the occurrence's start (what `skipOccurrence` takes); else null. */
      occurrenceStart: string | null;
      /** This occurrence (or the one-off entry) is done. */
      done: boolean;
      entry: AgendaEntry;
    };

export interface AgendaDay {
  staffId: string;
  staffName: string;
  /** The zone the dates are read in (the staff member's). */
  timeZone: string;
  from: string;
  to: string;
  /** In time order. */
  items: AgendaItem[];
}

export interface AgendaImportResult {
  added: number;
  updated: number;
  /** Already there, as in the file. */
  unchanged: number;
  /** Not imported: cancelled events, changed single occurrences of a series, unbounded or too long series. */
  skipped: number;
}

/** An appointment a block would cover (BLOCK_OVER_APPOINTMENTS). */
export interface OverlappedAppointment {
  id: string;
  start: string;
  end: string;
  clientName: string;
  serviceName: string;
}

export interface DelegateLink {
  principalStaffId: string;
  principalName: string;
  delegateStaffId: string;
  delegateName: string;
  createdAt: string;
}
