import { staffCreateSchema, staffIdSchema, staffListSchema, staffResetPasswordSchema, staffUpdateSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { createStaff, getStaff, listStaff, resetStaffPassword, updateStaff } from "./service.js";

export const staffRouter = router({
  list: permittedProcedure("staff.read")
    .input(staffListSchema)
    .query(({ ctx, input }) => listStaff(actorOf(ctx), input)),
  get: permittedProcedure("staff.read")
    .input(staffIdSchema)
    .query(({ ctx, input }) => getStaff(actorOf(ctx), input.id)),
  create: permittedProcedure("staff.manage")
    .input(staffCreateSchema)
    .mutation(({ ctx, input }) => createStaff(actorOf(ctx), input)),
  update: permittedProcedure("staff.manage")
    .input(staffUpdateSchema)
    .mutation(({ ctx, input }) => updateStaff(actorOf(ctx), input)),
  resetPassword: permittedProcedure("staff.manage")
    .input(staffResetPasswordSchema)
    .mutation(({ ctx, input }) => resetStaffPassword(actorOf(ctx), input.id, input.temporaryPassword)),
});
