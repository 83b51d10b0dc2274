/**
 * What the receptionist does with a call on the console: answer, hold, resume, transfer (blind or
 * announced), accept or cancel an announced transfer, hang up, take a message, schedule a
 * call-back; and their own presence. Each action is one transaction whose change to the call is a
 * conditional update (see `changeCall`), so simultaneous actions never both apply.
 */
import {
  DomainError,
  LIVE_CALL_STATUSES,
  callCallbackSchema,
  callMessageSchema,
  callRefSchema,
  callSimulateSchema,
  callTransferSchema,
  presenceUpdateSchema,
  type CallCallbackInput,
  type CallCallbackResult,
  type CallMessage,
  type CallMessageInput,
  type CallMessageResult,
  type CallRefInput,
  type CallSimulateInput,
  type CallTransfer,
  type CallTransferInput,
  type CallView,
  type StaffPresence,
} from "@frontoffice/domain";
import { jsonb, type CallRow, type Database } from "@frontoffice/db";
import type { Transaction } from "kysely";
import { randomUUID } from "node:crypto";
import { runCallTimeouts } from "../../jobs/calls.js";
import { enqueueMessage } from "../../outbox/queries.js";
import type { Actor } from "../../trpc/actor.js";
import { insertEntry } from "../agenda/queries.js";
import { recordChangeBy } from "../audit/queries.js";
import { insertNotification } from "../notifications/queries.js";
import { formatArrivalTime } from "../visitors/messages.js";
import { callbackTitle, renderCallMessage } from "./messages.js";
import { findCallRow, findPresence, insertCallEvents, selectCallMessages, setPresence } from "./queries.js";
import { callerNumberOf, changeCall, endLiveCall, ingestTelephonyEvent, occupy, release, reroute, transferOf, viewOf, type CallDeps, type IngestResult } from "./service.js";

type Trx = Transaction<Database>;

const HELD: CallRow["status"][] = ["connected", "on_hold"];

async function callOf(trx: Trx, organizationId: string, callId: string): Promise<CallRow> {
  const row = await findCallRow(trx, organizationId, callId);
  if (!row) throw new DomainError("CALL_NOT_FOUND", "call not found");
  return row;
}

/** Runs an action on one call and answers the call as it is after it. */
function onCall(actor: Actor, callId: string, work: (trx: Trx, row: CallRow, at: Date) => Promise<unknown>): Promise<CallView> {
  return actor.db.transaction().execute(async (trx) => {
    const row = await callOf(trx, actor.organizationId, callId);
    await work(trx, row, actor.clock.now());
    return viewOf(trx, actor.organizationId, callId);
  });
}

/** Picks up a ringing or queued call: connected to the actor, who becomes busy. Of several at once, one wins. */
export function answerCall(actor: Actor, raw: CallRefInput): Promise<CallView> {
  const { callId } = callRefSchema.parse(raw);
  return onCall(actor, callId, async (trx, row, at) => {
    await changeCall(trx, actor.organizationId, callId, { statuses: ["ringing", "queued"] }, { status: "connected", staff_id: actor.staffId, answered_at: row.answered_at ?? at, answered_by: row.answered_by ?? actor.staffId }, [{ kind: "answered", at, staffId: actor.staffId }]);
    await occupy(trx, actor.organizationId, actor.staffId, at);
  });
}

export function holdCall(actor: Actor, raw: CallRefInput): Promise<CallView> {
  const { callId } = callRefSchema.parse(raw);
  return onCall(actor, callId, (trx, _row, at) => changeCall(trx, actor.organizationId, callId, { statuses: ["connected"], staffId: actor.staffId }, { status: "on_hold" }, [{ kind: "held", at, staffId: actor.staffId }]));
}

export function resumeCall(actor: Actor, raw: CallRefInput): Promise<CallView> {
  const { callId } = callRefSchema.parse(raw);
  return onCall(actor, callId, (trx, _row, at) => changeCall(trx, actor.organizationId, callId, { statuses: ["on_hold"], staffId: actor.staffId }, { status: "connected" }, [{ kind: "resumed", at, staffId: actor.staffId }]));
}

