import { LIVE_CALL_STATUSES, type CallLiveEvent, type CallStatus, type CallView } from "@frontoffice/domain";

/**
 * What a console knows of its office's live calls, built from the `calls.live` subscription: a
 * snapshot first (and again after every reconnect), then one event per changed call. Events may
 * arrive out of order or twice (two server processes, a reconnect racing an update): a call's
 * `version` decides, never the arrival order.
 */
export interface LiveCallsState {
  /** Live calls by id. */
  calls: ReadonlyMap<string, CallView>;
  /** The last version seen of calls that ended, so a late update cannot bring one back. */
  ended: ReadonlyMap<string, number>;
  /** When this console saw each call enter its current status (ISO), for the status timer. */
  since: ReadonlyMap<string, string>;
  /** Whether a snapshot has arrived since the subscription (re)started. */
  ready: boolean;
}

export const EMPTY_LIVE_CALLS: LiveCallsState = { calls: new Map(), ended: new Map(), since: new Map(), ready: false };

const LIVE = new Set<CallStatus>(LIVE_CALL_STATUSES);

export function isLiveCall(call: Pick<CallView, "status">): boolean {
  return LIVE.has(call.status);
}

/** Where a status timer starts when the console did not see the change happen. */
function statusStart(call: CallView): string {
  return call.status === "ringing" || call.status === "queued" ? call.offeredAt : (call.answeredAt ?? call.offeredAt);
}

function sinceFor(previous: CallView | undefined, previousSince: string | undefined, next: CallView, now: string): string {
  if (!previous) return statusStart(next);
  if (previous.status === next.status && previousSince) return previousSince;
  return now;
}

/** Whether `incoming` is newer than what the state holds for that call. */
function isNewer(state: LiveCallsState, incoming: CallView): boolean {
  const known = state.calls.get(incoming.id)?.version ?? state.ended.get(incoming.id);
  return known === undefined || incoming.version > known;
}

/**
 * Folds one subscription event into the state. A snapshot is the truth about which calls are
 * live (calls missing from it have ended), except that a call already seen at a newer version
 * keeps that version. A call event applies only when its version is newer; an ended call leaves
 * the lines. `now` is this console's clock, for the status timers.
 */
export function applyLiveEvent(state: LiveCallsState, event: CallLiveEvent, now: string): LiveCallsState {
  if (event.kind === "snapshot") {
    const calls = new Map<string, CallView>();
    const since = new Map<string, string>();
    const ended = new Map(state.ended);
    for (const incoming of event.calls) {
      const current = state.calls.get(incoming.id);
      const endedAt = ended.get(incoming.id);
      if (endedAt !== undefined && endedAt >= incoming.version) continue;
      const chosen = current && current.version > incoming.version ? current : incoming;
      if (!isLiveCall(chosen)) {
        ended.set(chosen.id, chosen.version);
        continue;
      }
      calls.set(chosen.id, chosen);
      since.set(chosen.id, sinceFor(current, state.since.get(chosen.id), chosen, now));
    }
    return { calls, ended, since, ready: true };
  }

  const incoming = event.call;
  if (!isNewer(state, incoming)) return state;
  const calls = new Map(state.calls);
  const since = new Map(state.since);
  if (!isLiveCall(incoming)) {
    calls.delete(incoming.id);
    since.delete(incoming.id);
    const ended = new Map(state.ended);
    ended.set(incoming.id, incoming.version);
    return { ...state, calls, since, ended };
  }
  since.set(incoming.id, sinceFor(state.calls.get(incoming.id), state.since.get(incoming.id), incoming, now));
  calls.set(incoming.id, incoming);
  return { ...state, calls, since };
}

/** The subscription dropped: keep showing the last known calls, but wait for a fresh snapshot. */
export function markStale(state: LiveCallsState): LiveCallsState {
  return state.ready ? { ...state, ready: false } : state;
}

export interface ConsoleLine {
  line: number;
  call: CallView | null;
}

/**
 * The console's rows: every line of the office (1..lineCount), plus any line a live call sits on
 * beyond that (the office's line count was lowered while calls were up), in line order.
 */
export function consoleLines(state: LiveCallsState, lineCount: number): ConsoleLine[] {
  const byLine = new Map<number, CallView>();
  for (const call of state.calls.values()) {
    const other = byLine.get(call.line);
    // One live call per line; should two ever show (an update in flight), the earlier offered wins the row.
    if (!other || call.offeredAt < other.offeredAt) byLine.set(call.line, call);
  }
  const highest = Math.max(lineCount, ...byLine.keys());
  const lines: ConsoleLine[] = [];
  for (let line = 1; line <= highest; line++) lines.push({ line, call: byLine.get(line) ?? null });
  return lines;
}

/** Whole seconds from `since` to `now` (never negative: clocks of server and browser differ a little). */
export function elapsedSeconds(since: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
}

/** A timer as a receptionist reads it: `0:07`, `12:30`, `1:02:03`. */
export function formatElapsed(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

/**
 * The call selected after the calls changed: the same one while it is live; otherwise the first
 * ringing call, then any call, by line; null when no line has a call.
 */
export function nextSelection(lines: readonly ConsoleLine[], selectedId: string | null): string | null {
  const calls = lines.flatMap((row) => (row.call ? [row.call] : []));
  if (selectedId && calls.some((call) => call.id === selectedId)) return selectedId;
  return (calls.find((call) => call.status === "ringing") ?? calls[0])?.id ?? null;
}

/** The call `step` rows away from the selected one among the lines that have a call (wraps round). */
export function moveSelection(lines: readonly ConsoleLine[], selectedId: string | null, step: 1 | -1): string | null {
  const calls = lines.flatMap((row) => (row.call ? [row.call] : []));
  if (calls.length === 0) return null;
  const index = calls.findIndex((call) => call.id === selectedId);
  if (index === -1) return (step === 1 ? calls[0] : calls[calls.length - 1])?.id ?? null;
  return calls[(index + step + calls.length) % calls.length]?.id ?? null;
}
