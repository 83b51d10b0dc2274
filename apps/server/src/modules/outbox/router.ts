import { outboxListSchema, outboxRetrySchema, reminderPreviewSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { outboxMessages, previewReminder, retryOutboxMessage } from "./service.js";

/** What went out to clients, what is stuck, and what a reminder says: for managers. */
export const outboxRouter = router({
  list: permittedProcedure("services.manage")
    .input(outboxListSchema)
    .query(({ ctx, input }) => outboxMessages(actorOf(ctx), input)),
  retry: permittedProcedure("services.manage")
    .input(outboxRetrySchema)
    .mutation(({ ctx, input }) => retryOutboxMessage(actorOf(ctx), input.id)),
  previewReminder: permittedProcedure("services.manage")
    .input(reminderPreviewSchema)
    .query(({ ctx, input }) => previewReminder(actorOf(ctx), input.officeId, input.locale)),
});
