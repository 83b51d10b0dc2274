import { setupInputSchema } from "@frontoffice/domain";
import { publicProcedure, router } from "../../trpc/trpc.js";
import { createFirstOrganization, needsSetup } from "./service.js";

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needsSetup: await needsSetup(ctx) })),
  create: publicProcedure
    .input(setupInputSchema)
    .mutation(({ ctx, input }) => createFirstOrganization(ctx, input, ctx.requestId)),
});
