import {
  agendaQuerySchema,
  appointmentIdSchema,
  appointmentStatusSchema,
  bookAppointmentSchema,
  cancelAppointmentSchema,
  rescheduleAppointmentSchema,
  slotsQuerySchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import {
  agenda,
  appointmentHistory,
  bookAppointment,
  cancelAppointment,
  findFreeSlots,
  getAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
} from "./service.js";

export const appointmentsRouter = router({
  slots: permittedProcedure("appointments.read")
    .input(slotsQuerySchema)
    .query(({ ctx, input }) => findFreeSlots(actorOf(ctx), input)),
  agenda: permittedProcedure("appointments.read")
    .input(agendaQuerySchema)
    .query(({ ctx, input }) => agenda(actorOf(ctx), input)),
  get: permittedProcedure("appointments.read")
    .input(appointmentIdSchema)
    .query(({ ctx, input }) => getAppointment(actorOf(ctx), input.id)),
  history: permittedProcedure("appointments.read")
    .input(appointmentIdSchema)
    .query(({ ctx, input }) => appointmentHistory(actorOf(ctx), input.id)),
  book: permittedProcedure("appointments.write")
    .input(bookAppointmentSchema)
    .mutation(({ ctx, input }) => bookAppointment(actorOf(ctx), input)),
  reschedule: permittedProcedure("appointments.write")
    .input(rescheduleAppointmentSchema)
    .mutation(({ ctx, input }) => rescheduleAppointment(actorOf(ctx), input)),
  cancel: permittedProcedure("appointments.write")
    .input(cancelAppointmentSchema)
    .mutation(({ ctx, input }) => cancelAppointment(actorOf(ctx), input)),
  setStatus: permittedProcedure("appointments.write")
    .input(appointmentStatusSchema)
    .mutation(({ ctx, input }) => setAppointmentStatus(actorOf(ctx), input)),
});
