/**
 * Calls at the desk: what a phone system (or the simulator) reports, routed with
 * `@frontoffice/routing` over the office's live state, and what the receptionist does with a call.
 *
 * Every change is one transaction that bumps the call's `version`, appends its `call_event`s and
 * announces it (`notifyCallChanged`, delivered at commit). Concurrency is the database's: every
 * console action is a conditional update on the call's status (and who holds it), so of two
 * receptionists answering one ringing call exactly one wins and the other gets
 * `CALL_STATE_INVALID`; a line is taken by inserting on it (one live call per line is a partial
 * unique index), so two calls never share a line.
 */
import { randomUUID } from "node:crypto";
import {
  DomainError,
  LIVE_CALL_STATUSES,
  normalizePhone,
  type CallOutcome,
  type CallSource,
  type CallStatus,
  type CallTransfer,
  type CallView,
  type CountryCode,
  type TelephonyEvent,
} from "@frontoffice/domain";
import { jsonb, type CallRow, type CallTable, type Database, type NewCall } from "@frontoffice/db";
import { isRoutingError, route, type Call, type RoutingDecision, type RoutingRule } from "@frontoffice/routing";
import type { Kysely, Transaction, Updateable } from "kysely";
import type { Clock } from "../../clock.js";
import { notifyCallChanged } from "../../live/calls.js";
import type { Logger } from "../../logger.js";
import { findCallByExternalId, insertCallEvents, loadCallView, markOffered, setPresence, type CallEventValues } from "./queries.js";
import { loadRoutingSetup, routedAt, type RoutingSetup } from "./routing-state.js";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type Executor = Db | Trx;

export interface CallDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface TelephonySource {
  kind: CallSource;
  organizationId: string;
  officeId: string;
  endpointId: string | null;
}

export interface IngestResult {
  call: CallView;
  decision: RoutingDecision | null;
  duplicate: boolean;
}

// --- Routing ----------------------------------------------------------------------------------------

/** A routing package error as the domain error with the same code. */
export function toDomainError(error: unknown): unknown {
  return isRoutingError(error) ? new DomainError(error.code, error.message, { ...error.details }) : error;
}

/** What a routing decision does to the call row, and the events it writes. */
interface Placement {
  status: CallStatus;
  outcome: CallOutcome | null;
  departmentId: string | null;
  staffId: string | null;
  ringing: readonly string[];
  events: Omit<CallEventValues, "organizationId" | "callId" | "at">[];
}

/**
 * Where a call goes: `route` with the office's setup, following overflows (each one a hop, rules
 * skipped after the first) until the call rings, queues or ends. Routing errors become domain
 * errors with the same code.
 */
export function decide(setup: RoutingSetup, call: Call, rules: readonly RoutingRule[], at: Date): { decision: RoutingDecision; call: Call; events: Placement["events"] } {
  const events: Placement["events"] = [];
  try {
    let current = call;
    let decision = route(current, setup.state, rules, at.toISOString());
    while (decision.action === "overflow") {
      const hops = (current.overflowHops ?? 0) + 1;
      events.push({ kind: "overflowed", departmentId: decision.to, details: { from: decision.from, to: decision.to, hops } });
      current = { ...current, departmentId: decision.to, overflowHops: hops, waitedSeconds: 0 };
      decision = route(current, setup.state, rules, at.toISOString());
    }
    return { decision, call: current, events };
  } catch (error) {
    throw toDomainError(error);
  }
}

function placementOf(decision: RoutingDecision, current: { departmentId: string | null }): Placement {
  const explained = { explanation: decision.explanation };
  switch (decision.action) {
    case "ring": {
      const staffId = decision.targets.length === 1 ? (decision.targets[0] as string) : null;
      return {
        status: "ringing",
        outcome: null,
        departmentId: decision.departmentId,
        staffId,
        ringing: decision.targets,
        events: [{ kind: "routed", departmentId: decision.departmentId, staffId, details: { action: "ring", targets: decision.targets } }],
      };
    }
    case "queue":
      return { status: "queued", outcome: null, departmentId: decision.departmentId, staffId: null, ringing: [], events: [{ kind: "queued", departmentId: decision.departmentId, details: { position: decision.position } }] };
    case "voicemail": {
      const departmentId = decision.for.kind === "department" ? decision.for.departmentId : current.departmentId;
      const staffId = decision.for.kind === "staff" ? decision.for.staffId : null;
      return {
        status: "ended",
        outcome: "voicemail",
        departmentId,
        staffId,
        ringing: [],
        events: [
          { kind: "voicemail", departmentId, staffId, details: explained },
          { kind: "ended", details: { outcome: "voicemail" } },
        ],
      };
    }
    case "callback":
      return { status: "ended", outcome: "callback", departmentId: decision.departmentId ?? current.departmentId, staffId: null, ringing: [], events: [{ kind: "ended", departmentId: decision.departmentId, details: { outcome: "callback", requested: true } }] };
    case "closed":
      return { status: "ended", outcome: "closed", departmentId: current.departmentId, staffId: null, ringing: [], events: [{ kind: "ended", details: { outcome: "closed", reason: decision.reason, opensAt: decision.opensAt } }] };
    case "overflow":
      // `decide` follows overflows; one never reaches here.
      throw new DomainError("INTERNAL", "unresolved overflow");
  }
}

