import { serviceInputSchema, serviceListSchema, serviceUpdateSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { createService, servicesOf, updateService } from "./service.js";

export const servicesRouter = router({
  list: permittedProcedure("appointments.read")
    .input(serviceListSchema)
    .query(({ ctx, input }) => servicesOf(actorOf(ctx), input)),
  create: permittedProcedure("services.manage")
    .input(serviceInputSchema)
    .mutation(({ ctx, input }) => createService(actorOf(ctx), input)),
  update: permittedProcedure("services.manage")
    .input(serviceUpdateSchema)
    .mutation(({ ctx, input }) => updateService(actorOf(ctx), input)),
});
