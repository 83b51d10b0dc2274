import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import {
  BADGE_ALPHABET,
  BADGE_CODE_LENGTH,
  DomainError,
  kioskTokenCreateSchema,
  kioskWalkInSchema,
  visitCheckInSchema,
  visitPreRegisterSchema,
  visitorSettingsSchema,
  type KioskToken,
  type KioskWalkInInput,
  type Visit,
  type VisitBadge,
  type VisitCheckInInput,
  type VisitDayInput,
  type VisitPreRegisterInput,
  type VisitorSettings,
} from "@frontoffice/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Clock } from "../../clock.js";
import { violatedUniqueConstraint } from "../../database-errors.js";
import type { Actor } from "../../trpc/actor.js";
import { enqueueMessage } from "../../outbox/queries.js";
import { diffFields, recordAudit, recordChangeBy } from "../audit/queries.js";
import { hashToken } from "../calendar-feeds/service.js";
import { insertNotification } from "../notifications/queries.js";
import { businessDateOf } from "../payments/support.js";
import { formatArrivalTime, renderArrival } from "./messages.js";
import {
  badgeCodeTaken,
  findHost,
  findLiveKioskByHash,
  findOfficeAppointment,
  findOnSiteByCode,
  findVisit,
  findVisitByCode,
  findVisitOffice,
  findVisitorSettings,
  insertKioskToken,
  insertVisit,
  listKioskTokens,
  listOfficeHosts,
  listOnSite,
  listVisitsOfDay,
  markCancelled,
  markCheckedIn,
  markCheckedOut,
  revokeKioskTokenRow,
  toKioskToken,
  toVisit,
  updateVisitorSettingsRow,
  type CheckedBy,
  type NewVisitValues,
} from "./queries.js";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/**
 * Who acts on a visit: a signed-in staff member, or an office's kiosk (no one signed in; the
 * kiosk's token decided the organization and office).
 */
export interface VisitActor {
  db: Db;
  clock: Clock;
  organizationId: string;
  requestId: string | null;
  by: CheckedBy;
}

export const staffActor = (actor: Actor): VisitActor => ({ db: actor.db, clock: actor.clock, organizationId: actor.organizationId, requestId: actor.requestId, by: { channel: "staff", staffId: actor.staffId } });

const VISIT = "visit";

function audit(trx: Trx, actor: VisitActor, visitId: string, action: "create" | "update", changes: Record<string, { from: unknown; to: unknown }>, at: Date) {
  // No personal data in the audit log: it outlives the visit's retention period.
  return recordAudit(trx, {
    organizationId: actor.organizationId,
    actorStaffId: actor.by.channel === "staff" ? actor.by.staffId : null,
    entityType: VISIT,
    entityId: visitId,
    action,
    changes: { ...changes, channel: { from: null, to: actor.by.channel } },
    requestId: actor.requestId,
    at,
  });
}

async function officeOf(db: Db | Trx, organizationId: string, officeId: string) {
  const office = await findVisitOffice(db, organizationId, officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return office;
}

async function visitOf(db: Db | Trx, organizationId: string, visitId: string) {
  const row = await findVisit(db, organizationId, visitId);
  if (!row) throw new DomainError("NOT_FOUND", "visit not found");
  return row;
}

export function newBadgeCode(): string {
  let code = "";
  for (let index = 0; index < BADGE_CODE_LENGTH; index++) code += BADGE_ALPHABET[randomInt(BADGE_ALPHABET.length)];
  return code;
}

/**
 * Inserts a visit with a badge code free in the office that day. Two visits inserted at once
 * may still pick the same code: the unique key refuses the second, and {@link withFreshBadge}
 * runs its transaction again.
 */
async function insertWithBadge(trx: Trx, visit: Omit<NewVisitValues, "badgeCode">): Promise<string> {
  let code = newBadgeCode();
  while (await badgeCodeTaken(trx, visit.officeId, visit.badgeDate, code)) code = newBadgeCode();
  return (await insertVisit(trx, { ...visit, badgeCode: code })).id;
}

async function withFreshBadge<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= 3 || violatedUniqueConstraint(error) !== "visit_badge_key") throw error;
    }
  }
}

