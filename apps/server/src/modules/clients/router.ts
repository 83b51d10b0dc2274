import { clientCreateSchema, clientIdSchema, clientSearchSchema, clientUpdateSchema } from "@frontoffice/domain";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { actorOf } from "../../trpc/actor.js";
import { clientHistory, createClient, findClients, getClient, setClientArchived, updateClient } from "./service.js";

export const clientsRouter = router({
  search: permittedProcedure("clients.read")
    .input(clientSearchSchema)
    .query(({ ctx, input }) => findClients(actorOf(ctx), input)),
  get: permittedProcedure("clients.read")
    .input(clientIdSchema)
    .query(({ ctx, input }) => getClient(actorOf(ctx), input.id)),
  history: permittedProcedure("audit.read")
    .input(clientIdSchema)
    .query(({ ctx, input }) => clientHistory(actorOf(ctx), input.id)),
  create: permittedProcedure("clients.write")
    .input(clientCreateSchema)
    .mutation(({ ctx, input }) => createClient(actorOf(ctx), input)),
  update: permittedProcedure("clients.write")
    .input(clientUpdateSchema)
    .mutation(({ ctx, input }) => updateClient(actorOf(ctx), input.id, input.version, input.client)),
  archive: permittedProcedure("clients.archive")
    .input(clientIdSchema)
    .mutation(({ ctx, input }) => setClientArchived(actorOf(ctx), input.id, true)),
  restore: permittedProcedure("clients.archive")
    .input(clientIdSchema)
    .mutation(({ ctx, input }) => setClientArchived(actorOf(ctx), input.id, false)),
});