/** The decision as the call row keeps it, with when the call got where it waits now. */
const storedDecision = (decision: RoutingDecision, at: Date) => jsonb({ ...decision, at: at.toISOString() });

const WITHHELD = new Set(["", "anonymous", "private", "withheld", "unknown", "restricted", "unavailable"]);

/**
 * The caller's number in E.164 with the office's country; null when withheld. A number that
 * cannot be read is refused (`ROUTING_INVALID_CALLER_NUMBER`).
 */
export function callerNumberOf(from: string | null | undefined, country: string | null): string | null {
  if (from == null || WITHHELD.has(from.trim().toLowerCase())) return null;
  const number = normalizePhone(from, (country ?? undefined) as CountryCode | undefined);
  if (!number) throw new DomainError("ROUTING_INVALID_CALLER_NUMBER", "the caller's number cannot be read", { value: from });
  return number;
}

/** The client a number belongs to (the office's own first, then the organization's), and whether they are a VIP. */
export async function clientByNumber(db: Executor, organizationId: string, officeId: string, number: string | null): Promise<{ id: string; vip: boolean } | null> {
  if (!number) return null;
  const rows = await clientsWithNumber(db, organizationId, number);
  const found = rows.find((row) => row.office_id === officeId) ?? rows.find((row) => row.office_id === null) ?? rows[0];
  return found ? { id: found.id, vip: isVip(found.details) } : null;
}

/**
 * Clients with this E.164 number among their phones, newest first. A VIP is a client whose
 * `details.vip` is true (clients have no column of their own for it).
 */
export function clientsWithNumber(db: Executor, organizationId: string, number: string) {
  return db
    .selectFrom("client")
    .select(["id", "office_id", "display_name", "details", "phones", "emails", "preferred_locale", "notes"])
    .where("organization_id", "=", organizationId)
    .where("archived_at", "is", null)
    .where("phones", "@>", jsonb([{ number }]) as never)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(20)
    .execute();
}

export const isVip = (details: unknown): boolean => (details as { vip?: unknown } | null)?.vip === true;

// --- Changing a call --------------------------------------------------------------------------------

/** Announces a changed call at commit. */
function announce(trx: Trx, row: Pick<CallRow, "organization_id" | "office_id" | "id" | "version">) {
  return notifyCallChanged(trx, { organizationId: row.organization_id, officeId: row.office_id, callId: row.id, version: row.version });
}

export interface Expected {
  statuses: readonly CallStatus[];
  /** Who must hold it (the `staff_id` it has now). */
  staffId?: string;
}

/**
 * Changes a call if it is still as expected (status, holder): one conditional update, so of
 * several people acting at once exactly one changes it. Bumps the version, writes the events and
 * announces the change. Throws `CALL_NOT_FOUND` or `CALL_STATE_INVALID`.
 */
export async function changeCall(trx: Trx, organizationId: string, callId: string, expected: Expected, set: Updateable<CallTable>, events: readonly Omit<CallEventValues, "organizationId" | "callId">[]): Promise<CallRow> {
  let query = trx
    .updateTable("call")
    .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", callId)
    .where("status", "in", [...expected.statuses]);
  if (expected.staffId !== undefined) query = query.where("staff_id", "=", expected.staffId);
  const row = await query.returningAll().executeTakeFirst();
  if (!row) {
    const exists = await trx.selectFrom("call").select("id").where("organization_id", "=", organizationId).where("id", "=", callId).executeTakeFirst();
    throw new DomainError(exists ? "CALL_STATE_INVALID" : "CALL_NOT_FOUND", exists ? "the call is not in a state for this" : "call not found");
  }
  await insertCallEvents(
    trx,
    events.map((event) => ({ ...event, organizationId, callId })),
  );
  await announce(trx, row);
  return row;
}

