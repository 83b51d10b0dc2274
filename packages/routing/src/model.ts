import type { DateOverride, IsoDate, IsoInstant, TimeZoneId, WeeklyHours } from "@frontoffice/scheduling";

export type { IsoInstant };

/** How a department offers a call to its free staff. */
export const QUEUE_STRATEGIES = ["ring_all", "longest_idle", "round_robin"] as const;
/**
 * - `ring_all`: every free member at once;
 * - `longest_idle`: the member free for longest (`idleSince` earliest);
 * - `round_robin`: the member offered a call least recently (`lastOfferedAt` earliest, never first).
 */
export type QueueStrategy = (typeof QUEUE_STRATEGIES)[number];

/** A staff member's live status; only `available` members are ever rung. */
export const STAFF_STATUSES = ["available", "busy", "on_break", "off_shift"] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** Where a department's calls go when nobody answers within its time-out. */
export type OverflowTarget =
  | { readonly kind: "department"; readonly departmentId: string }
  | { readonly kind: "voicemail" }
  | { readonly kind: "callback" };

/**
 * Opening hours, local to the office's time zone: weekly hours, date overrides (which win) and
 * holidays, as in `@frontoffice/scheduling`.
 */
export interface OpeningHours {
  readonly weeklyHours: WeeklyHours;
  readonly overrides?: readonly DateOverride[];
  /** Local dates on which it is closed (`publicHolidays` of `@frontoffice/scheduling` helps). */
  readonly holidays?: readonly IsoDate[];
}

export interface Office extends OpeningHours {
  readonly timeZone: TimeZoneId;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  /** Internal extension, 2 to 6 digits (as in `@frontoffice/domain`'s department schema). */
  readonly extension?: string | null;
  /**
   * Its own hours, in the office's time zone; the office's hours when absent. Without holidays
   * of its own it closes on the office's.
   */
  readonly hours?: OpeningHours;
  readonly strategy: QueueStrategy;
  /** How long a call waits for this department before it overflows; a whole number ≥ 1. */
  readonly timeoutSeconds: number;
  /** Where a timed-out call goes; voicemail for the department when absent. */
  readonly overflow?: OverflowTarget;
}

export interface StaffMember {
  readonly id: string;
  /** Direct extension, 2 to 6 digits. */
  readonly extension?: string | null;
  readonly departmentIds: readonly string[];
  readonly skills?: readonly string[];
  /** Languages spoken, as lower-case codes (`en`, `es`, `it`). */
  readonly languages?: readonly string[];
  readonly status: StaffStatus;
  /** Since when the member has been free (longest idle); null or absent: unknown, counted last. */
  readonly idleSince?: IsoInstant | null;
  /** When the member was last offered a call (round robin); null or absent: never, offered first. */
  readonly lastOfferedAt?: IsoInstant | null;
}

/** How much a caller jumps the queue: VIP before known clients before everyone else. */
export type CallerPriority = "vip" | "known_client" | "standard";

/** A call already waiting in a department's queue. */
export interface WaitingCall {
  readonly callId: string;
  readonly priority: CallerPriority;
  /** When it joined the queue; earlier first within one priority. */
  readonly queuedAt: IsoInstant;
}

/** The live state the engine decides on. */
export interface RoutingState {
  readonly office: Office;
  readonly departments: readonly Department[];
  readonly staff: readonly StaffMember[];
  /** Calls waiting per department id, in any order. */
  readonly queues?: Readonly<Record<string, readonly WaitingCall[]>>;
  /** How many overflows one call may take before it goes to voicemail; 3 when absent. */
  readonly maxOverflowHops?: number;
  /**
   * Where a call that names no extension or department goes when no rule matched (an office's
   * main number without an IVR); such a call is refused (`ROUTING_NO_DESTINATION`) when absent or null.
   */
  readonly defaultDepartmentId?: string | null;
}

/** Which calls a rule applies to; every condition given must hold, an empty match takes all. */
export interface RuleMatch {
  /** The number dialled (E.164) or extension, one of these. */
  readonly dialled?: readonly string[];
  /** The IVR menu choice, one of these (`"1"`, `"billing"`). */
  readonly ivrChoice?: readonly string[];
  /** The department the call is for, one of these. */
  readonly departmentId?: readonly string[];
  /** The caller's chosen language, one of these. */
  readonly language?: readonly string[];
  /** The caller's priority, one of these. */
  readonly priority?: readonly CallerPriority[];
}

