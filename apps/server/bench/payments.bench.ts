/**
 * Payments per second with receipt allocation, on PostgreSQL: `pnpm bench` at the root (turbo runs
 * this package's `bench`), when TEST_DATABASE_URL is set (PGlite is one connection: no
 * concurrency to measure).
 *
 * On a fresh PostgreSQL database: one Madrid office, a receptionist, a product, and one open
 * charge per payment to take. Then `takePayment` (the use case behind `payments.take`: idempotency
 * key row, charge lock, gateway, payment row, ledger entry, receipt number from the series' counter
 * row, receipt, audit entry, all in one transaction) is run by 1, 8 and 32 concurrent clients on a
 * pool of 40 connections, every payment in the same receipt series, so the counter row is the
 * point they all queue on. Beside it, on the same database and pool, the ceiling: a transaction
 * that inserts one bare row. Prints payments/s, p50/p95 per payment, the ceiling's rate and the
 * ratio, and checks the receipt numbers came out gap-free. Asserts no timing. See bench/README.md.
 */
import { performance } from "node:perf_hooks";
import { cpus } from "node:os";
import { createDatabase, type DatabaseConnection } from "@frontoffice/db";
import { checkReceiptSequence } from "@frontoffice/payments";
import { sql } from "kysely";
import { createCharge } from "../src/modules/payments/charges.js";
import { takePayment } from "../src/modules/payments/service.js";
import type { Actor } from "../src/trpc/actor.js";
import { addStaff, createTestServer, setUpOrganization, type TestServer } from "../test/harness.js";
import { runBenchmark } from "./run.js";

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((item) => item.startsWith(`--${name}=`));
  const value = found ? Number(found.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const PAYMENTS = arg("payments", 400); // timed payments per concurrency level
const WARMUP = arg("payments-warmup", 20);
const LEVELS = [1, 8, 32] as const;
const POOL = 40;

const out = (line = "") => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `count` jobs with `concurrency` workers pulling from one queue; returns the wall time and each job's time. */
async function drive(count: number, concurrency: number, job: (index: number) => Promise<unknown>): Promise<{ seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < count; index = next++) {
        const at = performance.now();
        await job(index);
        latencies.push(performance.now() - at);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

const open = new Set<{ close(): Promise<void> }>();

async function main(): Promise<void> {
  out(`payments with receipt allocation — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}`);
  if (!process.env.TEST_DATABASE_URL) {
    out("skipped: set TEST_DATABASE_URL to a PostgreSQL server (PGlite is one connection, so concurrency cannot be measured on it)");
    return;
  }
  const server: TestServer = await createTestServer("postgres");
  open.add(server);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${server.database.name!}`;
  const pool: DatabaseConnection = await createDatabase({ databaseUrl: url.toString(), maxConnections: POOL });
  open.add(pool);

  const { organizationId, officeId } = await setUpOrganization(server, "Bench", "owner@bench.test");
  await addStaff(server, organizationId, officeId, "desk@bench.test", ["receptionist"]);
  const staffIdOf = async (email: string) => (await server.db.selectFrom("staff").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const actor = (roles: Actor["roles"], id: string): Actor => ({ db: pool.db, clock: server.clock, organizationId, staffId: id, roles, requestId: "bench" });
  const desk = actor(["receptionist"], await staffIdOf("desk@bench.test"));
  const manager = actor(["owner"], await staffIdOf("owner@bench.test"));
  const product = await server.db
    .insertInto("product")
    .values({ organization_id: organizationId, office_id: officeId, name: "Consulta", unit_price_minor: 6050, tax_rate_bp: 2100 })
    .returning("id")
    .executeTakeFirstOrThrow();

  const total = WARMUP + PAYMENTS * LEVELS.length;
  const loadStarted = performance.now();
  const charges: string[] = new Array<string>(total);
  await drive(total, 8, async (index) => {
    charges[index] = (await createCharge(manager, { idempotencyKey: `bench-charge-${index}`, officeId, lines: [{ productId: product.id, quantity: 1 }] })).id;
  });
  out(`setup: ${total} open charges in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s; pool of ${POOL} connections; every payment in series F of one office`);

  let taken = 0;
  const take = async () => {
    const chargeId = charges[taken++]!;
    await takePayment(desk, { idempotencyKey: `bench-${chargeId}`, chargeId, desk: "front", details: { method: "cash" } });
  };
  await drive(WARMUP, 4, take);

  await sql`create table bench_bare_insert (id bigint generated always as identity primary key, at timestamptz not null default now(), note text not null)`.execute(pool.db);
  const bareInsert = () => pool.db.transaction().execute((trx) => trx.insertInto("bench_bare_insert" as never).values({ note: "x" } as never).execute());
  await drive(WARMUP, 4, bareInsert);

  out();
  out("clients | payments/s | p50 ms | p95 ms | bare INSERT tx/s | p95 ms | ratio (ceiling ÷ payments)");
  out("------- | ---------- | ------ | ------ | ---------------- | ------ | --------------------------");
  for (const concurrency of LEVELS) {
    const payments = await drive(PAYMENTS, concurrency, take);
    const bare = await drive(PAYMENTS, concurrency, bareInsert);
    const paymentRate = PAYMENTS / payments.seconds;
    const bareRate = PAYMENTS / bare.seconds;
    out(
      `${String(concurrency).padStart(7)} | ${paymentRate.toFixed(0).padStart(10)} | ${percentile(payments.latencies, 50).toFixed(1).padStart(6)} | ${percentile(payments.latencies, 95).toFixed(1).padStart(6)} | ` +
        `${bareRate.toFixed(0).padStart(16)} | ${percentile(bare.latencies, 95).toFixed(1).padStart(6)} | ${(bareRate / paymentRate).toFixed(1).padStart(5)}×`,
    );
  }

  const numbers = await server.db.selectFrom("receipt").select("display_number").where("office_id", "=", officeId).execute();
  const report = checkReceiptSequence(numbers.map((row) => row.display_number));
  out();
  out(`receipts issued: ${numbers.length} (${taken} payments); consecutive and gap-free: ${report.ok ? "yes" : `NO (missing ${report.missing.length}, duplicates ${report.duplicates.length})`}`);
  open.delete(pool);
  await pool.close();
  open.delete(server);
  await server.close();
}

runBenchmark(main, open);
