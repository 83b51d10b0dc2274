import {
  callOfficeSettingsSchema,
  callRoutingSetupSchema,
  departmentQueueSchema,
  routingRuleCreateSchema,
  routingRuleRefSchema,
  routingRulesReorderSchema,
  routingRuleUpdateSchema,
  staffPhoneSchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import {
  callRoutingSetup,
  createRoutingRule,
  removeRoutingRule,
  reorderRoutingRules,
  updateCallOffice,
  updateDepartmentQueue,
  updateRoutingRule,
  updateStaffPhone,
} from "./service.js";

/** An office's call routing: read by everyone who sees calls, changed by `calls.configure`. */
export const callRoutingRouter = router({
  setup: permittedProcedure("calls.read")
    .input(callRoutingSetupSchema)
    .query(({ ctx, input }) => callRoutingSetup(actorOf(ctx), input)),
  updateOffice: permittedProcedure("calls.configure")
    .input(callOfficeSettingsSchema)
    .mutation(({ ctx, input }) => updateCallOffice(actorOf(ctx), input)),
  updateDepartment: permittedProcedure("calls.configure")
    .input(departmentQueueSchema)
    .mutation(({ ctx, input }) => updateDepartmentQueue(actorOf(ctx), input)),
  updateStaffPhone: permittedProcedure("calls.configure")
    .input(staffPhoneSchema)
    .mutation(({ ctx, input }) => updateStaffPhone(actorOf(ctx), input)),
  rules: router({
    create: permittedProcedure("calls.configure")
      .input(routingRuleCreateSchema)
      .mutation(({ ctx, input }) => createRoutingRule(actorOf(ctx), input)),
    update: permittedProcedure("calls.configure")
      .input(routingRuleUpdateSchema)
      .mutation(({ ctx, input }) => updateRoutingRule(actorOf(ctx), input)),
    remove: permittedProcedure("calls.configure")
      .input(routingRuleRefSchema)
      .mutation(({ ctx, input }) => removeRoutingRule(actorOf(ctx), input)),
    reorder: permittedProcedure("calls.configure")
      .input(routingRulesReorderSchema)
      .mutation(({ ctx, input }) => reorderRoutingRules(actorOf(ctx), input)),
  }),
});