async function hostOf(db: Db | Trx, organizationId: string, staffId: string) {
  const host = await findHost(db, organizationId, staffId);
  if (!host) throw new DomainError("NOT_FOUND", "host not found");
  return host;
}

/** Tells the host their visitor is here: an in-app notification and an email in the host's language. */
async function notifyHost(trx: Trx, organizationId: string, visitId: string, at: Date): Promise<void> {
  const visit = await visitOf(trx, organizationId, visitId);
  const host = await hostOf(trx, organizationId, visit.host_staff_id);
  const office = await officeOf(trx, organizationId, visit.office_id);
  await insertNotification(trx, {
    organizationId,
    staffId: host.id,
    kind: "visitor_arrived",
    payload: { visitId, visitorName: visit.visitor_name, company: visit.company, officeName: office.name },
    at,
  });
  const message = renderArrival({
    locale: host.locale,
    hostName: host.display_name,
    visitorName: visit.visitor_name,
    company: visit.company,
    officeName: office.name,
    time: formatArrivalTime(at, host.locale, office.time_zone),
  });
  await enqueueMessage(trx, {
    organization_id: organizationId,
    channel: "email",
    recipient: host.email,
    subject: message.subject,
    body_text: message.text,
    body_html: message.html,
    locale: host.locale,
    dedupe_key: `visitor-arrived:${visitId}`,
  });
}

interface VisitorData {
  visitorName: string;
  company?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  hostStaffId: string;
  purpose?: string | undefined;
}

function visitValues(actor: VisitActor, officeId: string, data: VisitorData, extra: { expectedAt: Date | null; appointmentId: string | null; badgeDate: string; at: Date }): Omit<NewVisitValues, "badgeCode"> {
  return {
    organizationId: actor.organizationId,
    officeId,
    visitorName: data.visitorName,
    company: data.company ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    hostStaffId: data.hostStaffId,
    purpose: data.purpose ?? null,
    expectedAt: extra.expectedAt,
    appointmentId: extra.appointmentId,
    badgeDate: extra.badgeDate,
    createdBy: actor.by.channel === "staff" ? actor.by.staffId : null,
    at: extra.at,
  };
}

/** Staff expect a visitor: the visit gets its badge code (for the kiosk) for the expected day. */
export async function preRegisterVisit(actor: Actor, raw: VisitPreRegisterInput): Promise<Visit> {
  const input = visitPreRegisterSchema.parse(raw);
  const who = staffActor(actor);
  const office = await officeOf(actor.db, actor.organizationId, input.officeId);
  await hostOf(actor.db, actor.organizationId, input.hostStaffId);
  if (input.appointmentId && !(await findOfficeAppointment(actor.db, actor.organizationId, input.officeId, input.appointmentId))) {
    throw new DomainError("NOT_FOUND", "appointment not found");
  }
  const expectedAt = new Date(input.expectedAt);
  const now = actor.clock.now();
  const visitId = await withFreshBadge(actor.db, async (trx) => {
    const id = await insertWithBadge(trx, visitValues(who, office.id, input, { expectedAt, appointmentId: input.appointmentId ?? null, badgeDate: businessDateOf(expectedAt, office.time_zone), at: now }));
    await audit(trx, who, id, "create", { status: { from: null, to: "expected" }, hostStaffId: { from: null, to: input.hostStaffId } }, now);
    return id;
  });
  return toVisit(await visitOf(actor.db, actor.organizationId, visitId));
}

