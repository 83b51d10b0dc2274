import { closeOutCountInputSchema, closeOutListSchema, closeOutSignOffInputSchema, deskDayInputSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { closeOutsOf, countCash, deskDay, signOff } from "./service.js";

/** The daily close-out of each desk: expected takings, counted cash, discrepancy, sign-off. */
export const closeOutsRouter = router({
  /** A desk's day: expected takings per method (from the ledger), counted cash, status. → `CloseOutView` */
  day: permittedProcedure("payments.read")
    .input(deskDayInputSchema)
    .query(({ ctx, input }) => deskDay(actorOf(ctx), input)),
  /** Records the counted cash and the discrepancy; can be redone until signed off (idempotency key). → `CloseOutView` */
  count: permittedProcedure("payments.take")
    .input(closeOutCountInputSchema)
    .mutation(({ ctx, input }) => countCash(actorOf(ctx), input)),
  /**
   * A manager signs the counted day off; from then on the desk's day refuses payments, captures,
   * voids and refunds (DAY_CLOSED). CLOSE_OUT_STATE_INVALID before counting or twice. → `CloseOutView`
   */
  signOff: permittedProcedure("payments.approve")
    .input(closeOutSignOffInputSchema)
    .mutation(({ ctx, input }) => signOff(actorOf(ctx), input)),
  /** Close-outs between two dates (inclusive), newest first. */
  list: permittedProcedure("payments.read")
    .input(closeOutListSchema)
    .query(({ ctx, input }) => closeOutsOf(actorOf(ctx), input)),
});
