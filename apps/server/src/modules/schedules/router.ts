import { staffScheduleKeySchema, staffScheduleSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { getSchedule, setSchedule } from "./service.js";

export const schedulesRouter = router({
  get: permittedProcedure("appointments.read")
    .input(staffScheduleKeySchema)
    .query(({ ctx, input }) => getSchedule(actorOf(ctx), input.staffId, input.officeId)),
  set: permittedProcedure("services.manage")
    .input(staffScheduleSchema)
    .mutation(({ ctx, input }) => setSchedule(actorOf(ctx), input)),
});
