import { z } from "zod";
import type { AppointmentStatus } from "./appointments.js";
import type { OfficeKind } from "./office.js";
import type { VisitStatus } from "./visitors.js";

/**
 * The waiting-room board: everyone an office expects or has today (the day's appointments and
 * visitors), each at a stage from `expected` to `done`. Pure rules here (stages, which may follow
 * which, the timers and the wait alert); the server keeps the stages, the web client ticks the
 * timers with the same functions.
 */

const id = z.uuid("validation.id_invalid");

export const WAITING_STAGES = ["expected", "arrived", "in_room", "with_provider", "done"] as const;
export type WaitingStage = (typeof WAITING_STAGES)[number];
export const waitingStageSchema = z.enum(WAITING_STAGES, { error: "validation.invalid" });

/**
 * Which stage may follow which: only forward. Someone can skip the room (straight to the
 * provider) or leave without being seen (straight to done); nobody goes back.
 */
export const WAITING_STAGE_NEXT: Readonly<Record<WaitingStage, readonly WaitingStage[]>> = {
  expected: ["arrived"],
  arrived: ["in_room", "with_provider", "done"],
  in_room: ["with_provider", "done"],
  with_provider: ["done"],
  done: [],
};

export function canMoveStage(from: WaitingStage, to: WaitingStage): boolean {
  return WAITING_STAGE_NEXT[from].includes(to);
}

/** The usual next stage (what the board's "next" key does), or undefined at the end. */
export function nextWaitingStage(stage: WaitingStage): WaitingStage | undefined {
  return WAITING_STAGE_NEXT[stage][0];
}

export function stageRank(stage: WaitingStage): number {
  return WAITING_STAGES.indexOf(stage);
}

/** The stage an appointment's own status implies (set on the schedule, say, not on the board). */
export function stageOfAppointmentStatus(status: AppointmentStatus): WaitingStage {
  switch (status) {
    case "checked_in":
      return "arrived";
    case "in_progress":
      return "with_provider";
    case "completed":
      return "done";
    default:
      return "expected";
  }
}

/** The stage a visit's own status implies (checked in or out at the desk or the kiosk). */
export function stageOfVisitStatus(status: VisitStatus): WaitingStage {
  return status === "checked_in" ? "arrived" : status === "checked_out" ? "done" : "expected";
}

/**
 * The appointment status each stage keeps in step (`in_room` changes nothing: the appointment
 * stays checked in until the provider starts).
 */
export const APPOINTMENT_STATUS_OF_STAGE: Readonly<Partial<Record<WaitingStage, AppointmentStatus>>> = {
  arrived: "checked_in",
  with_provider: "in_progress",
  done: "completed",
};

/** Which translation a stage's name takes: "with the provider" depends on the office's kind. */
export function waitingStageLabelKey(stage: WaitingStage, kind: OfficeKind): string {
  return stage === "with_provider" ? `waitingRoom.stage.with_provider.${kind}` : `waitingRoom.stage.${stage}`;
}

/** A board row: an appointment (with its visit, if one was pre-registered for it) or a visit. */
export const waitingSubjectSchema = z.union([z.strictObject({ appointmentId: id }), z.strictObject({ visitId: id })]);
export type WaitingSubject = z.infer<typeof waitingSubjectSchema>;

export const waitingBoardSchema = z.strictObject({ officeId: id });
export type WaitingBoardInput = z.input<typeof waitingBoardSchema>;

/**
 * Moves a row to a stage. `from` is the stage the board showed: a stale board (someone else
 * moved the person meanwhile) gets WAITING_STAGE_CONFLICT and changes nothing.
 */
export const waitingMoveSchema = z.strictObject({
  officeId: id,
  subject: waitingSubjectSchema,
  from: waitingStageSchema,
  to: waitingStageSchema,
});
export type WaitingMoveInput = z.input<typeof waitingMoveSchema>;

