import {
  scheduleOverrideInputSchema,
  scheduleOverrideKeySchema,
  scheduleOverrideListSchema,
  staffScheduleKeySchema,
  staffScheduleSchema,
  timeOffIdSchema,
  timeOffInputSchema,
  timeOffListSchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { addTimeOff, getSchedule, listOverrides, listTimeOff, removeOverride, removeTimeOff, setOverride, setSchedule } from "./service.js";

export const schedulesRouter = router({
  get: permittedProcedure("appointments.read")
    .input(staffScheduleKeySchema)
    .query(({ ctx, input }) => getSchedule(actorOf(ctx), input.staffId, input.officeId)),
  set: permittedProcedure("services.manage")
    .input(staffScheduleSchema)
    .mutation(({ ctx, input }) => setSchedule(actorOf(ctx), input)),
  listTimeOff: permittedProcedure("appointments.read")
    .input(timeOffListSchema)
    .query(({ ctx, input }) => listTimeOff(actorOf(ctx), input)),
  addTimeOff: permittedProcedure("services.manage")
    .input(timeOffInputSchema)
    .mutation(({ ctx, input }) => addTimeOff(actorOf(ctx), input)),
  removeTimeOff: permittedProcedure("services.manage")
    .input(timeOffIdSchema)
    .mutation(({ ctx, input }) => removeTimeOff(actorOf(ctx), input.id)),
  listOverrides: permittedProcedure("appointments.read")
    .input(scheduleOverrideListSchema)
    .query(({ ctx, input }) => listOverrides(actorOf(ctx), input)),
  setOverride: permittedProcedure("services.manage")
    .input(scheduleOverrideInputSchema)
    .mutation(({ ctx, input }) => setOverride(actorOf(ctx), input)),
  removeOverride: permittedProcedure("services.manage")
    .input(scheduleOverrideKeySchema)
    .mutation(({ ctx, input }) => removeOverride(actorOf(ctx), input)),
});
