import { createDatabase, type Database, type DatabaseConnection } from "@frontoffice/db";
import type { BookAppointmentInput, SlotOffer } from "@frontoffice/domain";
import type { FastifyInstance } from "fastify";
import { sql, type Kysely } from "kysely";
import { findFreePort } from "../src/app.js";
import { createAuth } from "../src/auth.js";
import { buildHttpServer } from "../src/http/server.js";
import { TEST_BASE_URL, type TestServer } from "./harness.js";

/**
 * A second connection pool on the test server's PostgreSQL database: callers built on it run
 * each call in its own connection and transaction, simultaneously. Close it after use.
 */
export async function poolFor(server: TestServer, connections: number): Promise<DatabaseConnection> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${server.database.name!}`;
  return createDatabase({ databaseUrl: url.toString(), maxConnections: connections });
}

/**
 * The test server's PostgreSQL database served over real HTTP by a second server with its own
 * pool of `connections`, so that simultaneous requests run in simultaneous transactions (the
 * races concurrency tests need). Returns its port; `cleanup` receives what closes it.
 */
export async function servePooled(server: TestServer, connections: number, cleanup: (close: () => Promise<unknown>) => void): Promise<number> {
  const pool = await poolFor(server, connections);
  const auth = createAuth({ db: pool.db, secret: "test-secret-test-secret-test-secret-0123", baseUrl: TEST_BASE_URL, trustedOrigins: [TEST_BASE_URL], secureCookies: false });
  const app: FastifyInstance = await buildHttpServer({ db: pool.db, auth, clock: server.clock, logger: server.logger, live: server.live }, { publicUrl: TEST_BASE_URL, webDist: undefined });
  const port = await findFreePort("127.0.0.1");
  await app.listen({ host: "127.0.0.1", port });
  cleanup(async () => {
    await app.close();
    await pool.close();
  });
  return port;
}

/** How a burst of simultaneous bookings ended. */
export interface BookingTally {
  successes: number;
  conflicts: number;
  /** Conflicts that offer the next three free slots. */
  conflictsWithSlots: number;
  /** Conflicts whose details carry anything but the next slots (a leak). */
  leakedDetails: number;
  /** Codes of failures other than APPOINTMENT_CONFLICT (a 500 shows as INTERNAL). */
  others: string[];
}

/** A burst's tally plus the live appointments (of the staff member or room raced for) whose blocked ranges overlap another's. */
export interface BurstOutcome extends BookingTally {
  overlappingRows: number;
}

/** Sends every booking at once to `appointments.book` over HTTP and counts the outcomes. */
export async function bookAtOnce(port: number, cookie: string, bookings: readonly BookAppointmentInput[]): Promise<BookingTally> {
  const responses = await Promise.all(
    bookings.map(async (booking) => {
      const response = await fetch(`http://127.0.0.1:${port}/trpc/appointments.book`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(booking),
      });
      return (await response.json()) as { result?: unknown; error?: { data?: { code?: string; details?: { nextSlots?: SlotOffer[] } } } };
    }),
  );
  const failures = responses.filter((response) => response.error).map((response) => response.error!.data);
  return {
    successes: responses.filter((response) => response.result).length,
    conflicts: failures.filter((data) => data?.code === "APPOINTMENT_CONFLICT").length,
    conflictsWithSlots: failures.filter((data) => data?.code === "APPOINTMENT_CONFLICT" && data.details?.nextSlots?.length === 3).length,
    leakedDetails: failures.filter((data) => data?.details && Object.keys(data.details).join() !== "nextSlots").length,
    others: failures.filter((data) => data?.code !== "APPOINTMENT_CONFLICT").map((data) => data?.code ?? "?"),
  };
}

/** Live appointments of one staff member (or one resource) whose blocked range overlaps another's. */
export async function overlappingRows(db: Kysely<Database>, holder: "staff_id" | "resource_id", id: string): Promise<number> {
  const column = sql.ref(holder);
  const result = await sql<{ count: string }>`
    select count(*) as count from appointment a
    where a.${column} = ${id} and a.status not in ('cancelled', 'no_show')
      and exists (select 1 from appointment b where b.id <> a.id and b.${column} = a.${column}
                  and b.status not in ('cancelled', 'no_show') and b.blocked && a.blocked)`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}
