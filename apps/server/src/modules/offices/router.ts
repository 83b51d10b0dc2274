import { departmentCreateSchema, departmentIdSchema, departmentUpdateSchema, officeBookingPolicyUpdateSchema, officeInputSchema, officeUpdateSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { listOffices } from "./queries.js";
import { createDepartment, createOffice, deleteDepartment, updateBookingPolicy, updateDepartment, updateOffice } from "./service.js";

export const officesRouter = router({
  list: permittedProcedure("offices.read").query(({ ctx }) => listOffices(ctx.db, ctx.organizationId)),
  create: permittedProcedure("offices.manage")
    .input(officeInputSchema)
    .mutation(({ ctx, input }) => createOffice(actorOf(ctx), input)),
  update: permittedProcedure("offices.manage")
    .input(officeUpdateSchema)
    .mutation(({ ctx, input }) => updateOffice(actorOf(ctx), input.id, input.office)),
  updateBookingPolicy: permittedProcedure("offices.manage")
    .input(officeBookingPolicyUpdateSchema)
    .mutation(({ ctx, input }) => updateBookingPolicy(actorOf(ctx), input.id, input.policy)),
  createDepartment: permittedProcedure("offices.manage")
    .input(departmentCreateSchema)
    .mutation(({ ctx, input }) => createDepartment(actorOf(ctx), input)),
  updateDepartment: permittedProcedure("offices.manage")
    .input(departmentUpdateSchema)
    .mutation(({ ctx, input }) => updateDepartment(actorOf(ctx), input)),
  deleteDepartment: permittedProcedure("offices.manage")
    .input(departmentIdSchema)
    .mutation(({ ctx, input }) => deleteDepartment(actorOf(ctx), input.id)),
});
