import { z } from "zod";
import { instantSchema } from "./appointments.js";
import { localeSchema, type Locale } from "./locale.js";

/**
 * Calls at the desk: the lines of an office's console, the events a phone system reports
 * (webhooks, or the in-app simulator), what the receptionist does with a call, and what every
 * open console is told live. The routing rules themselves are `@frontoffice/routing`'s.
 */

const id = z.uuid("validation.id_invalid");

/** Where a call is now. `transferring`: an announced transfer is waiting for its target. */
export const CALL_STATUSES = ["ringing", "queued", "connected", "on_hold", "transferring", "ended"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
/** Statuses of a call still on a line. */
export const LIVE_CALL_STATUSES: readonly CallStatus[] = ["ringing", "queued", "connected", "on_hold", "transferring"];

/** How a call ended: the analysis counts answer rates and abandonment from these. */
export const CALL_OUTCOMES = ["answered", "abandoned", "missed", "voicemail", "callback", "message", "closed", "rejected"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_SOURCES = ["generic", "twilio", "simulator"] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

export const CALL_EVENT_KINDS = [
  "offered",
  "routed",
  "queued",
  "overflowed",
  "answered",
  "held",
  "resumed",
  "transfer_started",
  "transfer_cancelled",
  "transferred",
  "transfer_returned",
  "message_taken",
  "callback_scheduled",
  "voicemail",
  "ended",
] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** A staff member's live state, as `@frontoffice/routing` reads it (same values, a test checks). */
export const PRESENCE_STATUSES = ["available", "busy", "on_break", "off_shift"] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
export const presenceStatusSchema = z.enum(PRESENCE_STATUSES, { error: "validation.invalid" });

/** Queue strategies, as `@frontoffice/routing`'s `QUEUE_STRATEGIES` (a test checks). */
export const CALL_QUEUE_STRATEGIES = ["ring_all", "longest_idle", "round_robin"] as const;
export type CallQueueStrategy = (typeof CALL_QUEUE_STRATEGIES)[number];

export const TELEPHONY_PROVIDERS = ["generic", "twilio"] as const;
export type TelephonyProvider = (typeof TELEPHONY_PROVIDERS)[number];

/** Most lines an office's console can have. */
export const MAX_CALL_LINES = 32;

const extensionSchema = z.string().trim().regex(/^[0-9]{2,6}$/, "validation.extension_invalid");

// --- What a phone system reports (the generic JSON webhook; Twilio's is mapped onto it) -------

export const TELEPHONY_EVENTS = ["ringing", "answered", "ended"] as const;
export type TelephonyEventName = (typeof TELEPHONY_EVENTS)[number];

/** Why the phone system says a call ended. */
export const TELEPHONY_END_REASONS = ["completed", "caller_hung_up", "no_answer", "busy", "failed", "voicemail"] as const;
export type TelephonyEndReason = (typeof TELEPHONY_END_REASONS)[number];

/**
 * One event of the generic webhook (`POST /telephony/<endpoint id>/events`, JSON, signed).
 * Numbers are taken as the phone system sends them and normalized to E.164 with the office's
 * country; `from` null or absent: a withheld number.
 */
export const telephonyEventSchema = z.strictObject({
  event: z.enum(TELEPHONY_EVENTS, { error: "validation.invalid" }),
  /** The phone system's own id of the call; an event repeated with the same id changes nothing twice. */
  callId: z.string().trim().min(1, "validation.required").max(128, "validation.too_long"),
  from: z.string().trim().max(40, "validation.too_long").nullable().optional(),
  to: z.string().trim().max(40, "validation.too_long").optional(),
  callerName: z.string().trim().max(200, "validation.too_long").optional(),
  extension: extensionSchema.optional(),
  ivrChoice: z.string().trim().max(32, "validation.too_long").optional(),
  language: localeSchema.optional(),
  /** When it happened at the phone system; the server's clock when absent. */
  at: instantSchema.optional(),
  /** `answered`: the extension that picked up, when the phone system knows it. */
  answeredByExtension: extensionSchema.optional(),
  /** `ended`: why. */
  reason: z.enum(TELEPHONY_END_REASONS, { error: "validation.invalid" }).optional(),
});
export type TelephonyEvent = z.output<typeof telephonyEventSchema>;
export type TelephonyEventInput = z.input<typeof telephonyEventSchema>;

// --- What the console shows ----------------------------------------------------------------------

/** A step of a routing explanation (`@frontoffice/routing`'s), translated by the client. */
export interface CallExplanationStep {
  code: string;
  params: Record<string, unknown>;
}

export type CallTransferTarget = { kind: "department"; departmentId: string } | { kind: "staff"; staffId: string };
export const TRANSFER_MODES = ["blind", "announced"] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** An announced transfer waiting for its target to accept (the caller is on hold meanwhile). */
export interface CallTransfer {
  mode: TransferMode;
  target: CallTransferTarget;
  targetName: string;
  startedBy: string;
  startedAt: string;
}

/** A call as every open console shows it. */
export interface CallView {
  id: string;
  officeId: string;
  line: number;
  source: CallSource;
  status: CallStatus;
  outcome: CallOutcome | null;
  /** E.164, or null when withheld. */
  callerNumber: string | null;
  callerName: string | null;
  client: { id: string; displayName: string } | null;
  vip: boolean;
  language: Locale | null;
  extension: string | null;
  department: { id: string; name: string } | null;
  /** Who has it (connected, on hold) or is being offered it (ringing a person). */
  staff: { id: string; displayName: string } | null;
  /** The last routing decision: `ring`, `queue`, `voicemail`, `callback`, `closed`… */
  decision: { action: string; explanation: CallExplanationStep[] } | null;
  transfer: CallTransfer | null;
  overflowHops: number;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  version: number;
}

/** What a console subscription yields: the office's live calls first, then each change. */
export type CallLiveEvent = { kind: "snapshot"; calls: CallView[] } | { kind: "call"; call: CallView };

// --- What the receptionist does -------------------------------------------------------------------

export const callRefSchema = z.strictObject({ callId: id });
export type CallRefInput = z.input<typeof callRefSchema>;

export const callTransferTargetSchema = z.discriminatedUnion(
  "kind",
  [z.strictObject({ kind: z.literal("department"), departmentId: id }), z.strictObject({ kind: z.literal("staff"), staffId: id })],
  { error: "validation.invalid" },
);

export const callTransferSchema = z.strictObject({
  callId: id,
  mode: z.enum(TRANSFER_MODES, { error: "validation.invalid" }),
  target: callTransferTargetSchema,
});
export type CallTransferInput = z.input<typeof callTransferSchema>;

export const callLiveSchema = z.strictObject({ officeId: id });

export const callLogSchema = z.strictObject({
  officeId: id,
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  clientId: id.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CallLogInput = z.input<typeof callLogSchema>;

export const callMessageSchema = z
  .strictObject({
    officeId: id,
    callId: id.optional(),
    forStaffId: id,
    callerName: z.string().trim().max(200, "validation.too_long").optional(),
    /** As typed; normalized to E.164 with the office's country. */
    callerNumber: z.string().trim().max(40, "validation.too_long").optional(),
    clientId: id.optional(),
    body: z.string().trim().min(1, "validation.required").max(2000, "validation.too_long"),
    callbackRequested: z.boolean().default(false),
    urgent: z.boolean().default(false),
  })
  .refine((input) => input.callId || input.callerName || input.callerNumber || input.clientId, {
    message: "validation.caller_required",
    path: ["callerName"],
  });
export type CallMessageInput = z.input<typeof callMessageSchema>;

export const callCallbackSchema = z.strictObject({
  callId: id,
  /** Whose agenda the call-back goes on (the receptionist's own when absent). */
  staffId: id.optional(),
  dueAt: instantSchema,
  note: z.string().trim().max(500, "validation.too_long").optional(),
});
export type CallCallbackInput = z.input<typeof callCallbackSchema>;

export const presenceUpdateSchema = z.strictObject({ status: presenceStatusSchema });

/** The in-app call simulator (training, demos): the same events a phone system would send. */
export const callSimulateSchema = z.discriminatedUnion(
  "event",
  [
    z.strictObject({
      event: z.literal("ring"),
      officeId: id,
      /** As typed; empty: a withheld number. */
      from: z.string().trim().max(40, "validation.too_long"),
      callerName: z.string().trim().max(200, "validation.too_long").optional(),
      extension: extensionSchema.optional(),
      ivrChoice: z.string().trim().max(32, "validation.too_long").optional(),
      language: localeSchema.optional(),
    }),
    z.strictObject({ event: z.literal("hang_up"), callId: id }),
  ],
  { error: "validation.invalid" },
);
export type CallSimulateInput = z.input<typeof callSimulateSchema>;

// --- Identification, the call log, presence and messages -------------------------------------------

/** Who is calling: the number as the console has it (E.164, or typed), in an office. */
export const callIdentifySchema = z.strictObject({
  officeId: id,
  number: z.string().trim().min(1, "validation.required").max(40, "validation.too_long"),
});
export type CallIdentifyInput = z.input<typeof callIdentifySchema>;

export const callOfficeSchema = z.strictObject({ officeId: id });
export type CallOfficeInput = z.input<typeof callOfficeSchema>;

/** A client record a number belongs to. */
export interface CallerClient {
  id: string;
  displayName: string;
  vip: boolean;
  officeId: string | null;
  phones: { label: string; number: string }[];
  emails: { label: string; address: string }[];
  preferredLocale: Locale;
  notes: string;
}

export const CALLER_INTERACTION_KINDS = ["call", "appointment", "payment", "visit", "message"] as const;
export type CallerInteractionKind = (typeof CALLER_INTERACTION_KINDS)[number];

/** Something that happened with the caller, newest first on the console. */
export interface CallerInteraction {
  kind: CallerInteractionKind;
  id: string;
  at: string;
  clientId: string | null;
  /** call: its outcome or status; appointment, payment, visit: their status; message: `unread`/`read`. */
  status: string;
  /** call: who handled it; appointment: the service and who; payment: the amount; visit: the host; message: its first words. */
  summary: string;
  /** payment: amount in minor units. */
  amountMinor?: number;
  currency?: string;
}

/** What `calls.identify` answers: the number in E.164 (null: unreadable), the client(s), their last interactions. */
export interface CallerIdentification {
  number: string | null;
  clients: CallerClient[];
  interactions: CallerInteraction[];
}

/** One row of the call log: the call and the raw facts the analysis reads. */
export interface CallLogEntry extends CallView {
  /** Seconds from offered to answered (or to ended when never answered); null while waiting. */
  waitSeconds: number | null;
  /** Seconds from answered to ended; null when never answered or not ended. */
  talkSeconds: number | null;
  /** Everyone who had the call connected, in order. */
  handledBy: { id: string; displayName: string }[];
  /** Transfers completed (blind or announced). */
  transfers: number;
  /** Announced transfers that came back (cancelled or declined). */
  transfersReturned: number;
  /** The call's events, oldest first. */
  events: CallEventView[];
}

export interface CallEventView {
  kind: CallEventKind;
  at: string;
  staffId: string | null;
  departmentId: string | null;
  details: Record<string, unknown>;
}

/** A staff member's live state. */
export interface StaffPresence {
  staffId: string;
  displayName: string;
  extension: string | null;
  status: PresenceStatus;
  changedAt: string | null;
  idleSince: string | null;
}

/** A message taken for someone, as they (and the desk) see it. */
export interface CallMessage {
  id: string;
  officeId: string;
  callId: string | null;
  forStaff: { id: string; displayName: string };
  callerName: string | null;
  callerNumber: string | null;
  client: { id: string; displayName: string } | null;
  body: string;
  callbackRequested: boolean;
  urgent: boolean;
  takenBy: { id: string; displayName: string };
  takenAt: string;
  readAt: string | null;
}

/** What `calls.scheduleCallback` answers: the call after it and the agenda entry made. */
export interface CallCallbackResult {
  call: CallView;
  agendaEntryId: string;
}

/** What `calls.takeMessage` answers: the message, and the call after it (when one was given). */
export interface CallMessageResult {
  message: CallMessage;
  call: CallView | null;
}
