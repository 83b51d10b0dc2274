import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DomainError, can } from "@frontoffice/domain";
import { Temporal, toICalendar, type CalendarEvent } from "@frontoffice/scheduling";
import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Clock } from "../../clock.js";
import type { Actor } from "../../trpc/actor.js";
import { selectBlocks } from "../agenda/queries.js";
import { feedAppointments, findFeed, findLiveFeedByHash, findStaffMember, insertFeed, listFeeds, revokeFeedRow } from "./queries.js";

/** The window a feed shows: a month back, six months ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;
const DAY_MS = 86_400_000;

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A staff member manages their own feeds; someone who may manage staff (owners, managers)
 * manages anyone's in the organization. Anyone else asking about another's feed is refused.
 */
async function targetStaff(actor: Actor, staffId: string | undefined): Promise<string> {
  const target = staffId ?? actor.staffId;
  if (target !== actor.staffId && !can(actor.roles, "staff.manage")) throw new DomainError("FORBIDDEN", "another staff member's calendar feed");
  if (!(await findStaffMember(actor.db, actor.organizationId, target))) throw new DomainError("NOT_FOUND", "staff member");
  return target;
}

/**
 * Makes a private feed and returns its URL, the only time the token is ever seen: the database
 * keeps its SHA-256 alone, so a leaked database dump cannot be turned into feed URLs.
 */
export async function createFeed(actor: Actor, input: { staffId?: string | undefined }, publicUrl: string) {
  const staffId = await targetStaff(actor, input.staffId);
  const token = randomBytes(32).toString("base64url");
  const feed = await insertFeed(actor.db, { organizationId: actor.organizationId, staffId, tokenHash: hashToken(token), createdBy: actor.staffId, at: actor.clock.now() });
  return { ...feed, url: `${publicUrl.replace(/\/+$/, "")}/calendar/${token}.ics` };
}

export async function feedsOf(actor: Actor, input: { staffId?: string | undefined }) {
  return listFeeds(actor.db, actor.organizationId, await targetStaff(actor, input.staffId));
}

export async function revokeFeed(actor: Actor, input: { id: string }) {
  const feed = await findFeed(actor.db, actor.organizationId, input.id);
  if (!feed) throw new DomainError("NOT_FOUND", "calendar feed");
  if (feed.staffId !== actor.staffId && !can(actor.roles, "staff.manage")) throw new DomainError("FORBIDDEN", "another staff member's calendar feed");
  const revoked = await revokeFeedRow(actor.db, actor.organizationId, input.id, actor.clock.now());
  if (!revoked) throw new DomainError("NOT_FOUND", "calendar feed");
  return revoked;
}

/**
 * The iCalendar text for a feed token, or undefined when no live feed has it (unknown,
 * malformed, revoked, or its staff member deactivated).
 *
 * The lookup is by the token's SHA-256 through a unique index: timing can at most reveal
 * something about a hash, never about a token, and the stored hash is compared again in
 * constant time. What the calendar shows: for medical offices only the client's first name
 * (no family name, service or notes: calendar apps sync to third-party clouds); elsewhere the
 * client's name and the service. Notes and contact details never appear.
 */
export async function renderFeed(db: Kysely<Database>, clock: Clock, token: string): Promise<string | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const tokenHash = hashToken(token);
  const feed = await findLiveFeedByHash(db, tokenHash);
  if (!feed || !feed.active) return undefined;
  if (!timingSafeEqual(Buffer.from(feed.tokenHash, "hex"), Buffer.from(tokenHash, "hex"))) return undefined;

  const now = clock.now();
  const appointments = await feedAppointments(
    db, feed.organizationId, feed.staffId,
    new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS), new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS),
  );
  const events: CalendarEvent[] = appointments.map((appointment) => {
    const medical = appointment.officeKind === "medical";
    const who = medical ? (appointment.givenName ?? "—") : appointment.displayName;
    return {
      uid: `appointment-${appointment.id}@frontoffice`,
      start: appointment.startsAt.toISOString(),
      end: appointment.endsAt.toISOString(),
      summary: medical ? who : `${who} · ${appointment.serviceName}`,
      location: appointment.officeName,
      timeZone: appointment.timeZone,
      status: "CONFIRMED",
      sequence: appointment.version,
    };
  });
  // The staff member's blocks (busy time in their agenda), repeating ones as series.
  const blocks = await selectBlocks(db, feed.organizationId, { staffIds: [feed.staffId], from: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS), to: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS) });
  for (const block of blocks) {
    events.push({
      uid: `agenda-${block.id}@frontoffice`,
      start: new Date(block.starts_at).toISOString(),
      end: new Date(block.ends_at ?? block.starts_at).toISOString(),
      summary: block.title,
      timeZone: block.time_zone,
      ...(block.rrule ? { rrule: block.rrule, exdates: block.exdates.filter((exdate) => exdate.length > 10) } : {}),
      status: "CONFIRMED",
      sequence: block.version,
    });
  }
  return toICalendar(events, { clock: { now: () => Temporal.Instant.fromEpochMilliseconds(now.getTime()) }, name: feed.staffName });
}
