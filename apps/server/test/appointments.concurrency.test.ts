import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { NO_OVERLAP_CONSTRAINT } from "../src/modules/appointments/queries.js";
import { createTestServer, signIn, testTargets, type TestServer } from "./harness.js";
import { madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";
import { bookAtOnce, overlappingRows, servePooled, type BurstOutcome } from "./pooled-server.js";

/** Simultaneous overlapping bookings for one staff member. */
const BURST = 200;
/** Pooled connections serving the burst: enough for many transactions at once. */
const POOL = 20;

/**
 * A practice on a fresh PostgreSQL database, served over real HTTP by a server with its own
 * pool of {@link POOL} connections; fires {@link BURST} bookings at once for one dentist,
 * alternating 10:00 and 10:30 (30 minutes plus a 10-minute buffer: every pair overlaps).
 */
async function burst(dropConstraint: boolean, cleanup: (close: () => Promise<unknown>) => void): Promise<BurstOutcome> {
  const server: TestServer = await createTestServer("postgres");
  cleanup(() => server.close());
  const practice = await setUpPractice(server, "Carrera", "race.test");
  if (dropConstraint) await sql`alter table appointment drop constraint ${sql.id(NO_OVERLAP_CONSTRAINT)}`.execute(server.db);

  const port = await servePooled(server, POOL, cleanup);

  const cookie = (await signIn(server, "desk@race.test")).get("cookie")!;
  const day = workingDate(5);
  const bookings = Array.from({ length: BURST }, (_, index) => ({
    clientId: practice.clientId,
    serviceId: practice.checkup.id,
    staffId: practice.dentistId,
    start: madrid(day, index % 2 === 0 ? "10:00" : "10:30"),
  }));
  return { ...(await bookAtOnce(port, cookie, bookings)), overlappingRows: await overlappingRows(server.db, "staff_id", practice.dentistId) };
}

describe.runIf(testTargets().includes("postgres"))("double booking under concurrency (PostgreSQL)", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it(`${BURST} simultaneous overlapping bookings: exactly one succeeds, every other is APPOINTMENT_CONFLICT with the next free slots`, async () => {
    const outcome = await burst(false, (close) => closers.push(close));
    process.stdout.write(`with the exclusion constraint: ${JSON.stringify(outcome)}\n`);
    expect(outcome.others).toEqual([]);
    expect(outcome.successes).toBe(1);
    expect(outcome.conflicts).toBe(BURST - 1);
    expect(outcome.conflictsWithSlots).toBe(BURST - 1);
    expect(outcome.leakedDetails).toBe(0);
    expect(outcome.overlappingRows).toBe(0);
  }, 120_000);

  it("the same burst without the constraint double-books: the test can see the race", async () => {
    const outcome = await burst(true, (close) => closers.push(close));
    process.stdout.write(`without the exclusion constraint: ${JSON.stringify(outcome)}\n`);
    expect(outcome.successes).toBeGreaterThan(1);
    expect(outcome.overlappingRows).toBeGreaterThan(1);
  }, 120_000);
});
