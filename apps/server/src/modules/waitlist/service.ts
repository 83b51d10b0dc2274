import {
  DomainError,
  waitlistAddSchema,
  waitlistListSchema,
  type Appointment,
  type WaitlistAddInput,
  type WaitlistEntry,
  type WaitlistListInput,
} from "@frontoffice/domain";
import type { Actor } from "../../trpc/actor.js";
import { recordChangeBy } from "../audit/queries.js";
import { bookAppointment } from "../appointments/service.js";
import { findClientForBooking } from "../appointments/queries.js";
import { findService } from "../services/queries.js";
import { acceptOfferRow, findOffer, insertEntry, selectEntries } from "./queries.js";

const ENTITY = "waitlist_entry";

export async function listWaitlist(actor: Pick<Actor, "db" | "organizationId" | "clock">, raw: WaitlistListInput): Promise<WaitlistEntry[]> {
  const input = waitlistListSchema.parse(raw);
  return selectEntries(actor.db, actor.organizationId, { officeId: input.officeId, serviceId: input.serviceId, statuses: input.status ? [input.status] : ["waiting", "offered"] }, actor.clock.now());
}

/** Puts a client on the waitlist for a service; first come, first served. */
export async function addToWaitlist(actor: Actor, raw: WaitlistAddInput): Promise<WaitlistEntry> {
  const input = waitlistAddSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const service = await findService(trx, actor.organizationId, input.serviceId);
    if (!service) throw new DomainError("SERVICE_NOT_FOUND");
    if (input.staffId && !service.staffIds.includes(input.staffId)) throw new DomainError("STAFF_CANNOT_PERFORM_SERVICE");
    const client = await findClientForBooking(trx, actor.organizationId, input.clientId);
    if (!client) throw new DomainError("NOT_FOUND", "client not found");
    if (client.archived_at) throw new DomainError("CLIENT_ARCHIVED");
    const at = actor.clock.now();
    const id = await insertEntry(trx, {
      organization_id: actor.organizationId,
      office_id: service.officeId,
      service_id: service.id,
      client_id: client.id,
      staff_id: input.staffId ?? null,
      earliest_at: new Date(input.earliest),
      latest_at: new Date(input.latest),
      notes: input.notes ?? "",
      created_at: at,
      created_by: actor.staffId,
    });
    await recordChangeBy(trx, actor, { type: ENTITY, id }, "create", {
      serviceId: { from: null, to: service.id },
      clientId: { from: null, to: client.id },
      earliest: { from: null, to: input.earliest },
      latest: { from: null, to: input.latest },
    }, at);
    const [entry] = await selectEntries(trx, actor.organizationId, { ids: [id] }, at);
    return entry!;
  });
}

/**
 * Accepts an offer: books the freed time for the waiting client. The booking and the offer's
 * acceptance share one transaction; an offer accepted twice, or expired, books nothing.
 */
export async function acceptOffer(actor: Actor, offerId: string): Promise<Appointment> {
  const offer = await findOffer(actor.db, actor.organizationId, offerId);
  if (!offer) throw new DomainError("NOT_FOUND", "offer not found");
  if (offer.status !== "open") throw new DomainError("WAITLIST_OFFER_UNAVAILABLE");
  if (new Date(offer.expires_at).getTime() <= actor.clock.now().getTime()) throw new DomainError("WAITLIST_OFFER_EXPIRED");
  return bookAppointment(
    actor,
    { clientId: offer.client_id, serviceId: offer.service_id, staffId: offer.staff_id, start: new Date(offer.starts_at).toISOString(), ...(offer.notes ? { notes: offer.notes } : {}) },
    async (trx, appointment, at) => {
      if (!(await acceptOfferRow(trx, offer.id, appointment.id, at))) throw new DomainError("WAITLIST_OFFER_UNAVAILABLE");
      await trx.updateTable("waitlist_entry").set({ status: "booked" }).where("id", "=", offer.entry_id).execute();
      await recordChangeBy(trx, actor, { type: ENTITY, id: offer.entry_id }, "accept", { appointmentId: { from: null, to: appointment.id } }, at);
    },
  );
}