/** Checks in an expected visit (conditional: of two check-ins at once, one wins) and notifies the host. */
export async function checkInExpected(trx: Trx, actor: VisitActor, visitId: string, at: Date): Promise<void> {
  if (!(await markCheckedIn(trx, actor.organizationId, visitId, actor.by, at))) {
    await visitOf(trx, actor.organizationId, visitId);
    throw new DomainError("VISIT_NOT_EXPECTED", "visit is not expected");
  }
  await audit(trx, actor, visitId, "update", { status: { from: "expected", to: "checked_in" } }, at);
  await notifyHost(trx, actor.organizationId, visitId, at);
}

/** A walk-in: the visit is made and checked in at once, with today's badge. */
async function checkInWalkIn(actor: VisitActor, officeId: string, data: VisitorData): Promise<string> {
  const office = await officeOf(actor.db, actor.organizationId, officeId);
  await hostOf(actor.db, actor.organizationId, data.hostStaffId);
  const now = actor.clock.now();
  return withFreshBadge(actor.db, async (trx) => {
    const id = await insertWithBadge(trx, visitValues(actor, office.id, data, { expectedAt: null, appointmentId: null, badgeDate: businessDateOf(now, office.time_zone), at: now }));
    await audit(trx, actor, id, "create", { status: { from: null, to: "expected" }, hostStaffId: { from: null, to: data.hostStaffId } }, now);
    await checkInExpected(trx, actor, id, now);
    return id;
  });
}

/** The desk checks in an expected visit, or a walk-in. */
export async function checkInVisit(actor: Actor, raw: VisitCheckInInput): Promise<Visit> {
  const input = visitCheckInSchema.parse(raw);
  const who = staffActor(actor);
  let visitId: string;
  if ("visitId" in input) {
    visitId = input.visitId;
    await actor.db.transaction().execute((trx) => checkInExpected(trx, who, visitId, actor.clock.now()));
  } else {
    visitId = await checkInWalkIn(who, input.walkIn.officeId, input.walkIn);
  }
  return toVisit(await visitOf(actor.db, actor.organizationId, visitId));
}

/**
 * Checks a visitor out. The update is conditional on the visit being on site, so of two
 * check-outs at once exactly one changes the row; the other, like any later one, gets
 * VISIT_ALREADY_CHECKED_OUT and nothing changes.
 */
async function checkOut(actor: VisitActor, visitId: string): Promise<void> {
  await actor.db.transaction().execute((trx) => checkOutIn(trx, actor, visitId, actor.clock.now()));
}

/** {@link checkOut} inside a caller's transaction (the waiting-room board checks a visitor out as they leave). */
export async function checkOutIn(trx: Trx, actor: VisitActor, visitId: string, at: Date): Promise<void> {
  if (await markCheckedOut(trx, actor.organizationId, visitId, actor.by, at)) {
    await audit(trx, actor, visitId, "update", { status: { from: "checked_in", to: "checked_out" } }, at);
    return;
  }
  const visit = await visitOf(trx, actor.organizationId, visitId);
  if (visit.status === "checked_out") throw new DomainError("VISIT_ALREADY_CHECKED_OUT", "visit already checked out");
  throw new DomainError("VISIT_NOT_CHECKED_IN", "visit is not on site");
}

export async function checkOutVisit(actor: Actor, visitId: string): Promise<Visit> {
  await checkOut(staffActor(actor), visitId);
  return toVisit(await visitOf(actor.db, actor.organizationId, visitId));
}

export async function cancelVisit(actor: Actor, visitId: string): Promise<Visit> {
  const who = staffActor(actor);
  const now = actor.clock.now();
  await actor.db.transaction().execute(async (trx) => {
    if (!(await markCancelled(trx, actor.organizationId, visitId))) {
      await visitOf(trx, actor.organizationId, visitId);
      throw new DomainError("VISIT_NOT_EXPECTED", "only an expected visit can be cancelled");
    }
    await audit(trx, who, visitId, "update", { status: { from: "expected", to: "cancelled" } }, now);
  });
  return toVisit(await visitOf(actor.db, actor.organizationId, visitId));
}