/** The row's fields a placement sets. */
function placementSet(placement: Placement, decision: RoutingDecision, at: Date, hops: number) {
  return {
    status: placement.status,
    outcome: placement.outcome,
    department_id: placement.departmentId,
    staff_id: placement.staffId,
    decision: storedDecision(decision, at),
    overflow_hops: hops,
    transfer: null,
    ended_at: placement.status === "ended" ? at : null,
  } satisfies Updateable<CallTable>;
}

/** A staff member takes a call: busy. */
export const occupy = (trx: Trx, organizationId: string, staffId: string, at: Date) => setPresence(trx, organizationId, staffId, "busy", at);

/** A staff member is done with a call: available again (idle from now), unless they set another status meanwhile. */
export async function release(trx: Trx, organizationId: string, staffId: string | null, at: Date): Promise<void> {
  if (!staffId) return;
  await trx.updateTable("staff_presence").set({ status: "available", changed_at: at, idle_since: at }).where("organization_id", "=", organizationId).where("staff_id", "=", staffId).where("status", "=", "busy").execute();
}

export interface Destination {
  /** Route as a call for this department (rules are not applied unless `rules` are given). */
  departmentId?: string;
  rules?: readonly RoutingRule[];
  overflowHops: number;
  waitedSeconds: number;
  /** Since when the call waits where it is sent (the time-outs count from it). */
  since: Date;
  /** Apply the decision only when this holds (null is answered otherwise). */
  onlyIf?: (decision: RoutingDecision) => boolean;
}

/**
 * Sends a live call somewhere again (a blind transfer, a time-out, a queued call whose department
 * has someone free): routes it over the office's setup as a call for the destination, and applies
 * the result under the `expected` condition.
 */
export async function reroute(trx: Trx, row: CallRow, destination: Destination, expected: Expected, at: Date, before: readonly Omit<CallEventValues, "organizationId" | "callId">[] = []): Promise<{ row: CallRow; decision: RoutingDecision } | null> {
  const setup = await loadRoutingSetup(trx, row.organization_id, row.office_id);
  // Where it was dialled no longer decides: the destination does.
  const { extension: _dialled, ...base } = routingCall(row, { waitedSeconds: destination.waitedSeconds, overflowHops: destination.overflowHops });
  const { decision, call, events } = decide(setup, { ...base, ...(destination.departmentId ? { departmentId: destination.departmentId } : {}) }, destination.rules ?? [], at);
  if (destination.onlyIf && !destination.onlyIf(decision)) return null;
  const placement = placementOf(decision, { departmentId: call.departmentId ?? row.department_id });
  const since = events.length > 0 ? at : destination.since;
  const changed = await changeCall(trx, row.organization_id, row.id, expected, placementSet(placement, decision, since, call.overflowHops ?? 0), [...before, ...[...events, ...placement.events].map((event) => ({ ...event, at }))]);
  await markOffered(trx, row.organization_id, placement.ringing, at);
  return { row: changed, decision };
}

/** The routing package's view of a call row. */
function routingCall(row: CallRow, extra: { waitedSeconds: number; overflowHops: number }): Call {
  return {
    id: row.id,
    callerNumber: row.caller_number,
    ...(row.extension ? { extension: row.extension } : {}),
    ...(row.language ? { language: row.language } : {}),
    ...(row.ivr_choice ? { ivrChoice: row.ivr_choice } : {}),
    ...(row.department_id ? { departmentId: row.department_id } : {}),
    knownClientId: row.client_id,
    vip: row.vip,
    waitedSeconds: extra.waitedSeconds,
    overflowHops: extra.overflowHops,
  };
}

/** Seconds a call has waited where it is now. */
export const waitedSeconds = (row: CallRow, at: Date): number => Math.max(0, Math.floor((at.getTime() - Date.parse(routedAt(row))) / 1000));

// --- Telephony events ---------------------------------------------------------------------------------

/** A call as the console shows it; `CALL_NOT_FOUND` when it is not the organization's. */
export async function viewOf(db: Executor, organizationId: string, callId: string): Promise<CallView> {
  const view = await loadCallView(db, organizationId, callId);
  if (!view) throw new DomainError("CALL_NOT_FOUND", "call not found");
  return view;
}

/**
 * Takes one event from a phone system (or the simulator): `ringing` records and routes a new
 * call on the lowest free line, `answered` connects it, `ended` ends it with the outcome its
 * state says. Bad input (an unreadable number, an unknown extension) throws a `DomainError` and
 * writes nothing. The same event again changes nothing and answers `duplicate: true`.
 */