/** A transfer's target, checked to be in the call's office: its name, or `TRANSFER_TARGET_INVALID`. */
async function targetName(trx: Trx, row: CallRow, target: CallTransfer["target"], actorStaffId: string): Promise<string> {
  if (target.kind === "department") {
    const department = await trx.selectFrom("department").select("name").where("organization_id", "=", row.organization_id).where("office_id", "=", row.office_id).where("id", "=", target.departmentId).executeTakeFirst();
    if (!department) throw new DomainError("TRANSFER_TARGET_INVALID", "no such department in the call's office");
    return department.name;
  }
  if (target.staffId === actorStaffId) throw new DomainError("TRANSFER_TARGET_INVALID", "a call is not transferred to oneself");
  const staff = await trx
    .selectFrom("staff")
    .select("display_name")
    .where("organization_id", "=", row.organization_id)
    .where("id", "=", target.staffId)
    .where("active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("staff_assignment").select("staff_assignment.id").whereRef("staff_assignment.staff_id", "=", "staff.id").where("staff_assignment.office_id", "=", row.office_id)))
    .executeTakeFirst();
  if (!staff) throw new DomainError("TRANSFER_TARGET_INVALID", "no such staff member in the call's office");
  return staff.display_name;
}

/**
 * Transfers a call the actor holds. Blind: the call is routed to the target at once (a
 * department's free members by its queue strategy, or the person; voicemail when they are not
 * free) and the actor is free. Announced: the caller waits on hold (`transferring`) until the
 * target accepts or it is cancelled.
 */
export function transferCall(actor: Actor, raw: CallTransferInput): Promise<CallView> {
  const input = callTransferSchema.parse(raw);
  return onCall(actor, input.callId, async (trx, row, at) => {
    const name = await targetName(trx, row, input.target, actor.staffId);
    const holder = { statuses: HELD, staffId: actor.staffId };
    if (input.mode === "announced") {
      const transfer: CallTransfer = { mode: "announced", target: input.target, targetName: name, startedBy: actor.staffId, startedAt: at.toISOString() };
      await changeCall(trx, actor.organizationId, row.id, holder, { status: "transferring", transfer: jsonb(transfer) }, [{ kind: "transfer_started", at, staffId: actor.staffId, details: { mode: "announced", target: input.target } }]);
      return;
    }
    const transferred = { kind: "transferred" as const, at, staffId: actor.staffId, details: { mode: "blind", from: actor.staffId, target: input.target } };
    const destination =
      input.target.kind === "department"
        ? { departmentId: input.target.departmentId, overflowHops: 0, waitedSeconds: 0, since: at }
        : { rules: [{ id: "transfer", match: {}, action: { kind: "staff" as const, staffId: input.target.staffId } }], overflowHops: 0, waitedSeconds: 0, since: at };
    // Routed while the actor is still busy, so the call is never offered back to them.
    await reroute(trx, row, destination, holder, at, [transferred]);
    await release(trx, actor.organizationId, actor.staffId, at);
  });
}

/** Whether the actor is the target of an announced transfer (the person, or a member of the department). */
async function isTarget(trx: Trx, row: CallRow, transfer: CallTransfer, staffId: string): Promise<boolean> {
  if (transfer.target.kind === "staff") return transfer.target.staffId === staffId;
  const member = await trx
    .selectFrom("staff_assignment")
    .select("id")
    .where("organization_id", "=", row.organization_id)
    .where("staff_id", "=", staffId)
    .where("department_id", "=", transfer.target.departmentId)
    .executeTakeFirst();
  return member !== undefined;
}

/** The target of an announced transfer takes the call; the first handler is free. */
export function acceptTransfer(actor: Actor, raw: CallRefInput): Promise<CallView> {
  const { callId } = callRefSchema.parse(raw);
  return onCall(actor, callId, async (trx, row, at) => {
    const transfer = transferOf(row);
    if (row.status !== "transferring" || !transfer || transfer.startedBy === actor.staffId || !(await isTarget(trx, row, transfer, actor.staffId))) throw new DomainError("CALL_STATE_INVALID", "no transfer to accept");
    await changeCall(trx, actor.organizationId, callId, { statuses: ["transferring"], staffId: transfer.startedBy }, { status: "connected", staff_id: actor.staffId, transfer: null }, [
      { kind: "transferred", at, staffId: actor.staffId, details: { mode: "announced", from: transfer.startedBy, target: transfer.target } },
    ]);
    await release(trx, actor.organizationId, transfer.startedBy, at);
    await occupy(trx, actor.organizationId, actor.staffId, at);
  });
}

/**
 * An announced transfer does not happen: cancelled by whoever started it, or declined by its
 * target. The call is back with the first handler (`transfer_returned`).
 */
export function cancelTransfer(actor: Actor, raw: CallRefInput): Promise<CallView> {
  const { callId } = callRefSchema.parse(raw);
  return onCall(actor, callId, async (trx, row, at) => {
    const transfer = transferOf(row);
    if (row.status !== "transferring" || !transfer) throw new DomainError("CALL_STATE_INVALID", "no transfer under way");
    const declined = actor.staffId !== transfer.startedBy;
    if (declined && !(await isTarget(trx, row, transfer, actor.staffId))) throw new DomainError("CALL_STATE_INVALID", "neither the transfer's starter nor its target");
    await changeCall(trx, actor.organizationId, callId, { statuses: ["transferring"], staffId: transfer.startedBy }, { status: "connected", transfer: null }, [
      { kind: "transfer_returned", at, staffId: actor.staffId, details: { reason: declined ? "declined" : "cancelled", to: transfer.startedBy, target: transfer.target } },
    ]);
  });
}

/**
 * Ends a call from the console: one the actor holds, or one still ringing or queued (the desk
 * turns it away: missed).
 */
export function hangUpCall(actor: Actor, raw: CallRefInput): Promise<CallView> {
  const { callId } = callRefSchema.parse(raw);
  return onCall(actor, callId, async (trx, row, at) => {
    const held = HELD.includes(row.status) || row.status === "transferring";
    if (held && row.staff_id !== actor.staffId) throw new DomainError("CALL_STATE_INVALID", "someone else holds the call");
    await endLiveCall(trx, row, row.answered_at ? "answered" : "missed", at, { by: actor.staffId });
  });
}

// --- Messages --------------------------------------------------------------------------------------

/**
 * Takes a message for someone: it reaches them in the app (a `call_message` notification) and by
 * email in their language. Taken during a live call, the call ends with outcome `message`.
 */
export function takeMessage(actor: Actor, raw: CallMessageInput): Promise<CallMessageResult> {
  const input = callMessageSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const office = await trx
      .selectFrom("office")
      .select(["id", "name", "time_zone", (eb) => eb.ref("address", "->>").key("country").as("country")])
      .where("organization_id", "=", actor.organizationId)
      .where("id", "=", input.officeId)
      .executeTakeFirst();
    if (!office) throw new DomainError("NOT_FOUND", "office not found");
    const recipient = await trx.selectFrom("staff").select(["id", "display_name", "email", "locale"]).where("organization_id", "=", actor.organizationId).where("id", "=", input.forStaffId).where("active", "=", true).executeTakeFirst();
    if (!recipient) throw new DomainError("NOT_FOUND", "staff member not found");
    const call = input.callId ? await callOf(trx, actor.organizationId, input.callId) : null;
    if (call && call.office_id !== office.id) throw new DomainError("CALL_NOT_FOUND", "call not found in this office");
    const clientId = input.clientId ?? call?.client_id ?? null;
    const client = clientId ? await trx.selectFrom("client").select(["id", "display_name"]).where("organization_id", "=", actor.organizationId).where("id", "=", clientId).executeTakeFirst() : undefined;
    if (clientId && !client) throw new DomainError("NOT_FOUND", "client not found");
    let callerNumber = call?.caller_number ?? null;
    if (input.callerNumber) {
      try {
        callerNumber = callerNumberOf(input.callerNumber, office.country);
      } catch {
        throw new DomainError("VALIDATION_FAILED", "caller number", { issues: [{ path: ["callerNumber"], key: "validation.phone_invalid" }] });
      }
    }
    const callerName = input.callerName ?? call?.caller_name ?? client?.display_name ?? null;
    const at = actor.clock.now();
    const message = await trx
      .insertInto("call_message")
      .values({
        organization_id: actor.organizationId,
        office_id: office.id,
        call_id: call?.id ?? null,
        for_staff_id: recipient.id,
        caller_name: callerName,
        caller_number: callerNumber,
        client_id: client?.id ?? null,
        body: input.body,
        callback_requested: input.callbackRequested,
        urgent: input.urgent,
        taken_by: actor.staffId,
        taken_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const caller = [callerName, callerNumber].filter(Boolean).join(", ");
    await insertNotification(trx, {
      organizationId: actor.organizationId,
      staffId: recipient.id,
      kind: "call_message",
      payload: { messageId: message.id, callId: call?.id ?? null, callerName, callerNumber, clientId: client?.id ?? null, urgent: input.urgent, callbackRequested: input.callbackRequested },
      at,
    });
    const taker = await trx.selectFrom("staff").select("display_name").where("id", "=", actor.staffId).executeTakeFirstOrThrow();
    const email = renderCallMessage({
      locale: recipient.locale,
      recipientName: recipient.display_name,
      caller,
      body: input.body,
      takenBy: taker.display_name,
      urgent: input.urgent,
      callbackRequested: input.callbackRequested,
      officeName: office.name,
      time: formatArrivalTime(at, recipient.locale, office.time_zone),
    });
    await enqueueMessage(trx, {
      organization_id: actor.organizationId,
      channel: "email",
      recipient: recipient.email,
      subject: email.subject,
      body_text: email.text,
      body_html: email.html,
      locale: recipient.locale,
      dedupe_key: `call-message:${message.id}`,
    });
    const taken = { kind: "message_taken" as const, at, staffId: actor.staffId, details: { messageId: message.id, forStaffId: recipient.id } };
    if (call && call.status !== "ended") {
      await endLiveCall(trx, call, "message", at, { by: actor.staffId }, [taken]);
    } else if (call) {
      await insertCallEvents(trx, [{ ...taken, organizationId: actor.organizationId, callId: call.id }]);
    }
    const [stored] = await selectCallMessages(trx, actor.organizationId, { ids: [message.id] });
    return { message: stored as CallMessage, call: call ? await viewOf(trx, actor.organizationId, call.id) : null };
  });
}

// --- Call-backs ------------------------------------------------------------------------------------

/**
 * Puts a call-back on someone's agenda (the actor's own when nobody is named): an agenda entry
 * of kind `callback` with the client or number and the call. A live call ends with outcome `callback`.
 */
export function scheduleCallback(actor: Actor, raw: CallCallbackInput): Promise<CallCallbackResult> {
  const input = callCallbackSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const call = await callOf(trx, actor.organizationId, input.callId);
    const staffId = input.staffId ?? actor.staffId;
    const staff = await trx.selectFrom("staff").select(["id", "locale", "time_zone"]).where("organization_id", "=", actor.organizationId).where("id", "=", staffId).where("active", "=", true).executeTakeFirst();
    if (!staff) throw new DomainError("NOT_FOUND", "staff member not found");
    if (!call.client_id && !call.caller_number) throw new DomainError("VALIDATION_FAILED", "a withheld number cannot be called back", { issues: [{ path: ["callId"], key: "validation.caller_required" }] });
    const client = call.client_id ? await trx.selectFrom("client").select("display_name").where("id", "=", call.client_id).executeTakeFirst() : undefined;
    const at = actor.clock.now();
    const dueAt = new Date(input.dueAt);
    const title = callbackTitle(staff.locale, client?.display_name ?? call.caller_name ?? call.caller_number ?? "");
    const entryId = await insertEntry(trx, {
      organization_id: actor.organizationId,
      staff_id: staff.id,
      kind: "callback",
      title,
      notes: input.note ?? "",
      starts_at: dueAt,
      ends_at: null,
      time_zone: staff.time_zone,
      rrule: null,
      series_ends_at: dueAt,
      client_id: call.client_id,
      phone: call.caller_number,
      call_id: call.id,
      created_at: at,
      updated_at: at,
      created_by: actor.staffId,
      updated_by: actor.staffId,
    });
    await recordChangeBy(trx, actor, { type: "agenda_entry", id: entryId }, "create", { kind: { from: null, to: "callback" }, staffId: { from: null, to: staff.id }, start: { from: null, to: dueAt.toISOString() }, callId: { from: null, to: call.id } }, at);
    const scheduled = { kind: "callback_scheduled" as const, at, staffId: actor.staffId, details: { agendaEntryId: entryId, forStaffId: staff.id, dueAt: dueAt.toISOString() } };
    if (call.status !== "ended") await endLiveCall(trx, call, "callback", at, { by: actor.staffId }, [scheduled]);
    else await insertCallEvents(trx, [{ ...scheduled, organizationId: actor.organizationId, callId: call.id }]);
    return { call: await viewOf(trx, actor.organizationId, call.id), agendaEntryId: entryId };
  });
}

