/**
 * Free-slot benchmark through the API: `pnpm bench` at the root (turbo runs this package's `bench`).
 *
 * On a fresh PGlite database, and on a fresh PostgreSQL database when TEST_DATABASE_URL is set:
 * one Madrid office, 50 staff with Spanish weekly hours (split shifts), a service they all perform,
 * Madrid holidays (the module's default for a Spanish office) and 10,000 live appointments over the
 * next 30 days, written straight into the table in batches. Then `appointments.slots` is called
 * through the real tRPC router (`createCaller`, a signed-in receptionist, as in test/harness.ts):
 * p50/p95/max, and the number of database queries per call with 5, 20 and 50 staff. Prints figures
 * next to the issue's targets; asserts no timing. See bench/README.md.
 */
import { performance } from "node:perf_hooks";
import { cpus } from "node:os";
import { clientDataColumns, type NewAppointment } from "@frontoffice/db";
import { Random } from "@frontoffice/db/testing";
import type { WeeklyHoursInput } from "@frontoffice/domain";
import { Temporal, publicHolidays } from "@frontoffice/scheduling";
import { hashPassword } from "better-auth/crypto";
import { sql, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";
import { insertStaffAccount } from "../src/modules/staff/queries.js";
import { addStaff, callerFor, createTestServer, PASSWORD, setUpOrganization, signIn, type TestServer } from "../test/harness.js";
import { generateClients } from "./fixtures.js";
import { runBenchmark } from "./run.js";

// --- settings ----------------------------------------------------------------------------------

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((item) => item.startsWith(`--${name}=`));
  const value = found ? Number(found.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const RUNS = arg("slot-runs", 50); // timed calls per engine (50 staff)
const WARMUP = arg("slot-warmup", 5); // untimed calls first
const SIZE_RUNS = arg("size-runs", 10); // timed calls per staff count in the query-count table
const STAFF = 50;
const SIZES = [5, 20, 50] as const;
const APPOINTMENTS = 10_000;
const DAYS = 30;
const LIMIT = 200; // the most slots the schema lets a call ask for
const BATCH = 1_000;
const MADRID = "Europe/Madrid";
const TARGET_P95_POSTGRES_MS = 150;

const out = (line = "") => process.stdout.write(`${line}\n`);

// --- the office's hours -------------------------------------------------------------------------

const split = [{ start: "09:00", end: "14:00" }, { start: "16:00", end: "20:00" }];
/** Three kinds of week a Spanish practice has: split shifts (and short Fridays), mornings, afternoons plus Saturday. */
const WEEKS: { name: string; share: number; hours: WeeklyHoursInput }[] = [
  {
    name: "split shift",
    share: 0.6,
    hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: [{ start: "08:00", end: "15:00" }] },
  },
  {
    name: "mornings",
    share: 0.2,
    hours: Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => [day, [{ start: "08:00", end: "15:00" }]])),
  },
  {
    name: "afternoons + Saturday",
    share: 0.2,
    hours: { ...Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => [day, [{ start: "14:00", end: "21:00" }]])), saturday: [{ start: "10:00", end: "14:00" }] },
  },
];
const weekOf = (index: number) => (index < STAFF * 0.6 ? WEEKS[0] : index < STAFF * 0.8 ? WEEKS[1] : WEEKS[2]) as (typeof WEEKS)[number];
const DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

// --- counting queries: a plugin on the handle the router gets (wrapping its executor) -----------

/** Counts every query run through a Kysely handle, with the table it reads or writes. */
class QueryCounter implements KyselyPlugin {
  active = false;
  readonly tables: string[] = [];
  /** Time from compiling a query to its result, summed (the calls here run their queries one at a time). */
  databaseMs = 0;
  private readonly pending: number[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.active) {
      this.tables.push(tableOf(args.node));
      this.pending.push(performance.now());
    }
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const began = this.pending.shift();
    if (began !== undefined) this.databaseMs += performance.now() - began;
    return Promise.resolve(args.result);
  }
  async count<T>(work: () => Promise<T>): Promise<{ result: T; tables: string[]; databaseMs: number }> {
    this.tables.length = 0;
    this.pending.length = 0;
    this.databaseMs = 0;
    this.active = true;
    try {
      const result = await work();
      return { result, tables: [...this.tables], databaseMs: this.databaseMs };
    } finally {
      this.active = false;
    }
  }
}

