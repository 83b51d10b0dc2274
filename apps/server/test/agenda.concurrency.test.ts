import type { Database } from "@frontoffice/db";
import { sql, type Kysely, type Transaction } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { insertEntry } from "../src/modules/agenda/queries.js";
import { insertAppointment, lockStaffTime } from "../src/modules/appointments/queries.js";
import { createTestServer, signIn, testTargets, type TestServer } from "./harness.js";
import { EVERY_DAY, madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";
import { bookAtOnce, servePooled, type BookingTally } from "./pooled-server.js";

/** Simultaneous overlapping bookings for one staff member, racing one block over the same time. */
const BURST = 200;
const POOL = 20;

type Practice = Awaited<ReturnType<typeof setUpPractice>>;

/** Live appointments of a staff member that a live block of their agenda covers (buffers included). */
async function appointmentsUnderBlocks(db: Kysely<Database>, staffId: string): Promise<number> {
  const result = await sql<{ count: string }>`
    select count(*) as count from appointment a
    where a.staff_id = ${staffId} and a.status not in ('cancelled', 'no_show')
      and exists (select 1 from agenda_entry e where e.staff_id = a.staff_id and e.kind = 'block' and e.status <> 'cancelled'
                  and tstzrange(e.starts_at, e.ends_at) && a.blocked)`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

const count = async (db: Kysely<Database>, table: "appointment" | "agenda_entry", staffId: string) =>
  Number((await sql<{ count: string }>`select count(*) as count from ${sql.table(table)} where staff_id = ${staffId} and status not in ('cancelled', 'no_show')`.execute(db)).rows[0]!.count);

/** Waits until some transaction waits for a lock of this type (it reached the point of the race). */
async function untilSomeoneWaits(db: Kysely<Database>, locktype: "advisory" | "transactionid"): Promise<void> {
  for (;;) {
    const waiting = await sql<{ count: string }>`select count(*) as count from pg_locks where locktype = ${locktype} and not granted`.execute(db);
    if (Number(waiting.rows[0]!.count) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A fresh practice on PostgreSQL served over HTTP by its own pool, with the desk's and the owner's cookies. */
async function racingPractice(cleanup: (close: () => Promise<unknown>) => void) {
  const server: TestServer = await createTestServer("postgres");
  cleanup(() => server.close());
  const practice = await setUpPractice(server, "Carrera", "race.test");
  const port = await servePooled(server, POOL, cleanup);
  const desk = (await signIn(server, "desk@race.test")).get("cookie")!;
  const owner = (await signIn(server, "owner@race.test")).get("cookie")!;
  return { server, practice, port, desk, owner };
}

/** {@link BURST} bookings of the dentist alternating 10:00 and 10:30 (30 minutes plus 10 after: every pair overlaps). */
function burstOf(practice: Practice, day: string) {
  return Array.from({ length: BURST }, (_, index) => ({
    clientId: practice.clientId,
    serviceId: practice.checkup.id,
    staffId: practice.dentistId,
    start: madrid(day, index % 2 === 0 ? "10:00" : "10:30"),
  }));
}

/**
 * The block a test writes itself with the lower-level queries, in a transaction it holds open
 * (the interleaving of a race, made certain): with `lock`, it takes the staff member's time as
 * `agenda.create` does.
 */
async function insertBlock(trx: Transaction<Database>, practice: Practice, day: string, at: Date, lock: boolean): Promise<void> {
  if (lock) await lockStaffTime(trx, practice.dentistId);
  await insertEntry(trx, {
    organization_id: practice.organizationId,
    staff_id: practice.dentistId,
    kind: "block",
    title: "Comité",
    starts_at: new Date(madrid(day, "10:00")),
    ends_at: new Date(madrid(day, "11:00")),
    time_zone: "Europe/Madrid",
    rrule: null,
    series_ends_at: new Date(madrid(day, "11:00")),
    client_id: null,
    phone: null,
    created_at: at,
    updated_at: at,
    created_by: null,
    updated_by: null,
  });
}

/** Runs `work` in a transaction that commits only once `until` has settled. */
async function holdOpenUntil(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<void>, until: () => Promise<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await work(trx);
    await until();
  });
}

describe.runIf(testTargets().includes("postgres"))("a block and bookings at the same moment (PostgreSQL)", () => {
  const closers: (() => Promise<unknown>)[] = [];
  const cleanup = (close: () => Promise<unknown>) => closers.push(close);
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it(`${BURST} simultaneous bookings and one block over the same time: never both the block and a booking under it`, async () => {
    const { server, practice, port, desk, owner } = await racingPractice(cleanup);
    const day = workingDate(5);
    const block = { staffId: practice.dentistId, kind: "block", title: "Comité", start: madrid(day, "10:00"), end: madrid(day, "11:00") };
    const bookings = burstOf(practice, day);
    const [tally, blockResponse] = await Promise.all([
      bookAtOnce(port, desk, bookings),
      fetch(`http://127.0.0.1:${port}/trpc/agenda.create`, { method: "POST", headers: { "content-type": "application/json", cookie: owner }, body: JSON.stringify(block) }).then(
        async (response) => (await response.json()) as { result?: unknown; error?: { data?: { code?: string; details?: { overlappingAppointments?: unknown[] } } } },
      ),
    ]);
    const blocks = await count(server.db, "agenda_entry", practice.dentistId);
    const booked = await count(server.db, "appointment", practice.dentistId);
    process.stdout.write(`block ${blockResponse.error ? blockResponse.error.data?.code : "created"}, bookings: ${JSON.stringify(tally)}\n`);

    expect(await appointmentsUnderBlocks(server.db, practice.dentistId)).toBe(0);
    expect(tally.others.filter((code) => code !== "TIME_OFF")).toEqual([]);
    if (blockResponse.result) {
      expect([blocks, booked, tally.successes]).toEqual([1, 0, 0]);
    } else {
      // A booking came first: the block is refused and names it.
      expect(blockResponse.error?.data?.code).toBe("BLOCK_OVER_APPOINTMENTS");
      expect(blockResponse.error?.data?.details?.overlappingAppointments).toHaveLength(1);
      expect([blocks, booked, tally.successes]).toEqual([0, 1, 1]);
    }
    expect(tally.successes + tally.conflicts + tally.others.length).toBe(BURST);
  }, 180_000);

  it("a block written under the staff member's lock makes the burst wait for it, and every booking sees it", async () => {
    const { server, practice, port, desk } = await racingPractice(cleanup);
    const day = workingDate(5);
    let burst!: Promise<BookingTally>;
    await holdOpenUntil(server.db, (trx) => insertBlock(trx, practice, day, server.clock.now(), true), async () => {
      burst = bookAtOnce(port, desk, burstOf(practice, day));
      await untilSomeoneWaits(server.db, "advisory");
    });
    const tally = await burst;
    expect(tally.successes).toBe(0);
    expect(tally.others).toEqual(Array.from({ length: BURST }, () => "TIME_OFF"));
    expect(await appointmentsUnderBlocks(server.db, practice.dentistId)).toBe(0);
  }, 180_000);

  it("the same burst against a block written without the lock books under the block: the test can see the race", async () => {
    const { server, practice, port, desk } = await racingPractice(cleanup);
    const day = workingDate(5);
    let tally!: BookingTally;
    await holdOpenUntil(server.db, (trx) => insertBlock(trx, practice, day, server.clock.now(), false), async () => {
      tally = await bookAtOnce(port, desk, burstOf(practice, day));
    });
    process.stdout.write(`without the lock: ${JSON.stringify({ ...tally, others: tally.others.length })}\n`);
    expect(tally.successes).toBe(1);
    expect(await appointmentsUnderBlocks(server.db, practice.dentistId)).toBe(1);
  }, 180_000);
});

describe.runIf(testTargets().includes("postgres"))("two bookings racing for a seat of a group room (PostgreSQL)", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it("the one that loses the seat it read takes the next free seat instead of a conflict", async () => {
    const { server, practice, port, desk } = await racingPractice((close) => closers.push(close));
    const group = await practice.owner.resources.create({ officeId: practice.officeId, name: "Sala de grupo", capacity: 2 });
    const workshop = await practice.owner.services.create({ officeId: practice.officeId, name: "Taller", durationMinutes: 60, staffIds: [practice.dentistId, practice.hygienistId], resourceIds: [group.id] });
    await practice.owner.schedules.set({ staffId: practice.hygienistId, officeId: practice.officeId, weeklyHours: EVERY_DAY });
    const day = workingDate(5);
    const start = madrid(day, "16:00");
    const end = new Date(Date.parse(start) + 60 * 60_000);

    // The hygienist's booking takes seat 1 in a transaction still open while the dentist's
    // booking reads seat 1 as free, writes it and waits on the constraint; then it commits.
    let booking!: Promise<BookingTally>;
    await holdOpenUntil(
      server.db,
      async (trx) => {
        await insertAppointment(trx, {
          organization_id: practice.organizationId,
          office_id: practice.officeId,
          service_id: workshop.id,
          staff_id: practice.hygienistId,
          client_id: practice.clientId,
          starts_at: new Date(start),
          ends_at: end,
          blocked_from: new Date(start),
          blocked_until: end,
          resource_id: group.id,
          resource_seat: 1,
        });
      },
      async () => {
        booking = bookAtOnce(port, desk, [{ clientId: practice.clientId, serviceId: workshop.id, staffId: practice.dentistId, start }]);
        await untilSomeoneWaits(server.db, "transactionid");
      },
    );
    const tally = await booking;
    expect(tally).toMatchObject({ successes: 1, conflicts: 0, others: [] });
    const seats = await server.db.selectFrom("appointment").select(["staff_id", "resource_seat"]).where("resource_id", "=", group.id).orderBy("resource_seat").execute();
    expect(seats).toEqual([
      { staff_id: practice.hygienistId, resource_seat: 1 },
      { staff_id: practice.dentistId, resource_seat: 2 },
    ]);
  }, 120_000);
});
