import { agendaRouter } from "../modules/agenda/router.js";
import { answersRouter } from "../modules/answers/router.js";
import { appointmentsRouter } from "../modules/appointments/router.js";
import { callRoutingRouter } from "../modules/call-routing/router.js";
import { calendarFeedsRouter } from "../modules/calendar-feeds/router.js";
import { closeOutsRouter } from "../modules/close-out/router.js";
import { clientsRouter } from "../modules/clients/router.js";
import { officesRouter } from "../modules/offices/router.js";
import { organizationRouter } from "../modules/organization/router.js";
import { outboxRouter } from "../modules/outbox/router.js";
import { chargesRouter, paymentsRouter } from "../modules/payments/router.js";
import { productsRouter } from "../modules/products/router.js";
import { receiptsRouter } from "../modules/receipts/router.js";
import { resourcesRouter } from "../modules/resources/router.js";
import { sessionRouter } from "../modules/session/router.js";
import { schedulesRouter } from "../modules/schedules/router.js";
import { servicesRouter } from "../modules/services/router.js";
import { setupRouter } from "../modules/setup/router.js";
import { staffRouter } from "../modules/staff/router.js";
import { telephonyRouter } from "../modules/telephony/router.js";
import { waitlistRouter } from "../modules/waitlist/router.js";
import { kioskRouter, visitorsRouter } from "../modules/visitors/router.js";
import { notificationsRouter } from "../modules/notifications/router.js";
import { callsRouter } from "../modules/calls/router.js";
import { waitingRoomRouter } from "../modules/waiting-room/router.js";
import { router } from "./trpc.js";

export const appRouter = router({
  setup: setupRouter,
  session: sessionRouter,
  organization: organizationRouter,
  offices: officesRouter,
  clients: clientsRouter,
  staff: staffRouter,
  calendarFeeds: calendarFeedsRouter,
  services: servicesRouter,
  resources: resourcesRouter,
  schedules: schedulesRouter,
  appointments: appointmentsRouter,
  waitlist: waitlistRouter,
  outbox: outboxRouter,
  agenda: agendaRouter,
  products: productsRouter,
  charges: chargesRouter,
  payments: paymentsRouter,
  receipts: receiptsRouter,
  closeOuts: closeOutsRouter,
  answers: answersRouter,
  visitors: visitorsRouter,
  kiosk: kioskRouter,
  notifications: notificationsRouter,
  calls: callsRouter,
  telephony: telephonyRouter,
  waitingRoom: waitingRoomRouter,
  callRouting: callRoutingRouter,
});

/** The API's type, for the web client (`import type`) and typed test callers. */
export type AppRouter = typeof appRouter;
