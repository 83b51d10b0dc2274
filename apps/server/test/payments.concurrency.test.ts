import { createDatabase, type DatabaseConnection } from "@frontoffice/db";
import { checkReceiptSequence } from "@frontoffice/payments";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { createAuth } from "../src/auth.js";
import { buildHttpServer } from "../src/http/server.js";
import { businessDateOf } from "../src/modules/payments/support.js";
import { TEST_BASE_URL, createTestServer, signIn, testTargets, type TestServer } from "./harness.js";
import { key, setUpDesk, unbalancedLedgerTransactions } from "./payments.fixtures.js";

/** Pooled connections serving the bursts: many transactions at once. */
const POOL = 20;

type Reply = { result?: { data: { payment: { id: string }; receipt: { number: string } | null; replayed: boolean } }; error?: { data?: { code?: string } } };

describe.runIf(testTargets().includes("postgres"))("payments under concurrency (PostgreSQL)", () => {
  let server: TestServer;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  let pool: DatabaseConnection;
  let app: FastifyInstance;
  let port: number;
  let cookie: string;

  beforeAll(async () => {
    server = await createTestServer("postgres");
    desk = await setUpDesk(server, "Race");
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${server.database.name!}`;
    pool = await createDatabase({ databaseUrl: url.toString(), maxConnections: POOL });
    const auth = createAuth({ db: pool.db, secret: "test-secret-test-secret-test-secret-0123", baseUrl: TEST_BASE_URL, trustedOrigins: [TEST_BASE_URL], secureCookies: false });
    app = await buildHttpServer({ db: pool.db, auth, clock: server.clock, logger: server.logger, live: server.live }, { publicUrl: TEST_BASE_URL, webDist: undefined });
    port = await findFreePort("127.0.0.1");
    await app.listen({ host: "127.0.0.1", port });
    cookie = (await signIn(server, "desk@race.test")).get("cookie")!;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await pool?.close();
    await server?.close();
  });

  const post = async (path: string, body: unknown): Promise<Reply> => {
    const response = await fetch(`http://127.0.0.1:${port}/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
    return (await response.json()) as Reply;
  };
  const charges = async (count: number) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      ids.push((await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: desk.client.id, lines: [{ productId: desk.products.brush.id, quantity: 1 }] })).id);
    }
    return ids;
  };

  it("200 simultaneous payments in one series get 200 consecutive receipt numbers: no gap, no duplicate", async () => {
    const ids = await charges(200);
    const replies = await Promise.all(ids.map((chargeId) => post("payments.take", { idempotencyKey: key(), chargeId, desk: "front", details: { method: "cash" } })));
    expect(replies.filter((reply) => reply.error).map((reply) => reply.error?.data?.code)).toEqual([]);
    const numbers = replies.map((reply) => reply.result!.data.receipt!.number);
    expect(new Set(numbers).size).toBe(200);
    const report = checkReceiptSequence(numbers);
    expect(report).toMatchObject({ ok: true, missing: [], duplicates: [], invalid: [] });
    const year = businessDateOf(server.clock.now(), "Europe/Madrid").slice(0, 4);
    expect(numbers.sort()).toEqual(Array.from({ length: 200 }, (_, index) => `${year}-F-${String(index + 1).padStart(6, "0")}`));
    const stored = await server.db.selectFrom("receipt").select("number").where("office_id", "=", desk.officeId).where("series", "=", "F").orderBy("number").execute();
    expect(stored.map((row) => row.number)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
  }, 120_000);

  it("100 simultaneous replays of one idempotency key move money once and all return the first result", async () => {
    const [chargeId] = await charges(1);
    const body = { idempotencyKey: key(), chargeId, desk: "front", details: { method: "card", card: { number: "4242424242424242", expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: "737" } } };
    const replies = await Promise.all(Array.from({ length: 100 }, () => post("payments.take", body)));
    expect(replies.filter((reply) => reply.error).map((reply) => reply.error?.data?.code)).toEqual([]);
    expect(new Set(replies.map((reply) => reply.result!.data.payment.id)).size).toBe(1);
    expect(new Set(replies.map((reply) => reply.result!.data.receipt!.number)).size).toBe(1);
    expect(replies.filter((reply) => !reply.result!.data.replayed)).toHaveLength(1);
    expect(await server.db.selectFrom("payment").select("id").where("charge_id", "=", chargeId!).execute()).toHaveLength(1);
    const moved = await server.db.selectFrom("ledger_entry").select("transaction_id").distinct().where("charge_id", "=", chargeId!).where("kind", "=", "payment").execute();
    expect(moved).toHaveLength(1);
    expect(await server.db.selectFrom("receipt").select("id").where("charge_id", "=", chargeId!).execute()).toHaveLength(1);
  }, 120_000);

  it("50 simultaneous replays of one charge's idempotency key make one charge; cancellations racing payments: one of them wins", async () => {
    const body = { idempotencyKey: key(), officeId: desk.officeId, clientId: desk.client.id, lines: [{ productId: desk.products.cleaning.id, quantity: 1 }] };
    const created = (await Promise.all(Array.from({ length: 50 }, () => post("charges.create", body)))) as unknown as { result?: { data: { id: string; replayed: boolean } } }[];
    expect(new Set(created.map((reply) => reply.result!.data.id)).size).toBe(1);
    expect(created.filter((reply) => !reply.result!.data.replayed)).toHaveLength(1);
    const chargeId = created[0]!.result!.data.id;
    const postings = await server.db.selectFrom("ledger_entry").select("transaction_id").distinct().where("charge_id", "=", chargeId).execute();
    expect(postings).toHaveLength(1);

    // Each sale is paid and cancelled at the same moment: never both, never neither.
    const ids = await charges(20);
    const raced = await Promise.all(ids.map((id) => Promise.all([post("payments.take", { idempotencyKey: key(), chargeId: id, desk: "front", details: { method: "cash" } }), post("charges.cancel", { idempotencyKey: key(), id })])));
    for (const [taken, cancelled] of raced) {
      expect([taken.error?.data?.code, cancelled.error?.data?.code].sort()).toEqual(taken.error ? ["AMOUNT_ABOVE_BALANCE", undefined] : ["CHARGE_NOT_CANCELLABLE", undefined]);
    }
    const statuses = await server.db.selectFrom("charge").select("status").where("id", "in", ids).execute();
    expect(statuses.every((row) => row.status === "paid" || row.status === "cancelled")).toBe(true);
    // Paid or cancelled, none of these sales is owed any more.
    const owed = await server.db.selectFrom("ledger_entry").select(sql<string>`coalesce(sum(amount_minor), 0)`.as("total")).where("charge_id", "in", ids).where("account", "like", "receivable:%").executeTakeFirstOrThrow();
    expect(Number(owed.total)).toBe(0);
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
  }, 120_000);

  it("a sign-off racing payments on the same desk: every payment is either in the signed-off figures or refused with DAY_CLOSED", async () => {
    const today = businessDateOf(server.clock.now(), "Europe/Madrid");
    const ids = await charges(60);
    // A first payment opens the day; staff count the drawer.
    await post("payments.take", { idempotencyKey: key(), chargeId: ids[0], desk: "race", details: { method: "cash" } });
    const counted = await desk.desk.closeOuts.count({ idempotencyKey: key(), officeId: desk.officeId, desk: "race", businessDate: today, countedCashMinor: 0 });
    const take = (chargeId: string) => post("payments.take", { idempotencyKey: key(), chargeId, desk: "race", details: { method: "cash" } });
    // A first wave in flight; the sign-off once some of it is through; a second wave right behind it.
    const firstWave = ids.slice(1, 30).map(take);
    await Promise.all(firstWave.slice(0, 5));
    const signOff = desk.manager.closeOuts.signOff({ idempotencyKey: key(), id: counted.id! });
    const takes = [...firstWave, ...ids.slice(30, 50).map(take)];
    const [raced, signed] = await Promise.all([Promise.all(takes), signOff]);
    // And a last wave once the day is signed off.
    const replies = [...raced, ...(await Promise.all(ids.slice(50).map(take)))];
    const codes = replies.filter((reply) => reply.error).map((reply) => reply.error?.data?.code);
    expect(codes.every((code) => code === "DAY_CLOSED")).toBe(true);
    expect(codes.length).toBeGreaterThanOrEqual(10);
    const taken = await server.db.selectFrom("payment").select("amount_minor").where("office_id", "=", desk.officeId).where("desk", "=", "race").where("status", "=", "captured").execute();
    expect(taken).toHaveLength(1 + replies.length - codes.length);
    const recorded = await server.db.selectFrom("cash_close_out").select("expected").where("id", "=", counted.id!).executeTakeFirstOrThrow();
    expect(recorded.expected?.cash).toBe(taken.reduce((sum, row) => sum + row.amount_minor, 0));
    expect(signed.expected.cash).toBe(recorded.expected?.cash);
    process.stdout.write(`sign-off race: ${replies.length - codes.length} payments before the sign-off, ${codes.length} refused after it (10 sent after it finished)\n`);
  }, 120_000);
});