/** The office's visits of a day (today in the office by default). */
export async function visitsOfDay(actor: Pick<Actor, "db" | "clock" | "organizationId">, input: VisitDayInput): Promise<{ date: string; waitThresholdMinutes: number; visits: Visit[] }> {
  const office = await officeOf(actor.db, actor.organizationId, input.officeId);
  const date = input.date ?? businessDateOf(actor.clock.now(), office.time_zone);
  const settings = await visitorSettingsOf(actor, office.id);
  const rows = await listVisitsOfDay(actor.db, actor.organizationId, office.id, date);
  return { date, waitThresholdMinutes: settings.waitThresholdMinutes, visits: rows.map(toVisit) };
}

/** Who is in the building now: the emergency roll call. */
export async function visitorsOnSite(actor: Pick<Actor, "db" | "clock" | "organizationId">, officeId: string): Promise<{ officeName: string; at: string; visits: Visit[] }> {
  const office = await officeOf(actor.db, actor.organizationId, officeId);
  const rows = await listOnSite(actor.db, actor.organizationId, office.id);
  return { officeName: office.name, at: actor.clock.now().toISOString(), visits: rows.map(toVisit) };
}

export async function badgeOf(actor: Pick<Actor, "db" | "organizationId">, visitId: string): Promise<VisitBadge> {
  const visit = await visitOf(actor.db, actor.organizationId, visitId);
  const office = await officeOf(actor.db, actor.organizationId, visit.office_id);
  return { visitorName: visit.visitor_name, company: visit.company, hostName: visit.host_name, officeName: office.name, date: visit.badge_date, code: visit.badge_code };
}

export async function visitorSettingsOf(actor: Pick<Actor, "db" | "organizationId">, officeId: string): Promise<VisitorSettings> {
  const row = await findVisitorSettings(actor.db, actor.organizationId, officeId);
  if (!row) throw new DomainError("NOT_FOUND", "office not found");
  return row;
}

export async function updateVisitorSettings(actor: Actor, input: { officeId: string; settings: VisitorSettings }): Promise<VisitorSettings> {
  const settings = visitorSettingsSchema.parse(input.settings);
  return actor.db.transaction().execute(async (trx) => {
    const before = await findVisitorSettings(trx, actor.organizationId, input.officeId);
    if (!before) throw new DomainError("NOT_FOUND", "office not found");
    await updateVisitorSettingsRow(trx, actor.organizationId, input.officeId, settings);
    await recordChangeBy(trx, actor, { type: "office", id: input.officeId }, "update", diffFields(before, settings), actor.clock.now());
    return settings;
  });
}

// --- Kiosk ----------------------------------------------------------------------------------------

/** 32 random bytes, base64url: 43 characters. */
const KIOSK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A manager makes a kiosk credential for one office; its token is shown this once. */
export async function createKioskToken(actor: Actor, raw: { officeId: string; label: string }): Promise<KioskToken & { token: string }> {
  const input = kioskTokenCreateSchema.parse(raw);
  await officeOf(actor.db, actor.organizationId, input.officeId);
  const token = randomBytes(32).toString("base64url");
  const row = await insertKioskToken(actor.db, { organizationId: actor.organizationId, officeId: input.officeId, label: input.label, tokenHash: hashToken(token), createdBy: actor.staffId, at: actor.clock.now() });
  return { ...toKioskToken(row), token };
}

export async function kioskTokensOf(actor: Pick<Actor, "db" | "organizationId">, officeId: string | undefined): Promise<KioskToken[]> {
  return (await listKioskTokens(actor.db, actor.organizationId, officeId)).map(toKioskToken);
}

export async function revokeKioskToken(actor: Actor, id: string): Promise<KioskToken> {
  const row = await revokeKioskTokenRow(actor.db, actor.organizationId, id, actor.clock.now());
  if (!row) throw new DomainError("NOT_FOUND", "kiosk token not found");
  return toKioskToken(row);
}

