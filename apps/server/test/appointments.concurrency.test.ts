import { createDatabase, type DatabaseConnection } from "@frontoffice/db";
import type { SlotOffer } from "@frontoffice/domain";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { createAuth } from "../src/auth.js";
import { buildHttpServer } from "../src/http/server.js";
import { NO_OVERLAP_CONSTRAINT } from "../src/modules/appointments/queries.js";
import { TEST_BASE_URL, createTestServer, signIn, testTargets, type TestServer } from "./harness.js";
import { madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";

/** Simultaneous overlapping bookings for one staff member. */
const BURST = 200;
/** Pooled connections serving the burst: enough for many transactions at once. */
const POOL = 20;

interface BurstOutcome {
  successes: number;
  conflicts: number;
  conflictsWithSlots: number;
  others: string[];
  /** Conflicts whose details carry anything but the next slots (a leak). */
  leakedDetails: number;
  /** Live appointments of the staff member whose blocked ranges overlap another's. */
  overlappingRows: number;
}

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

  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${server.database.name!}`;
  const pool: DatabaseConnection = await createDatabase({ databaseUrl: url.toString(), maxConnections: POOL });
  const auth = createAuth({ db: pool.db, secret: "test-secret-test-secret-test-secret-0123", baseUrl: TEST_BASE_URL, trustedOrigins: [TEST_BASE_URL], secureCookies: false });
  const app: FastifyInstance = await buildHttpServer({ db: pool.db, auth, clock: server.clock, logger: server.logger }, { publicUrl: TEST_BASE_URL, webDist: undefined });
  const port = await findFreePort("127.0.0.1");
  await app.listen({ host: "127.0.0.1", port });
  cleanup(async () => {
    await app.close();
    await pool.close();
  });

  const cookie = (await signIn(server, "desk@race.test")).get("cookie")!;
  const day = workingDate(5);
  const responses = await Promise.all(
    Array.from({ length: BURST }, async (_, index) => {
      const response = await fetch(`http://127.0.0.1:${port}/trpc/appointments.book`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, index % 2 === 0 ? "10:00" : "10:30") }),
      });
      return (await response.json()) as { result?: unknown; error?: { data?: { code?: string; details?: { nextSlots?: SlotOffer[] } } } };
    }),
  );

  const overlapping = await sql<{ count: string }>`
    select count(*) as count from appointment a
    where a.staff_id = ${practice.dentistId} and a.status not in ('cancelled', 'no_show')
      and exists (select 1 from appointment b where b.id <> a.id and b.staff_id = a.staff_id
                  and b.status not in ('cancelled', 'no_show') and b.blocked && a.blocked)`.execute(server.db);
  const failures = responses.filter((response) => response.error).map((response) => response.error!.data);
  return {
    successes: responses.filter((response) => response.result).length,
    conflicts: failures.filter((data) => data?.code === "APPOINTMENT_CONFLICT").length,
    conflictsWithSlots: failures.filter((data) => data?.code === "APPOINTMENT_CONFLICT" && data.details?.nextSlots?.length === 3).length,
    leakedDetails: failures.filter((data) => data?.details && Object.keys(data.details).join() !== "nextSlots").length,
    others: failures.filter((data) => data?.code !== "APPOINTMENT_CONFLICT").map((data) => data?.code ?? "?"),
    overlappingRows: Number(overlapping.rows[0]?.count ?? 0),
  };
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
