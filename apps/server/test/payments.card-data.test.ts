import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { createAuth } from "../src/auth.js";
import { buildHttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { createTestServer, signIn, testTargets, type TestServer } from "./harness.js";
import { key, setUpDesk } from "./payments.fixtures.js";

/** Full card numbers typed at the desk (sandbox cards: approved, declined, insufficient funds), one invalid, one expired. */
const CARDS = [
  { number: "4242424242424242", cvc: "737" },
  { number: "3782 822463 10005", cvc: "7319" },
  { number: "4000-0000-0000-0002", cvc: "737" },
  { number: "4000000000009995", cvc: "737" },
  { number: "4242424242424241", cvc: "737" },
];
const EXPIRED = { number: "5555555555554444", cvc: "737", expMonth: 1, expYear: 2021 };
const digitsOf = (number: string) => number.replace(/\D/g, "");

/** Text with ids, hashes and timestamps taken out, so a short security code can be looked for. */
function withoutIdentifiers(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/\b[0-9a-f]{16,}\b/gi, "<hex>")
    .replace(/\d{4}-\d{2}-\d{2}[T ][\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?/g, "<time>")
    .replace(/\d{6,}/g, "<number>");
}

/** Whether text holds a card number (its digits, however separated) or a security code as a value. */
function leaks(text: string, card: { number: string; cvc: string }): string[] {
  const found: string[] = [];
  const digits = digitsOf(card.number);
  if (text.replace(/[\s-]/g, "").includes(digits)) found.push(`number ${digits.slice(-4)}`);
  if (/"cvc"\s*:/i.test(text)) found.push("a cvc field");
  if (new RegExp(`["':= ]${card.cvc}["' ,}]`).test(withoutIdentifiers(text))) found.push(`cvc ${card.cvc}`);
  return found;
}

describe.each(testTargets())("no card number or security code is kept, on %s", (target) => {
  let server: TestServer;
  let app: FastifyInstance;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  const logLines: string[] = [];

  beforeAll(async () => {
    server = await createTestServer(target);
    desk = await setUpDesk(server, "Vault");
    // The server's own logger, at its most talkative, written to memory.
    const logger = createLogger("trace", new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString("utf8"));
        done();
      },
    }));
    const port = await findFreePort("127.0.0.1");
    const origin = `http://127.0.0.1:${port}`;
    const auth = createAuth({ db: server.db, secret: "test-secret-test-secret-test-secret-0123", baseUrl: origin, trustedOrigins: [origin], secureCookies: false });
    app = await buildHttpServer({ db: server.db, auth, clock: server.clock, logger, live: server.live }, { publicUrl: origin, webDist: undefined });
    await app.listen({ host: "127.0.0.1", port });
    const cookie = (await signIn(server, "desk@vault.test")).get("cookie")!;
    const managerCookie = (await signIn(server, "manager@vault.test")).get("cookie")!;
    const post = async (path: string, body: unknown, who = cookie) =>
      (await fetch(`${origin}/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", cookie: who, origin }, body: JSON.stringify(body) })).json() as Promise<{
        result?: { data: { payment: { id: string } } };
        error?: { data?: { code?: string } };
      }>;

    const expYear = new Date().getUTCFullYear() + 2;
    const codes: string[] = [];
    for (const card of [...CARDS, EXPIRED]) {
      const charge = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: desk.client.id, lines: [{ productId: desk.products.cleaning.id, quantity: 1 }] });
      const reply = await post("payments.take", { idempotencyKey: key(), chargeId: charge.id, desk: "front", emailReceipt: true, details: { method: "card", card: { expMonth: 11, expYear, ...card } } });
      codes.push(reply.error?.data?.code ?? "OK");
      // A manager refunds approved payments, typing a card number into the note by mistake first.
      if (reply.result) {
        const paymentId = reply.result.data.payment.id;
        const note = await post("payments.refund", { idempotencyKey: key(), paymentId, desk: "front", amountMinor: 100, reason: "other", note: `card ${card.number}` }, managerCookie);
        codes.push(note.error?.data?.code ?? "OK");
        const refund = await post("payments.refund", { idempotencyKey: key(), paymentId, desk: "front", amountMinor: 100, reason: "other" }, managerCookie);
        codes.push(refund.error?.data?.code ?? "OK");
      }
    }
    // Two approved (each refunded; the note with a number refused), declined, insufficient funds, bad number, expired.
    expect(codes).toEqual(["OK", "VALIDATION_FAILED", "OK", "OK", "VALIDATION_FAILED", "OK", "PAYMENT_DECLINED", "PAYMENT_DECLINED", "CARD_NUMBER_INVALID", "CARD_EXPIRED"]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it("in any text or JSON column of any table", async () => {
    const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
      order by c.table_name, c.column_name`.execute(server.db);
    expect(columns.map((column) => `${column.table_name}.${column.column_name}`)).toEqual(expect.arrayContaining(["payment.gateway_token", "receipt.snapshot", "idempotency_key.result", "audit_log.changes", "outbox_message.body_html", "refund.note"]));
    const found: string[] = [];
    let scanned = 0;
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await sql<{ value: string }>`select ${sql.ref(column)}::text as value from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(server.db);
      scanned += rows.length;
      for (const row of rows) for (const card of [...CARDS, EXPIRED]) for (const leak of leaks(row.value, card)) found.push(`${table}.${column}: ${leak}`);
    }
    expect(found).toEqual([]);
    // The payments themselves keep only brand, last four, expiry and the gateway's token.
    const payments = await server.db.selectFrom("payment").select(["status", "card_brand", "card_last4", "gateway_token"]).where("organization_id", "=", desk.organizationId).orderBy("created_at").execute();
    expect(payments.map((payment) => [payment.status, payment.card_brand, payment.card_last4])).toEqual([
      ["partially_refunded", "visa", "4242"],
      ["partially_refunded", "amex", "0005"],
      ["failed", "visa", "0002"],
      ["failed", "visa", "9995"],
    ]);
    expect(scanned).toBeGreaterThan(50);
  });

  it("in the server's logs", () => {
    const logs = logLines.join("");
    expect(logLines.length).toBeGreaterThan(20);
    expect(logs).toContain("/trpc/payments.take");
    const found = [...CARDS, EXPIRED].flatMap((card) => leaks(logs, card));
    expect(found).toEqual([]);
  });

  it("and the database refuses a card number even if code tried to store one", async () => {
    const [payment] = await server.db.selectFrom("payment").select(["charge_id"]).where("organization_id", "=", desk.organizationId).execute();
    const attempt = (values: Record<string, unknown>) =>
      server.db
        .insertInto("payment")
        .values({ organization_id: desk.organizationId, office_id: desk.officeId, charge_id: payment!.charge_id, desk: "front", business_date: "2026-01-01", method: "card", gateway: "sandbox", status: "failed", decline_code: "card_declined", currency: "EUR", amount_minor: 1, card_last4: "4242", ...values } as never)
        .execute();
    await expect(attempt({ card_last4: "4242424242424242" })).rejects.toMatchObject({ code: "23514" });
    await expect(attempt({ gateway_token: "tok_4242424242424242" })).rejects.toMatchObject({ code: "23514" });
    await expect(attempt({ reference: "4242424242424242" })).rejects.toMatchObject({ code: "23514" });
  });
});
