import { resourceInputSchema, resourceListSchema, resourceUpdateSchema, resourceVersionSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { createResource, deactivateResource, resourcesOf, updateResource } from "./service.js";

export const resourcesRouter = router({
  list: permittedProcedure("appointments.read")
    .input(resourceListSchema)
    .query(({ ctx, input }) => resourcesOf(actorOf(ctx), input)),
  create: permittedProcedure("services.manage")
    .input(resourceInputSchema)
    .mutation(({ ctx, input }) => createResource(actorOf(ctx), input)),
  update: permittedProcedure("services.manage")
    .input(resourceUpdateSchema)
    .mutation(({ ctx, input }) => updateResource(actorOf(ctx), input)),
  deactivate: permittedProcedure("services.manage")
    .input(resourceVersionSchema)
    .mutation(({ ctx, input }) => deactivateResource(actorOf(ctx), input)),
});
