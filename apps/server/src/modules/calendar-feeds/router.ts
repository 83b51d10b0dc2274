import { z } from "zod";
import { actorOf } from "../../trpc/actor.js";
import { router, signedInProcedure } from "../../trpc/trpc.js";
import { createFeed, feedsOf, revokeFeed } from "./service.js";

const id = z.uuid("validation.id_invalid");
const feedTargetSchema = z.strictObject({ staffId: id.optional() }).default({});
const feedIdSchema = z.strictObject({ id });

/**
 * Private iCalendar feeds. Any signed-in staff member for their own calendar; owners and
 * managers (who hold `staff.manage`) for anyone in the organization, checked in the service.
 */
export const calendarFeedsRouter = router({
  create: signedInProcedure
    .input(feedTargetSchema)
    // The public URL is the one auth was built with: the address browsers and calendar apps use.
    .mutation(({ ctx, input }) => createFeed(actorOf(ctx), input, ctx.auth.options.baseURL ?? "")),
  list: signedInProcedure.input(feedTargetSchema).query(({ ctx, input }) => feedsOf(actorOf(ctx), input)),
  revoke: signedInProcedure.input(feedIdSchema).mutation(({ ctx, input }) => revokeFeed(actorOf(ctx), input)),
});
