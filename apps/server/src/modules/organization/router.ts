import { organizationUpdateSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { updateOrganization } from "./service.js";

export const organizationRouter = router({
  update: permittedProcedure("organization.manage")
    .input(organizationUpdateSchema)
    .mutation(({ ctx, input }) => updateOrganization(actorOf(ctx), input)),
});
