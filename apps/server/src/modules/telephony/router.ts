import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { createEndpoint, endpointsOf, revokeEndpoint, telephonyEndpointCreateSchema, telephonyEndpointListSchema, telephonyEndpointRevokeSchema } from "./service.js";

const configure = permittedProcedure("calls.configure");

/**
 * The phone systems allowed to report an office's calls. The public URL is the one auth was
 * built with: the address the phone system must call.
 */
export const telephonyRouter = router({
  endpoints: router({
    list: configure.input(telephonyEndpointListSchema).query(({ ctx, input }) => endpointsOf(actorOf(ctx), input, ctx.auth.options.baseURL ?? "")),
    create: configure.input(telephonyEndpointCreateSchema).mutation(({ ctx, input }) => createEndpoint(actorOf(ctx), input, ctx.auth.options.baseURL ?? "")),
    revoke: configure.input(telephonyEndpointRevokeSchema).mutation(({ ctx, input }) => revokeEndpoint(actorOf(ctx), input, ctx.auth.options.baseURL ?? "")),
  }),
});