/** The first table a query names (`select … from staff_schedule` → "staff_schedule"). */
function tableOf(node: OperationNode): string {
  const first = (value: unknown): string | undefined => {
    if (!value || typeof value !== "object") return undefined;
    const record = value as Record<string, unknown>;
    if (record.kind === "TableNode") {
      const table = record.table as { identifier?: { name?: string } } | undefined;
      return table?.identifier?.name;
    }
    for (const key of ["from", "froms", "into", "table", "node"]) {
      const child = record[key];
      const found = Array.isArray(child) ? child.map(first).find(Boolean) : first(child);
      if (found) return found;
    }
    return undefined;
  };
  return first(node) ?? node.kind;
}

// --- measuring ---------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);
const tally = (tables: string[]) =>
  [...tables.reduce((map, table) => map.set(table, (map.get(table) ?? 0) + 1), new Map<string, number>())].map(([table, n]) => (n > 1 ? `${table}×${n}` : table)).join(", ");

// --- the data ----------------------------------------------------------------------------------

const isoDate = (date: Temporal.PlainDate) => date.toString();
const at = (date: Temporal.PlainDate, minutes: number) =>
  new Date(date.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toZonedDateTime(MADRID).epochMilliseconds);
const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * 10,000 appointments of the 30-minute service (10 minutes after, as the service says) over the
 * next 30 Madrid days: each shift is walked from its start, booking or leaving a gap, so no two of
 * one staff member's blocked ranges overlap (the exclusion constraint) and all lie in working
 * hours, off holidays. Then 10,000 are drawn from what the walk produced.
 */
function generateAppointments(input: { today: Temporal.PlainDate; staffIds: string[]; clientIds: string[]; organizationId: string; officeId: string; serviceId: string; now: Date }): NewAppointment[] {
  const random = new Random(30);
  const holidays = new Set([input.today.year, input.today.year + 1].flatMap((year) => publicHolidays("ES-MD", year).map((holiday) => holiday.date)));
  const all: NewAppointment[] = [];
  for (let day = 0; day < DAYS; day++) {
    const date = input.today.add({ days: day });
    if (holidays.has(isoDate(date))) continue;
    input.staffIds.forEach((staffId, index) => {
      for (const shift of weekOf(index).hours[DAY_NAMES[date.dayOfWeek - 1] as keyof WeeklyHoursInput] ?? []) {
        let cursor = toMinutes(shift.start);
        const end = toMinutes(shift.end);
        while (cursor + 40 <= end) {
          if (random.chance(0.8)) {
            const startsAt = at(date, cursor);
            const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
            const createdAt = new Date(input.now.getTime() - random.int(1, 30 * 24 * 60) * 60_000);
            all.push({
              organization_id: input.organizationId,
              office_id: input.officeId,
              service_id: input.serviceId,
              staff_id: staffId,
              client_id: random.pick(input.clientIds),
              starts_at: startsAt,
              ends_at: endsAt,
              blocked_from: startsAt,
              blocked_until: new Date(endsAt.getTime() + 10 * 60_000),
              status: random.chance(0.2) ? "confirmed" : "booked",
              created_at: createdAt,
              updated_at: createdAt,
            });
            cursor += 40;
          } else {
            cursor += random.pick([10, 20, 30]);
          }
        }
      }
    });
  }
  if (all.length < APPOINTMENTS) throw new Error(`the walk produced only ${all.length} appointments`);
  for (let index = all.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [all[index], all[other]] = [all[other] as NewAppointment, all[index] as NewAppointment];
  }
  return all.slice(0, APPOINTMENTS);
}

// --- one engine --------------------------------------------------------------------------------

const open = new Set<TestServer>();

