import { createDatabase, type DatabaseConnection } from "@frontoffice/db";
import { DomainError } from "@frontoffice/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCallTimeouts } from "../src/jobs/calls.js";
import { answerCall } from "../src/modules/calls/desk.js";
import type { Actor } from "../src/trpc/actor.js";
import { eventKinds, phoneEvent, setUpCallDesk, type CallDesk } from "./calls.fixtures.js";
import { createTestServer, testTargets, type TestServer } from "./harness.js";

/** Simultaneous attempts in each race. */
const RACERS = 20;

/** How a burst of attempts ended: how many succeeded, and the codes of the rest. */
async function tally<T>(attempts: Promise<T>[]): Promise<{ wins: T[]; codes: string[] }> {
  const settled = await Promise.allSettled(attempts);
  return {
    wins: settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : [])),
    codes: settled.flatMap((result) => (result.status === "rejected" ? [result.reason instanceof DomainError ? result.reason.code : String(result.reason)] : [])),
  };
}

describe.runIf(testTargets().includes("postgres"))("calls under concurrency (PostgreSQL)", () => {
  let server: TestServer;
  let pool: DatabaseConnection;
  let desk: CallDesk;
  let ids = 0;

  beforeAll(async () => {
    server = await createTestServer("postgres");
    desk = await setUpCallDesk(server, "Carrera de llamadas", "race.test");
    // A pool of its own, so the attempts run in simultaneous transactions.
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${server.database.name!}`;
    pool = await createDatabase({ databaseUrl: url.toString(), maxConnections: RACERS });
  });
  afterAll(async () => {
    await pool?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await sql`update call set status = 'ended', outcome = 'missed', ended_at = greatest(now(), offered_at), transfer = null where status <> 'ended'`.execute(server.db);
    await sql`update staff_presence set status = 'available'`.execute(server.db);
  });

  const actor = (staffId: string): Actor => ({ db: pool.db, clock: server.clock, organizationId: desk.organizationId, staffId, roles: ["receptionist"], requestId: "race" });
  const ring = (callId = `race-${++ids}`) => phoneEvent(server, desk, { event: "ringing", callId, from: "612345678", extension: desk.reception.extension }, pool.db);

  it(`lets exactly one of ${RACERS} simultaneous answers take a ringing call`, async () => {
    const { call } = await ring();
    const receptionists = [desk.staff.ana.id, desk.staff.ben.id];
    const { wins, codes } = await tally(Array.from({ length: RACERS }, (_, index) => answerCall(actor(receptionists[index % 2]!), { callId: call.id })));
    expect(wins).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: RACERS - 1 }, () => "CALL_STATE_INVALID"));
    expect(wins[0]).toMatchObject({ status: "connected", version: 2 });
    expect((await eventKinds(server, desk.organizationId, call.id)).filter((kind) => kind === "answered")).toHaveLength(1);
  });

  it("gives the last free line to one of several calls arriving at once; the others are rejected", async () => {
    await server.db.updateTable("office").set({ call_lines: 3 }).where("id", "=", desk.officeId).execute();
    await ring();
    await ring();
    const { wins, codes } = await tally(Array.from({ length: RACERS }, () => ring()));
    expect(codes).toEqual([]);
    const placed = wins.filter((result) => result.call.status !== "ended");
    expect(placed.map((result) => result.call.line)).toEqual([3]);
    expect(wins.filter((result) => result.call.outcome === "rejected")).toHaveLength(RACERS - 1);
    const live = await server.db.selectFrom("call").select("line").where("office_id", "=", desk.officeId).where("status", "<>", "ended").orderBy("line").execute();
    expect(live.map((row) => row.line)).toEqual([1, 2, 3]);
  });

  it("records a webhook retried many times at once as one call", async () => {
    await server.db.updateTable("office").set({ call_lines: 32 }).where("id", "=", desk.officeId).execute();
    const { wins, codes } = await tally(Array.from({ length: RACERS }, () => ring("the-same-call")));
    expect(codes).toEqual([]);
    expect(wins.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(wins.map((result) => result.call.id)).size).toBe(1);
    const rows = await server.db.selectFrom("call").select("id").where("external_id", "=", "the-same-call").execute();
    expect(rows).toHaveLength(1);
  });

  it("overflows a timed-out call once when two job runs race (SKIP LOCKED)", async () => {
    await sql`update staff_presence set status = 'on_break'`.execute(server.db);
    const { call } = await ring();
    expect(call.status).toBe("queued");
    const later = new Date(server.clock.now().getTime() + 31_000);
    const [first, second] = await Promise.all([runCallTimeouts(pool.db, later), runCallTimeouts(pool.db, later)]);
    expect(first!.overflowed + second!.overflowed).toBe(1);
    expect((await eventKinds(server, desk.organizationId, call.id)).filter((kind) => kind === "overflowed")).toHaveLength(1);
  });
});