export async function ingestTelephonyEvent(deps: CallDeps, source: TelephonySource, event: TelephonyEvent): Promise<IngestResult> {
  const at = event.at ? new Date(event.at) : deps.clock.now();
  switch (event.event) {
    case "ringing":
      return ring(deps, source, event, at);
    case "answered":
      return answered(deps, source, event, at);
    case "ended":
      return ended(deps, source, event, at);
  }
}

async function duplicateOf(db: Executor, source: TelephonySource, row: CallRow): Promise<IngestResult> {
  return { call: await viewOf(db, source.organizationId, row.id), decision: null, duplicate: true };
}

async function ring(deps: CallDeps, source: TelephonySource, event: TelephonyEvent, at: Date): Promise<IngestResult> {
  return deps.db.transaction().execute(async (trx) => {
    const known = await findCallByExternalId(trx, source.organizationId, source.kind, event.callId);
    if (known) return duplicateOf(trx, source, known);
    const setup = await loadRoutingSetup(trx, source.organizationId, source.officeId);
    const callerNumber = callerNumberOf(event.from, setup.office.country);
    const dialled = event.to ? normalizePhone(event.to, (setup.office.country ?? undefined) as CountryCode | undefined) : null;
    const client = await clientByNumber(trx, source.organizationId, source.officeId, callerNumber);
    const id = randomUUID();
    const call: Call = {
      id,
      callerNumber,
      ...(dialled ? { dialledNumber: dialled } : {}),
      ...(event.extension ? { extension: event.extension } : {}),
      ...(event.language ? { language: event.language } : {}),
      ...(event.ivrChoice ? { ivrChoice: event.ivrChoice } : {}),
      knownClientId: client?.id ?? null,
      vip: client?.vip ?? false,
      waitedSeconds: 0,
    };
    const { decision, call: routed, events } = decide(setup, call, setup.rules, at);
    const placement = placementOf(decision, { departmentId: routed.departmentId ?? null });
    const values: Omit<NewCall, "line"> = {
      id,
      organization_id: source.organizationId,
      office_id: source.officeId,
      source: source.kind,
      endpoint_id: source.endpointId,
      external_id: event.callId,
      caller_number: callerNumber,
      caller_name: event.callerName ?? null,
      dialled: event.to ?? null,
      extension: event.extension ?? null,
      language: event.language ?? null,
      ivr_choice: event.ivrChoice ?? null,
      client_id: client?.id ?? null,
      vip: client?.vip ?? false,
      offered_at: at,
      ...placementSet(placement, decision, at, routed.overflowHops ?? 0),
    };
    const line = await takeLine(trx, setup.office.callLines, values);
    if (line === "duplicate") {
      const again = await findCallByExternalId(trx, source.organizationId, source.kind, event.callId);
      return duplicateOf(trx, source, again!);
    }
    const offered: Omit<CallEventValues, "organizationId" | "callId"> = { kind: "offered", at, details: { source: source.kind, line: line ?? null } };
    if (line === null) {
      // Every line carries a call: the caller gets busy, recorded as a rejected call.
      await insertOnLine(trx, { ...values, line: setup.office.callLines, status: "ended", outcome: "rejected", ended_at: at, staff_id: null, decision: null });
      const rejected: Omit<CallEventValues, "organizationId" | "callId"> = { kind: "ended", at, details: { outcome: "rejected", reason: "lines_busy" } };
      await insertCallEvents(trx, [offered, rejected].map((item) => ({ ...item, organizationId: source.organizationId, callId: id })));
    } else {
      await insertCallEvents(trx, [offered, ...[...events, ...placement.events].map((item) => ({ ...item, at }))].map((item) => ({ ...item, organizationId: source.organizationId, callId: id })));
      await markOffered(trx, source.organizationId, placement.ringing, at);
    }
    await announce(trx, { organization_id: source.organizationId, office_id: source.officeId, id, version: 1 });
    return { call: await viewOf(trx, source.organizationId, id), decision, duplicate: false };
  });
}

function insertOnLine(trx: Trx, values: NewCall) {
  // A taken line or a call id already recorded (a retried webhook racing itself) inserts nothing.
  return trx.insertInto("call").values(values).onConflict((conflict) => conflict.doNothing()).returning("id").executeTakeFirst();
}

/**
 * Puts a new call on the lowest free line: the live-line index refuses a taken one (a call that
 * arrived at the same moment), and the next is tried. An ended call (closed, voicemail…) takes the
 * lowest free line too, but holds none. Null when every line is taken; `duplicate` when the call
 * was recorded meanwhile.
 */
