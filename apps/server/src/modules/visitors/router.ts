import {
  kioskCodeSchema,
  kioskSchema,
  kioskTokenCreateSchema,
  kioskTokenListSchema,
  kioskWalkInSchema,
  onSiteSchema,
  visitCheckInSchema,
  visitDaySchema,
  visitIdSchema,
  visitPreRegisterSchema,
  visitorSettingsUpdateSchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { kioskProcedure, permittedProcedure, router } from "../../trpc/trpc.js";
import {
  badgeOf,
  cancelVisit,
  checkInVisit,
  checkOutVisit,
  createKioskToken,
  kioskCheckInWithCode,
  kioskCheckOut,
  kioskTokensOf,
  kioskWalkIn,
  kioskWelcome,
  preRegisterVisit,
  revokeKioskToken,
  updateVisitorSettings,
  visitorSettingsOf,
  visitorsOnSite,
  visitsOfDay,
} from "./service.js";

/** Visitors at the desk: expected and walk-in visits, check-in and out, who is on site, badges. */
export const visitorsRouter = router({
  /** → `Visit` (status expected, with its badge code) */
  preRegister: permittedProcedure("visitors.manage")
    .input(visitPreRegisterSchema)
    .mutation(({ ctx, input }) => preRegisterVisit(actorOf(ctx), input)),
  /** An expected visit (`visitId`) or a walk-in (`walkIn`); the host is notified. → `Visit` */
  checkIn: permittedProcedure("visitors.manage")
    .input(visitCheckInSchema)
    .mutation(({ ctx, input }) => checkInVisit(actorOf(ctx), input)),
  /** A second check-out is refused with VISIT_ALREADY_CHECKED_OUT. → `Visit` */
  checkOut: permittedProcedure("visitors.manage")
    .input(visitIdSchema)
    .mutation(({ ctx, input }) => checkOutVisit(actorOf(ctx), input.id)),
  cancel: permittedProcedure("visitors.manage")
    .input(visitIdSchema)
    .mutation(({ ctx, input }) => cancelVisit(actorOf(ctx), input.id)),
  /** The office's visits of a day. → `{ date, waitThresholdMinutes, visits }` */
  day: permittedProcedure("visitors.read")
    .input(visitDaySchema)
    .query(({ ctx, input }) => visitsOfDay(actorOf(ctx), input)),
  /** Everyone on site now, for the roll call. → `{ officeName, at, visits }` */
  onSite: permittedProcedure("visitors.read")
    .input(onSiteSchema)
    .query(({ ctx, input }) => visitorsOnSite(actorOf(ctx), input.officeId)),
  badge: permittedProcedure("visitors.read")
    .input(visitIdSchema)
    .query(({ ctx, input }) => badgeOf(actorOf(ctx), input.id)),
  /** → `VisitorSettings` (retention, wait threshold, end of day) */
  settings: permittedProcedure("visitors.read")
    .input(onSiteSchema)
    .query(({ ctx, input }) => visitorSettingsOf(actorOf(ctx), input.officeId)),
  updateSettings: permittedProcedure("offices.manage")
    .input(visitorSettingsUpdateSchema)
    .mutation(({ ctx, input }) => updateVisitorSettings(actorOf(ctx), input)),
  /** A kiosk credential for an office; the token is returned this once. Managers only. */
  createKioskToken: permittedProcedure("offices.manage")
    .input(kioskTokenCreateSchema)
    .mutation(({ ctx, input }) => createKioskToken(actorOf(ctx), input)),
  kioskTokens: permittedProcedure("offices.manage")
    .input(kioskTokenListSchema)
    .query(({ ctx, input }) => kioskTokensOf(actorOf(ctx), input.officeId)),
  revokeKioskToken: permittedProcedure("offices.manage")
    .input(visitIdSchema)
    .mutation(({ ctx, input }) => revokeKioskToken(actorOf(ctx), input.id)),
});

/**
 * The self-service kiosk: no session, the office's kiosk token in every input is the credential
 * (a wrong or revoked one: KIOSK_TOKEN_INVALID, 401). It can do only this, and only
 * KIOSK_ATTEMPTS_PER_MINUTE times a minute per client address (then RATE_LIMITED, 429).
 */
export const kioskRouter = router({
  /** The office's name and language and the hosts to pick (names only). */
  welcome: kioskProcedure.input(kioskSchema).query(({ ctx, input }) => kioskWelcome(ctx, input.token)),
  walkIn: kioskProcedure.input(kioskWalkInSchema).mutation(({ ctx, input }) => kioskWalkIn(ctx, input)),
  checkInWithCode: kioskProcedure.input(kioskCodeSchema).mutation(({ ctx, input }) => kioskCheckInWithCode(ctx, input.token, input.code)),
  checkOut: kioskProcedure.input(kioskCodeSchema).mutation(({ ctx, input }) => kioskCheckOut(ctx, input.token, input.code)),
});
