import {
  callCallbackSchema,
  callIdentifySchema,
  callLiveSchema,
  callLogSchema,
  callMessageSchema,
  callOfficeSchema,
  callRefSchema,
  callSimulateSchema,
  callTransferSchema,
  notificationListSchema,
  notificationReadSchema,
  presenceUpdateSchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { acceptTransfer, answerCall, cancelTransfer, hangUpCall, holdCall, myPresence, resumeCall, scheduleCallback, setMyPresence, simulateCall, takeMessage, transferCall } from "./desk.js";
import { callLog, identifyCaller } from "./history.js";
import { callFeed } from "./live.js";
import { listLiveCalls, markCallMessagesRead, selectCallMessages, selectOfficePresence } from "./queries.js";
import { loadRoutingSetup } from "./routing-state.js";
import { viewOf } from "./service.js";

const read = permittedProcedure("calls.read");
const handle = permittedProcedure("calls.handle");

/** Checks the office is the caller's organization's (`NOT_FOUND` otherwise). */
const officeOf = (ctx: { db: Parameters<typeof loadRoutingSetup>[0]; organizationId: string }, officeId: string) => loadRoutingSetup(ctx.db, ctx.organizationId, officeId);

/** Calls at the desk: the live console, what the receptionist does with a call, the log. */
export const callsRouter = router({
  /** The office's console, live (SSE). Yields `CallLiveEvent`: `{ kind: "snapshot", calls }` first (and again after a resync), then `{ kind: "call", call }` per change. */
  live: read.input(callLiveSchema).subscription(async ({ ctx, input, signal }) => {
    // Checked before the stream starts, so the refusal is an ordinary error.
    await officeOf(ctx, input.officeId);
    return callFeed({ db: ctx.db, live: ctx.live }, ctx.organizationId, input.officeId, signal);
  }),
  /** The office's live calls by line. → `CallView[]` */
  active: read.input(callOfficeSchema).query(async ({ ctx, input }) => {
    await officeOf(ctx, input.officeId);
    return listLiveCalls(ctx.db, ctx.organizationId, input.officeId);
  }),
  /** → `CallView` */
  get: read.input(callRefSchema).query(({ ctx, input }) => viewOf(ctx.db, ctx.organizationId, input.callId)),
  /** The client(s) with this number and their last interactions. → `CallerIdentification` */
  identify: read.input(callIdentifySchema).query(({ ctx, input }) => identifyCaller(actorOf(ctx), input)),
  /** The office's calls, newest first. → `CallLogEntry[]` */
  log: read.input(callLogSchema).query(({ ctx, input }) => callLog(actorOf(ctx), input)),
  /** → `CallView` (connected to the caller; `CALL_STATE_INVALID` when someone else answered first) */
  answer: handle.input(callRefSchema).mutation(({ ctx, input }) => answerCall(actorOf(ctx), input)),
  /** → `CallView` (on hold) */
  hold: handle.input(callRefSchema).mutation(({ ctx, input }) => holdCall(actorOf(ctx), input)),
  /** → `CallView` (connected) */
  resume: handle.input(callRefSchema).mutation(({ ctx, input }) => resumeCall(actorOf(ctx), input)),
  /** Blind: re-routed to the target at once; announced: `transferring` until accepted or cancelled. → `CallView` */
  transfer: handle.input(callTransferSchema).mutation(({ ctx, input }) => transferCall(actorOf(ctx), input)),
  /** The target of an announced transfer takes the call. → `CallView` */
  acceptTransfer: handle.input(callRefSchema).mutation(({ ctx, input }) => acceptTransfer(actorOf(ctx), input)),
  /** Cancelled by its starter or declined by its target: back to the first handler. → `CallView` */
  cancelTransfer: handle.input(callRefSchema).mutation(({ ctx, input }) => cancelTransfer(actorOf(ctx), input)),
  /** → `CallView` (ended) */
  hangUp: handle.input(callRefSchema).mutation(({ ctx, input }) => hangUpCall(actorOf(ctx), input)),
  /** → `CallMessageResult` (`{ message, call }`; a live call ends with outcome `message`) */
  takeMessage: handle.input(callMessageSchema).mutation(({ ctx, input }) => takeMessage(actorOf(ctx), input)),
  /** → `CallCallbackResult` (`{ call, agendaEntryId }`; a live call ends with outcome `callback`) */
  scheduleCallback: handle.input(callCallbackSchema).mutation(({ ctx, input }) => scheduleCallback(actorOf(ctx), input)),
  /** The in-app simulator, through the webhooks' path. → `{ call: CallView, decision: RoutingDecision | null, duplicate: boolean }` */
  simulate: permittedProcedure("calls.simulate")
    .input(callSimulateSchema)
    .mutation(({ ctx, input }) => simulateCall({ ...actorOf(ctx), logger: ctx.logger }, input)),
  presence: router({
    /** → `StaffPresence` */
    me: read.query(({ ctx }) => myPresence(actorOf(ctx))),
    /** → `StaffPresence` */
    set: handle.input(presenceUpdateSchema).mutation(({ ctx, input }) => setMyPresence({ ...actorOf(ctx), logger: ctx.logger }, input)),
    /** The office's staff and their presence. → `StaffPresence[]` */
    list: read.input(callOfficeSchema).query(async ({ ctx, input }) => {
      await officeOf(ctx, input.officeId);
      return selectOfficePresence(ctx.db, ctx.organizationId, input.officeId);
    }),
  }),
  messages: router({
    /** Messages taken for the signed-in member, newest first (50). → `CallMessage[]` */
    mine: read.input(notificationListSchema).query(({ ctx, input }) => selectCallMessages(ctx.db, ctx.organizationId, { forStaffId: ctx.staff.id, unreadOnly: input.unreadOnly ?? false })),
    /** → `{ updated }` */
    markRead: read.input(notificationReadSchema).mutation(async ({ ctx, input }) => ({ updated: await markCallMessagesRead(ctx.db, ctx.organizationId, ctx.staff.id, input.ids, ctx.clock.now()) })),
  }),
});