async function takeLine(trx: Trx, lines: number, values: Omit<NewCall, "line">): Promise<number | null | "duplicate"> {
  const taken = new Set((await trx.selectFrom("call").select("line").where("office_id", "=", values.office_id).where("status", "<>", "ended").execute()).map((row) => row.line));
  for (let line = 1; line <= lines; line++) {
    if (taken.has(line)) continue;
    if (await insertOnLine(trx, { ...values, line })) return line;
    if (await findCallByExternalId(trx, values.organization_id, values.source, values.external_id)) return "duplicate";
  }
  return null;
}

async function callOfEvent(trx: Trx, source: TelephonySource, event: TelephonyEvent): Promise<CallRow> {
  const row = await trx
    .selectFrom("call")
    .selectAll()
    .where("organization_id", "=", source.organizationId)
    .where("source", "=", source.kind)
    .where("external_id", "=", event.callId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.office_id !== source.officeId) throw new DomainError("CALL_NOT_FOUND", "no such call from this phone system");
  return row;
}

/** Never before the call was offered (a phone system's clock may be behind ours). */
const notBefore = (at: Date, row: CallRow): Date => (at.getTime() < new Date(row.offered_at).getTime() ? new Date(row.offered_at) : at);

async function staffByExtension(trx: Trx, organizationId: string, extension: string): Promise<string> {
  const staff = await trx.selectFrom("staff").select("id").where("organization_id", "=", organizationId).where("extension", "=", extension).where("active", "=", true).executeTakeFirst();
  if (!staff) throw new DomainError("ROUTING_UNKNOWN_EXTENSION", "no staff member on this extension", { extension });
  return staff.id;
}

async function answered(deps: CallDeps, source: TelephonySource, event: TelephonyEvent, eventAt: Date): Promise<IngestResult> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await callOfEvent(trx, source, event);
    if (row.answered_at !== null || row.status === "ended") return duplicateOf(trx, source, row);
    const at = notBefore(eventAt, row);
    const staffId = event.answeredByExtension ? await staffByExtension(trx, source.organizationId, event.answeredByExtension) : row.staff_id;
    await changeCall(trx, source.organizationId, row.id, { statuses: ["ringing", "queued"] }, { status: "connected", answered_at: at, answered_by: staffId, staff_id: staffId }, [{ kind: "answered", at, staffId, details: { source: source.kind } }]);
    if (staffId) await occupy(trx, source.organizationId, staffId, at);
    return { call: await viewOf(trx, source.organizationId, row.id), decision: null, duplicate: false };
  });
}

/** How a call that the phone system ended ends, from what it went through. */
function endOutcome(row: CallRow, reason: TelephonyEvent["reason"]): CallOutcome {
  if (row.answered_at !== null) return "answered";
  if (reason === "voicemail") return "voicemail";
  if (reason === "caller_hung_up") return "abandoned";
  return "missed";
}

async function ended(deps: CallDeps, source: TelephonySource, event: TelephonyEvent, eventAt: Date): Promise<IngestResult> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await callOfEvent(trx, source, event);
    if (row.status === "ended") return duplicateOf(trx, source, row);
    const at = notBefore(eventAt, row);
    const outcome = endOutcome(row, event.reason);
    await endLiveCall(trx, row, outcome, at, { reason: event.reason ?? "completed", source: source.kind });
    return { call: await viewOf(trx, source.organizationId, row.id), decision: null, duplicate: false };
  });
}

/**
 * Ends a live call with `outcome` (conditional on it being live), and frees whoever held it.
 * Throws `CALL_STATE_INVALID` when it already ended.
 */
export async function endLiveCall(trx: Trx, row: CallRow, outcome: CallOutcome, at: Date, details: Record<string, unknown>, before: readonly Omit<CallEventValues, "organizationId" | "callId">[] = []): Promise<CallRow> {
  const held = row.status === "connected" || row.status === "on_hold" || row.status === "transferring";
  const changed = await changeCall(trx, row.organization_id, row.id, { statuses: LIVE_CALL_STATUSES }, { status: "ended", outcome, ended_at: at, transfer: null }, [...before, { kind: "ended", at, staffId: held ? row.staff_id : null, details: { outcome, ...details } }]);
  if (held) await release(trx, row.organization_id, row.staff_id, at);
  return changed;
}

/** The transfer a call row carries. */
export const transferOf = (row: CallRow): CallTransfer | null => (row.transfer as CallTransfer | null) ?? null;