/** The kiosk behind a token: its organization and office. A wrong or revoked token is refused (401). */
async function kioskActor(deps: { db: Db; clock: Clock; requestId: string }, token: string): Promise<VisitActor & { officeId: string }> {
  if (!KIOSK_TOKEN.test(token)) throw new DomainError("KIOSK_TOKEN_INVALID");
  const tokenHash = hashToken(token);
  const kiosk = await findLiveKioskByHash(deps.db, tokenHash);
  if (!kiosk || !timingSafeEqual(Buffer.from(kiosk.token_hash, "hex"), Buffer.from(tokenHash, "hex"))) throw new DomainError("KIOSK_TOKEN_INVALID");
  return { db: deps.db, clock: deps.clock, organizationId: kiosk.organization_id, officeId: kiosk.office_id, requestId: deps.requestId, by: { channel: "kiosk" } };
}

type KioskDeps = Parameters<typeof kioskActor>[0];

/** What the kiosk shows: its office and the hosts to pick from (names only). */
export async function kioskWelcome(deps: KioskDeps, token: string) {
  const kiosk = await kioskActor(deps, token);
  const office = await officeOf(deps.db, kiosk.organizationId, kiosk.officeId);
  const hosts = await listOfficeHosts(deps.db, kiosk.organizationId, kiosk.officeId);
  return { officeName: office.name, locale: office.locale, hosts };
}

/** What the kiosk says after a check-in: enough for the visitor, nothing else of the record. */
const kioskReceipt = (visit: Visit) => ({ visitorName: visit.visitorName, hostName: visit.hostName, badgeCode: visit.badgeCode, badgeDate: visit.badgeDate });

export async function kioskWalkIn(deps: KioskDeps, raw: KioskWalkInInput) {
  const input = kioskWalkInSchema.parse(raw);
  const kiosk = await kioskActor(deps, input.token);
  // Only a host who works at this kiosk's office.
  const hosts = await listOfficeHosts(deps.db, kiosk.organizationId, kiosk.officeId);
  if (!hosts.some((host) => host.id === input.visitor.hostStaffId)) throw new DomainError("NOT_FOUND", "host not found");
  const visitId = await checkInWalkIn(kiosk, kiosk.officeId, input.visitor);
  return kioskReceipt(toVisit(await visitOf(deps.db, kiosk.organizationId, visitId)));
}

/** A pre-registered visitor types the code they were given: today's expected visit at this office. */
export async function kioskCheckInWithCode(deps: KioskDeps, token: string, code: string) {
  const kiosk = await kioskActor(deps, token);
  const office = await officeOf(deps.db, kiosk.organizationId, kiosk.officeId);
  const now = deps.clock.now();
  const visit = await findVisitByCode(deps.db, kiosk.organizationId, kiosk.officeId, code, businessDateOf(now, office.time_zone));
  if (!visit) throw new DomainError("BADGE_CODE_UNKNOWN");
  await deps.db.transaction().execute((trx) => checkInExpected(trx, kiosk, visit.id, now));
  return kioskReceipt(toVisit(await visitOf(deps.db, kiosk.organizationId, visit.id)));
}

export async function kioskCheckOut(deps: KioskDeps, token: string, code: string) {
  const kiosk = await kioskActor(deps, token);
  const office = await officeOf(deps.db, kiosk.organizationId, kiosk.officeId);
  const visit =
    (await findOnSiteByCode(deps.db, kiosk.organizationId, kiosk.officeId, code)) ??
    (await findVisitByCode(deps.db, kiosk.organizationId, kiosk.officeId, code, businessDateOf(deps.clock.now(), office.time_zone)));
  if (!visit) throw new DomainError("BADGE_CODE_UNKNOWN");
  await checkOut(kiosk, visit.id);
  return { visitorName: visit.visitor_name };
}
