import { waitlistAcceptSchema, waitlistAddSchema, waitlistListSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { acceptOffer, addToWaitlist, listWaitlist } from "./service.js";

export const waitlistRouter = router({
  list: permittedProcedure("appointments.read")
    .input(waitlistListSchema)
    .query(({ ctx, input }) => listWaitlist(actorOf(ctx), input)),
  add: permittedProcedure("appointments.write")
    .input(waitlistAddSchema)
    .mutation(({ ctx, input }) => addToWaitlist(actorOf(ctx), input)),
  accept: permittedProcedure("appointments.write")
    .input(waitlistAcceptSchema)
    .mutation(({ ctx, input }) => acceptOffer(actorOf(ctx), input.offerId)),
});