export interface WaitingRow {
  /** `appointment:<id>` or `visit:<id>`: stable across refreshes. */
  key: string;
  subject: WaitingSubject;
  appointmentId: string | null;
  visitId: string | null;
  /** The client's or the visitor's name. */
  name: string;
  /** The appointment's service, or the visit's purpose. */
  serviceName: string | null;
  /** The appointment's staff member, or the visit's host. */
  staffName: string;
  /** When they are expected (ISO), null for a walk-in. */
  scheduledAt: string | null;
  stage: WaitingStage;
  /** When the row entered its current stage (null while expected). */
  stageSince: string | null;
  arrivedAt: string | null;
  inRoomAt: string | null;
  withProviderAt: string | null;
  doneAt: string | null;
  appointmentStatus: AppointmentStatus | null;
  visitStatus: VisitStatus | null;
}

export interface WaitingBoard {
  officeId: string;
  officeName: string;
  officeKind: OfficeKind;
  timeZone: string;
  /** The office-local date of the board. */
  date: string;
  waitThresholdMinutes: number;
  /** The server's clock when the board was read (ISO): the client measures its own offset from it. */
  now: string;
  /** Rows over the wait threshold at `now`. */
  overThreshold: number;
  /** Rows late at `now` (expected time passed, not arrived). */
  late: number;
  rows: WaitingRow[];
}

const MINUTE_MS = 60_000;

export interface WaitingTimers {
  /** Milliseconds waited since arrival: until the provider started (or they left), else until now. Null before arrival. */
  waitingMs: number | null;
  /** Milliseconds in the current stage; null while expected. */
  stageMs: number | null;
  /** Still waiting (arrived or in a room) for longer than the office's threshold. */
  overThreshold: boolean;
  /** Their time has passed and they have not arrived. */
  late: boolean;
  /** Milliseconds since the expected time, for a late row. */
  lateMs: number | null;
}

type TimedRow = Pick<WaitingRow, "stage" | "stageSince" | "arrivedAt" | "withProviderAt" | "doneAt" | "scheduledAt">;

const since = (iso: string | null, now: number) => (iso === null ? null : Math.max(0, now - Date.parse(iso)));

/**
 * A row's timers at an instant. Waiting counts from arrival until the provider starts, so time
 * spent in a room waiting for the doctor counts too; the alert is for someone still waiting.
 */
export function waitingTimers(row: TimedRow, now: number, thresholdMinutes: number): WaitingTimers {
  const stillWaiting = row.stage === "arrived" || row.stage === "in_room";
  const waitEnd = stillWaiting ? now : Date.parse(row.withProviderAt ?? row.doneAt ?? new Date(now).toISOString());
  const waitingMs = row.arrivedAt === null ? null : Math.max(0, waitEnd - Date.parse(row.arrivedAt));
  const late = row.stage === "expected" && row.scheduledAt !== null && now > Date.parse(row.scheduledAt);
  return {
    waitingMs,
    stageMs: row.stage === "expected" ? null : since(row.stageSince, now),
    overThreshold: stillWaiting && waitingMs !== null && waitingMs > thresholdMinutes * MINUTE_MS,
    late,
    lateMs: late ? since(row.scheduledAt, now) : null,
  };
}

/** How many rows are over the threshold and how many are late, at an instant. */
export function waitingAlerts(rows: readonly TimedRow[], now: number, thresholdMinutes: number): { overThreshold: number; late: number } {
  let overThreshold = 0;
  let late = 0;
  for (const row of rows) {
    const timers = waitingTimers(row, now, thresholdMinutes);
    if (timers.overThreshold) overThreshold++;
    if (timers.late) late++;
  }
  return { overThreshold, late };
}

/** A duration as a wall-screen timer: `m:ss`, or `h:mm:ss` from an hour. */
export function formatTimer(milliseconds: number): string {
  const total = Math.floor(Math.max(0, milliseconds) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