interface EngineResult {
  target: string;
  p50: number;
  p95: number;
  max: number;
}

async function runEngine(target: "pglite" | "postgres"): Promise<EngineResult> {
  let started = performance.now();
  const server = await createTestServer(target);
  open.add(server);
  try {
    const db = server.db;
    const { rows: versionRows } = await sql<{ version: string }>`select version()`.execute(db);
    const version = (versionRows[0]?.version ?? "?").split(" ").slice(0, 2).join(" ");
    out();
    out(`== ${target} (${version})${server.database.name ? `, database ${server.database.name}` : ", in memory"}: fresh migrated database in ${seconds(performance.now() - started)}`);

    // The office, its owner and a receptionist, through the same paths the tests use.
    started = performance.now();
    const { organizationId, officeId } = await setUpOrganization(server, "Bench Clínica Madrid", "owner@bench.test");
    await addStaff(server, organizationId, officeId, "desk@bench.test", ["receptionist"]);
    // 50 staff who perform the service (the staff query, one password hash for all: they never sign in).
    const passwordHash = await hashPassword(PASSWORD);
    const staffIds: string[] = [];
    for (let index = 0; index < STAFF; index++) {
      staffIds.push(
        await insertStaffAccount(db, {
          organizationId, assignments: [{ officeId, departmentId: null }], name: `Profesional ${String(index + 1).padStart(2, "0")}`,
          email: `staff${index + 1}@bench.test`, passwordHash, roles: ["employee"], locale: "es", timeZone: MADRID, at: server.clock.now(),
        }),
      );
    }
    const owner = callerFor(server, await signIn(server, "owner@bench.test"));
    for (const [index, staffId] of staffIds.entries()) await owner.schedules.set({ staffId, officeId, weeklyHours: weekOf(index).hours });
    const services = new Map<number, string>();
    for (const size of SIZES) {
      const service = await owner.services.create({ officeId, name: `Consulta (${size} profesionales)`, durationMinutes: 30, bufferAfterMinutes: 10, priceMinor: 4500, staffIds: staffIds.slice(0, size) });
      services.set(size, service.id);
    }

    // 300 clients (the search bench's generator), then 10,000 appointments in batches.
    const clients = generateClients(3, 300, [{ id: officeId, country: "ES", weight: 1 }], server.clock.now());
    await db
      .insertInto("client")
      .values(clients.map((client) => ({ ...clientDataColumns(client.data), id: client.id, organization_id: organizationId, archived_at: null, version: 1, created_at: client.updatedAt, updated_at: client.updatedAt })))
      .execute();
    const today = Temporal.Now.plainDateISO(MADRID);
    const appointments = generateAppointments({ today, staffIds, clientIds: clients.map((client) => client.id), organizationId, officeId, serviceId: services.get(STAFF) as string, now: server.clock.now() });
    const setUp = performance.now() - started;
    started = performance.now();
    for (let start = 0; start < appointments.length; start += BATCH) await db.insertInto("appointment").values(appointments.slice(start, start + BATCH)).execute();
    await sql`analyze`.execute(db);
    const loaded = performance.now() - started;
    out(
      `setup: office (Europe/Madrid, Madrid holidays), ${STAFF} staff (${WEEKS.map((week) => `${Math.round(week.share * STAFF)} ${week.name}`).join(", ")}), services for 5/20/50 staff, ${clients.length} clients in ${seconds(setUp)}; ` +
        `${appointments.length.toLocaleString("en")} appointments (${today}…${today.add({ days: DAYS - 1 })}) in batches of ${BATCH}, exclusion constraint on, in ${seconds(loaded)}`,
    );

    // The receptionist's caller, on a handle that counts the queries the call runs.
    const counter = new QueryCounter();
    const desk = callerFor({ ...server, db: db.withPlugin(counter) }, await signIn(server, "desk@bench.test"));
    const query = (size: number) => ({ serviceId: services.get(size) as string, from: today.toString(), days: DAYS, limit: LIMIT });
    const call = async (size: number) => {
      const begin = performance.now();
      const { result, tables, databaseMs } = await counter.count(() => desk.appointments.slots(query(size)));
      return { ms: performance.now() - begin, slots: result.length, tables, databaseMs };
    };

    for (let run = 0; run < WARMUP; run++) await call(STAFF);
    const samples = [];
    for (let run = 0; run < RUNS; run++) samples.push(await call(STAFF));
    const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
    const result: EngineResult = { target, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? Number.NaN };
    const first = samples[0];
    const dbTimes = samples.map((sample) => sample.databaseMs).sort((a, b) => a - b);
    out(
      `appointments.slots, any of ${STAFF} staff, ${DAYS} days from ${today}, limit ${LIMIT}: ${RUNS} runs after ${WARMUP} warm-up → ` +
        `p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, max ${ms(result.max)} ms; ${first?.slots ?? 0} slots per call` +
        (target === "postgres" ? ` (target: p95 < ${TARGET_P95_POSTGRES_MS} ms)` : ""),
    );
    out(`  of which waiting on the database (query compiled → rows back, summed per call): p50 ${ms(percentile(dbTimes, 50))} ms, p95 ${ms(percentile(dbTimes, 95))} ms; the rest is the router, the service and findSlots in process`);

    // Queries per call, side by side, for 5, 20 and 50 staff (one service each, any staff).
    out(`database queries per call by staff count (counted on the router's Kysely handle; ${SIZE_RUNS} timed runs each after one warm-up):`);
    out(`  ${pad("staff", 6)}${lpad("queries", 8)}${lpad("p50 ms", 9)}${lpad("p95 ms", 9)}${lpad("db p50", 9)}${lpad("slots", 7)}  tables`);
    const counts: number[] = [];
    for (const size of SIZES) {
      await call(size);
      const runs = [];
      for (let run = 0; run < SIZE_RUNS; run++) runs.push(await call(size));
      const sorted = runs.map((sample) => sample.ms).sort((a, b) => a - b);
      const dbSorted = runs.map((sample) => sample.databaseMs).sort((a, b) => a - b);
      const queries = new Set(runs.map((sample) => sample.tables.length));
      counts.push(...queries);
      const sample = runs[0];
      out(`  ${pad(String(size), 6)}${lpad([...queries].join("/"), 8)}${lpad(ms(percentile(sorted, 50)), 9)}${lpad(ms(percentile(sorted, 95)), 9)}${lpad(ms(percentile(dbSorted, 50)), 9)}${lpad(String(sample?.slots ?? 0), 7)}  ${tally(sample?.tables ?? [])}`);
    }
    out(`  → ${new Set(counts).size === 1 ? `constant: ${counts[0]} queries whatever the number of staff` : `GROWS with the number of staff: ${counts.join(" / ")}`}`);
    return result;
  } finally {
    await server.close();
    open.delete(server);
  }
}

// --- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = performance.now();
  const targets: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  out(`free slots through the API — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}; engines: ${targets.join(", ")}${process.env.TEST_DATABASE_URL ? "" : " (set TEST_DATABASE_URL for PostgreSQL too)"}`);
  out(`in-process tRPC (createCaller, signed-in receptionist, the real router, permission check and service), not HTTP`);
  const results: EngineResult[] = [];
  for (const target of targets) results.push(await runEngine(target));
  out();
  out(`summary (${RUNS} runs, 50 staff, ${DAYS} days, ${APPOINTMENTS.toLocaleString("en")} appointments):`);
  for (const result of results) {
    const target = result.target === "postgres" ? `target p95 < ${TARGET_P95_POSTGRES_MS} ms: ${result.p95 < TARGET_P95_POSTGRES_MS ? "met" : "NOT met"}` : "no target for PGlite";
    out(`  ${pad(result.target, 9)} p50 ${lpad(ms(result.p50), 7)} ms  p95 ${lpad(ms(result.p95), 7)} ms  max ${lpad(ms(result.max), 7)} ms  (${target})`);
  }
  out(`done in ${seconds(performance.now() - startedAt)}`);
}

runBenchmark(main, open);