// --- Presence --------------------------------------------------------------------------------------

export async function myPresence(actor: Actor): Promise<StaffPresence> {
  const staff = await actor.db.selectFrom("staff").select(["id", "display_name", "extension"]).where("id", "=", actor.staffId).executeTakeFirstOrThrow();
  return { staffId: staff.id, displayName: staff.display_name, extension: staff.extension, ...(await findPresence(actor.db, actor.organizationId, actor.staffId)) };
}

/** Sets one's own presence; someone becoming available is offered the calls waiting in the queues at once. */
export async function setMyPresence(actor: Actor & { logger?: CallDeps["logger"] }, raw: unknown): Promise<StaffPresence> {
  const { status } = presenceUpdateSchema.parse(raw);
  const at = actor.clock.now();
  await setPresence(actor.db, actor.organizationId, actor.staffId, status, at);
  if (status === "available") await runCallTimeouts(actor.db, at, actor.logger, actor.organizationId);
  return myPresence(actor);
}

// --- The simulator ---------------------------------------------------------------------------------

/**
 * The in-app simulator: `ring` makes the event a phone system would send (a new call id) and
 * takes it through the same path as the webhooks; `hang_up` sends `ended` (the caller hung up)
 * for a simulated call.
 */
export async function simulateCall(actor: Actor & { logger: CallDeps["logger"] }, raw: CallSimulateInput): Promise<IngestResult> {
  const input = callSimulateSchema.parse(raw);
  const deps: CallDeps = { db: actor.db, clock: actor.clock, logger: actor.logger };
  if (input.event === "ring") {
    return ingestTelephonyEvent(deps, { kind: "simulator", organizationId: actor.organizationId, officeId: input.officeId, endpointId: null }, {
      event: "ringing",
      callId: `sim-${randomUUID()}`,
      from: input.from === "" ? null : input.from,
      ...(input.callerName ? { callerName: input.callerName } : {}),
      ...(input.extension ? { extension: input.extension } : {}),
      ...(input.ivrChoice ? { ivrChoice: input.ivrChoice } : {}),
      ...(input.language ? { language: input.language } : {}),
    });
  }
  const call = await findCallRow(actor.db, actor.organizationId, input.callId);
  if (!call) throw new DomainError("CALL_NOT_FOUND", "call not found");
  if (call.source !== "simulator" || !LIVE_CALL_STATUSES.includes(call.status)) throw new DomainError("CALL_STATE_INVALID", "not a live simulated call");
  return ingestTelephonyEvent(deps, { kind: "simulator", organizationId: actor.organizationId, officeId: call.office_id, endpointId: null }, { event: "ended", callId: call.external_id, reason: "caller_hung_up" });
}
