import { notificationListSchema, notificationReadSchema } from "@frontoffice/domain";
import { router, signedInProcedure } from "../../trpc/trpc.js";
import { listNotifications, markNotificationsRead } from "./queries.js";

/** The signed-in staff member's own in-app notifications (a visitor arrived…). */
export const notificationsRouter = router({
  /** Newest first, at most 50. → `StaffNotification[]` */
  list: signedInProcedure
    .input(notificationListSchema)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.organizationId, ctx.staff.id, input.unreadOnly ?? false)),
  /** Marks the given notifications (or all) read. → `{ updated }` */
  markRead: signedInProcedure
    .input(notificationReadSchema)
    .mutation(async ({ ctx, input }) => ({ updated: await markNotificationsRead(ctx.db, ctx.organizationId, ctx.staff.id, input.ids, ctx.clock.now()) })),
});