/** What a rule does with a call it matches. */
export type RuleAction =
  | {
      readonly kind: "department";
      readonly departmentId: string;
      /** Only members with every one of these skills. */
      readonly requiredSkills?: readonly string[];
    }
  | { readonly kind: "staff"; readonly staffId: string }
  | { readonly kind: "voicemail"; readonly departmentId?: string; readonly staffId?: string }
  | { readonly kind: "callback" };

/** One routing rule; rules are an ordered list and the first match wins. */
export interface RoutingRule {
  readonly id: string;
  readonly match: RuleMatch;
  readonly action: RuleAction;
}

/** An incoming call as the phone system reports it. */
export interface Call {
  readonly id: string;
  /** The caller's number, already normalized to E.164 (`+34612345678`); null when withheld. */
  readonly callerNumber: string | null;
  /** The number the caller dialled (E.164), when known. */
  readonly dialledNumber?: string;
  /** The extension dialled (internal calls, or typed after the greeting). */
  readonly extension?: string;
  /** The department the call is for (from the IVR, or where an overflow sent it). */
  readonly departmentId?: string;
  /** The caller's chosen language, a lower-case code (`es`). */
  readonly language?: string;
  readonly ivrChoice?: string;
  /** The client the number belongs to, when known. */
  readonly knownClientId?: string | null;
  readonly vip?: boolean;
  /** Seconds it has waited where it is now (since it arrived, or since its last overflow). */
  readonly waitedSeconds: number;
  /** Overflows taken so far; 0 when absent. Rules only apply before the first one. */
  readonly overflowHops?: number;
}

/** Who a voicemail is for. */
export type VoicemailFor = { readonly kind: "department"; readonly departmentId: string } | { readonly kind: "staff"; readonly staffId: string };

/** Where the call goes. */
export type RoutingAction =
  | { readonly action: "ring"; readonly departmentId: string | null; readonly targets: readonly string[] }
  | { readonly action: "queue"; readonly departmentId: string; readonly position: number }
  | { readonly action: "overflow"; readonly from: string; readonly to: string }
  | { readonly action: "voicemail"; readonly for: VoicemailFor }
  | { readonly action: "callback"; readonly departmentId: string | null }
  | { readonly action: "closed"; readonly reason: "after_hours" | "holiday"; readonly opensAt: IsoInstant | null };

/** Why the engine decided what it did: one step at a time, codes the client translates. */
export const EXPLANATION_CODES = [
  /** `ruleId`. */
  "rule_matched",
  /** No rule matched: the call goes where it was dialled. */
  "no_rule_matched",
  /** Rules are skipped after an overflow. `hops`. */
  "rules_skipped_after_overflow",
  /** `extension`, `departmentId` or `staffId`. */
  "extension_dialled",
  /** `departmentId`. */
  "department_selected",
  /** `priority` (`vip` or `known_client`). */
  "caller_priority",
  /** `reason` (`after_hours`, `holiday`), `opensAt`, `departmentId` (null: the office). */
  "closed",
  /** `waitedSeconds`, `timeoutSeconds`, `departmentId`. */
  "timed_out",
  /** `from`, `to`, `hops`. */
  "overflowed",
  /** `hops`, `limit`. */
  "hop_limit_reached",
  /** `skills`, `count` (members who have them). */
  "skills_required",
  /** `language`, `count` (free members who speak it). */
  "language_preferred",
  /** `language`: nobody free speaks it; anyone free is offered the call. */
  "no_speaker_free",
  /** `departmentId`, `count`. */
  "staff_available",
  /** `departmentId`: nobody is available. */
  "no_staff_available",
  /** `strategy`, `targets`. */
  "strategy_applied",
  /** `departmentId`, `position`, `ahead`. */
  "queued",
  /** `staffId`, `status`. */
  "staff_unavailable",
  /** `for` (`department`/`staff`), `id`. */
  "voicemail",
  /** `departmentId`. */
  "callback_requested",
  /** `departmentId`: no rule matched and the call names no one, so it goes to the office's default department. */
  "default_destination",
] as const;
export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

export type ExplanationParams = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

export interface ExplanationStep {
  readonly code: ExplanationCode;
  readonly params: ExplanationParams;
}

/** A decision and its explanation. */
export type RoutingDecision = RoutingAction & { readonly explanation: readonly ExplanationStep[] };
