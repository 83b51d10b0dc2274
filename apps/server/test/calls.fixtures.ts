import type { Locale, Role } from "@frontoffice/domain";
import { hashPassword } from "better-auth/crypto";
import { jsonb } from "@frontoffice/db";
import { insertStaffAccount } from "../src/modules/staff/queries.js";
import { selectCallEvents } from "../src/modules/calls/queries.js";
import { ingestTelephonyEvent, type TelephonySource } from "../src/modules/calls/service.js";
import type { TelephonyEventInput } from "@frontoffice/domain";
import { telephonyEventSchema } from "@frontoffice/domain";
import { PASSWORD, callerFor, setUpOrganization, signIn, type TestServer } from "./harness.js";

/** Open every day, all day: tests ring at any real time. */
export const ALWAYS_OPEN = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, [{ start: "00:00", end: "24:00" }]]));

export interface CallDesk {
  organizationId: string;
  officeId: string;
  /** Extension 700: Ana (es, en) and Ben (en), ring all, 30 s, overflows to billing. */
  reception: { id: string; extension: string };
  /** Extension 800: Carla (es), ring all, 30 s, then a call-back request. */
  billing: { id: string; extension: string };
  staff: Record<"ana" | "ben" | "carla" | "owner", { id: string; caller: ReturnType<typeof callerFor> }>;
  source: TelephonySource;
}

async function member(server: TestServer, organizationId: string, officeId: string, departmentId: string, name: string, domain: string, extra: { roles: Role[]; locale: Locale; extension: string; languages: string[] }) {
  const email = `${name}@${domain}`;
  const id = await insertStaffAccount(server.db, {
    organizationId,
    assignments: [
      { officeId, departmentId: null },
      { officeId, departmentId },
    ],
    name: name[0]!.toUpperCase() + name.slice(1),
    email,
    passwordHash: await hashPassword(PASSWORD),
    roles: extra.roles,
    locale: extra.locale,
    timeZone: "Europe/Madrid",
    at: server.clock.now(),
  });
  await server.db.updateTable("staff").set({ extension: extra.extension, languages: extra.languages }).where("id", "=", id).execute();
  return { id, caller: callerFor(server, await signIn(server, email)) };
}

/** An organization whose Madrid office takes calls around the clock, with two departments and three receptionists, all available. */
export async function setUpCallDesk(server: TestServer, name: string, domain: string): Promise<CallDesk> {
  const { organizationId, officeId } = await setUpOrganization(server, name, `owner@${domain}`);
  await server.db.updateTable("office").set({ call_hours: jsonb(ALWAYS_OPEN) }).where("id", "=", officeId).execute();
  const departments = await server.db
    .insertInto("department")
    .values([
      { organization_id: organizationId, office_id: officeId, name: "Llamadas Uno", extension: "700", queue_strategy: "ring_all", timeout_seconds: 30 },
      { organization_id: organizationId, office_id: officeId, name: "Llamadas Dos", extension: "800", queue_strategy: "ring_all", timeout_seconds: 30, overflow: jsonb({ kind: "callback" }) },
    ])
    .returning(["id", "extension"])
    .execute();
  const reception = { id: departments[0]!.id, extension: "700" };
  const billing = { id: departments[1]!.id, extension: "800" };
  await server.db.updateTable("department").set({ overflow: jsonb({ kind: "department", departmentId: billing.id }) }).where("id", "=", reception.id).execute();
  const ana = await member(server, organizationId, officeId, reception.id, "ana", domain, { roles: ["receptionist"], locale: "es", extension: "201", languages: ["es", "en"] });
  const ben = await member(server, organizationId, officeId, reception.id, "ben", domain, { roles: ["receptionist"], locale: "en", extension: "202", languages: ["en"] });
  const carla = await member(server, organizationId, officeId, billing.id, "carla", domain, { roles: ["employee"], locale: "it", extension: "301", languages: ["es", "it"] });
  const owner = callerFor(server, await signIn(server, `owner@${domain}`));
  const ownerId = (await owner.session.me()).staff.id;
  for (const person of [ana, ben, carla]) await person.caller.calls.presence.set({ status: "available" });
  return {
    organizationId,
    officeId,
    reception,
    billing,
    staff: { ana, ben, carla, owner: { id: ownerId, caller: owner } },
    source: { kind: "generic", organizationId, officeId, endpointId: null },
  };
}

/** A phone system's event, through the same entry the webhooks use. */
export function phoneEvent(server: TestServer, desk: Pick<CallDesk, "source">, event: TelephonyEventInput, db = server.db) {
  return ingestTelephonyEvent({ db, clock: server.clock, logger: server.logger }, desk.source, telephonyEventSchema.parse(event));
}

export async function callCount(server: TestServer, organizationId: string): Promise<number> {
  const row = await server.db.selectFrom("call").select((eb) => eb.fn.countAll<string>().as("count")).where("organization_id", "=", organizationId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function eventKinds(server: TestServer, organizationId: string, callId: string): Promise<string[]> {
  return (await selectCallEvents(server.db, organizationId, [callId])).map((row) => row.kind);
}

export async function presenceOf(server: TestServer, staffId: string): Promise<string | undefined> {
  return (await server.db.selectFrom("staff_presence").select("status").where("staff_id", "=", staffId).executeTakeFirst())?.status;
}
