import {
  agendaCompleteSchema,
  agendaDaySchema,
  agendaEntryInputSchema,
  agendaEntryRefSchema,
  agendaEntryUpdateSchema,
  agendaImportSchema,
  agendaRangeSchema,
  agendaSkipSchema,
  delegateListSchema,
  delegateSchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import {
  addDelegate,
  agendaDay,
  agendaRange,
  cancelEntry,
  completeEntry,
  createEntry,
  exportDay,
  importIcs,
  listDelegates,
  myPrincipals,
  removeDelegate,
  removeEntry,
  skipOccurrence,
  updateEntry,
} from "./service.js";

/**
 * The employer's day. Every role may open a calendar (`appointments.read`); whose calendar is
 * decided in the service: one's own, a principal's one assists (delegation), or anyone's for
 * those who manage staff. Writes follow the same rule, so an executive who only reads
 * appointments still keeps their own blocks and tasks.
 */
export const agendaRouter = router({
  day: permittedProcedure("appointments.read")
    .input(agendaDaySchema)
    .query(({ ctx, input }) => agendaDay(actorOf(ctx), input)),
  range: permittedProcedure("appointments.read")
    .input(agendaRangeSchema)
    .query(({ ctx, input }) => agendaRange(actorOf(ctx), input)),
  exportDay: permittedProcedure("appointments.read")
    .input(agendaDaySchema)
    .query(({ ctx, input }) => exportDay(actorOf(ctx), input)),
  create: permittedProcedure("appointments.read")
    .input(agendaEntryInputSchema)
    .mutation(({ ctx, input }) => createEntry(actorOf(ctx), input)),
  update: permittedProcedure("appointments.read")
    .input(agendaEntryUpdateSchema)
    .mutation(({ ctx, input }) => updateEntry(actorOf(ctx), input)),
  complete: permittedProcedure("appointments.read")
    .input(agendaCompleteSchema)
    .mutation(({ ctx, input }) => completeEntry(actorOf(ctx), input)),
  cancel: permittedProcedure("appointments.read")
    .input(agendaEntryRefSchema)
    .mutation(({ ctx, input }) => cancelEntry(actorOf(ctx), input)),
  remove: permittedProcedure("appointments.read")
    .input(agendaEntryRefSchema)
    .mutation(({ ctx, input }) => removeEntry(actorOf(ctx), input)),
  skipOccurrence: permittedProcedure("appointments.read")
    .input(agendaSkipSchema)
    .mutation(({ ctx, input }) => skipOccurrence(actorOf(ctx), input)),
  importIcs: permittedProcedure("appointments.read")
    .input(agendaImportSchema)
    .mutation(({ ctx, input }) => importIcs(actorOf(ctx), input)),
  principals: permittedProcedure("appointments.read").query(({ ctx }) => myPrincipals(actorOf(ctx))),
  delegates: permittedProcedure("appointments.read")
    .input(delegateListSchema)
    .query(({ ctx, input }) => listDelegates(actorOf(ctx), input)),
  addDelegate: permittedProcedure("appointments.read")
    .input(delegateSchema)
    .mutation(({ ctx, input }) => addDelegate(actorOf(ctx), input)),
  removeDelegate: permittedProcedure("appointments.read")
    .input(delegateSchema)
    .mutation(({ ctx, input }) => removeDelegate(actorOf(ctx), input)),
});
