import { createTestDatabase, testTargets, type TestDatabase } from "@frontoffice/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { enqueueMessage } from "../src/outbox/queries.js";
import { OutboxRunner, type OutboxRunnerOptions } from "../src/outbox/runner.js";
import { sandboxSmsSender, type OutgoingMessage, type Sender } from "../src/outbox/senders.js";
import { TestClock } from "./harness.js";

/** An email transport that records what it was given, or fails as told (the edge of the world). */
class RecordingSender implements Sender {
  readonly transport = "recording";
  readonly delivered: OutgoingMessage[] = [];
  failWith: Error | undefined;
  async send(message: OutgoingMessage): Promise<void> {
    if (this.failWith) throw this.failWith;
    await new Promise((resolve) => setImmediate(resolve));
    this.delivered.push(message);
  }
}

describe.each(testTargets())("outbox on %s", (target) => {
  let database: TestDatabase;
  let organizationId: string;
  const clock = new TestClock();
  const logger = createLogger("silent");
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    organizationId = (await database.db.insertInto("organization").values({ name: "Outbox" }).returning("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => database?.close());

  const runner = (email: Sender, options: Partial<OutboxRunnerOptions> = {}) =>
    new OutboxRunner({ db: database.db, clock, logger, senders: { email, sms: sandboxSmsSender }, backoffBaseMs: 1_000, ...options });

  const enqueue = (overrides: { maxAttempts?: number; dedupeKey?: string; channel?: "email" | "sms" } = {}) => {
    sequence += 1;
    return enqueueMessage(database.db, {
      organization_id: organizationId,
      channel: overrides.channel ?? "email",
      recipient: overrides.channel === "sms" ? "+34600000000" : `client${sequence}@example.test`,
      subject: `Subject ${sequence}`,
      body_text: `Body ${sequence}`,
      locale: "es",
      dedupe_key: overrides.dedupeKey ?? `test:${sequence}`,
      max_attempts: overrides.maxAttempts,
      run_after: clock.now(),
    });
  };

  const row = (dedupeKey: string) =>
    database.db.selectFrom("outbox_message").selectAll().where("organization_id", "=", organizationId).where("dedupe_key", "=", dedupeKey).executeTakeFirstOrThrow();

  it("delivers a queued message once, records how it went out, and never queues a dedupe key twice", async () => {
    expect(await enqueue({ dedupeKey: "once" })).toBe(true);
    expect(await enqueue({ dedupeKey: "once" })).toBe(false);
    const sender = new RecordingSender();
    const report = await runner(sender).deliverBatch();
    expect(report).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(sender.delivered.map((message) => message.subject)).toEqual(["Subject 1"]);
    const sent = await row("once");
    expect(sent).toMatchObject({ status: "sent", attempts: 1, transport: "recording", locked_until: null, last_error: null });
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(await runner(sender).deliverBatch()).toEqual({ sent: 0, retrying: 0, dead: 0 });
  });

  it("keeps sandbox SMS in the outbox as sent, for staff to read", async () => {
    await enqueue({ dedupeKey: "sms", channel: "sms" });
    await runner(new RecordingSender()).deliverBatch();
    expect(await row("sms")).toMatchObject({ status: "sent", transport: "sandbox", recipient: "+34600000000", body_text: expect.stringContaining("Body") });
  });

  it("retries a failing message with a growing backoff, then gives up as dead", async () => {
    await enqueue({ dedupeKey: "flaky", maxAttempts: 3 });
    const sender = new RecordingSender();
    sender.failWith = Object.assign(new Error("550 mailbox client3@example.test unavailable"), { responseCode: 550 });
    const flaky = runner(sender);

    expect(await flaky.deliverBatch()).toEqual({ sent: 0, retrying: 1, dead: 0 });
    let state = await row("flaky");
    expect(state).toMatchObject({ status: "pending", attempts: 1 });
    expect(state.run_after.getTime() - clock.now().getTime()).toBeGreaterThan(900);
    expect(state.last_error).toContain("SMTP 550");
    expect(state.last_error).not.toContain("@example.test");

    expect(await flaky.deliverBatch()).toEqual({ sent: 0, retrying: 0, dead: 0 }); // not due yet
    clock.advance(1_100);
    expect(await flaky.deliverBatch()).toEqual({ sent: 0, retrying: 1, dead: 0 });
    state = await row("flaky");
    expect(state.attempts).toBe(2);
    expect(state.run_after.getTime() - clock.now().getTime()).toBeGreaterThan(1_900); // doubled

    clock.advance(2_100);
    expect(await flaky.deliverBatch()).toEqual({ sent: 0, retrying: 0, dead: 1 });
    expect(await row("flaky")).toMatchObject({ status: "dead", attempts: 3, locked_until: null });
    clock.advance(3_600_000);
    expect(await flaky.deliverBatch()).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(sender.delivered).toEqual([]);
  });

  it("retries a message whose runner crashed mid-send once its lease runs out (a new runner, as after a restart)", async () => {
    await enqueue({ dedupeKey: "crash" });
    // The first runner claims the message and never comes back (its process died while sending).
    const hanging: Sender = { transport: "hanging", send: () => new Promise<void>(() => {}) };
    void runner(hanging, { leaseMs: 10_000 }).deliverBatch();
    await expect.poll(async () => (await row("crash")).status).toBe("sending");

    const restarted = new RecordingSender();
    expect(await runner(restarted).deliverBatch()).toMatchObject({ sent: 0 }); // lease still held
    clock.advance(10_001);
    expect(await runner(restarted).deliverBatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(restarted.delivered.map((message) => message.subject)).toEqual([(await row("crash")).subject]);
    expect(await row("crash")).toMatchObject({ status: "sent", attempts: 2, transport: "recording" });
  });

  // Races need a server with several connections: PGlite is one connection.
  if (target === "postgres") {
    it("never lets two runners send the same message (concurrent runners on one pool)", async () => {
      const keys = Array.from({ length: 120 }, (_, index) => `race:${index}`);
      for (const key of keys) await enqueue({ dedupeKey: key });
      const first = new RecordingSender();
      const second = new RecordingSender();
      const drain = async (sender: RecordingSender) => {
        const worker = runner(sender, { batchSize: 5 });
        for (;;) {
          const report = await worker.deliverBatch();
          if (report.sent === 0) return;
        }
      };
      await Promise.all([drain(first), drain(second), drain(first), drain(second)]);
      const delivered = [...first.delivered, ...second.delivered].filter((message) => message.subject?.startsWith("Subject"));
      const raceKeys = new Set((await database.db.selectFrom("outbox_message").select("id").where("dedupe_key", "like", "race:%").execute()).map((item) => item.id));
      const raced = delivered.filter((message) => raceKeys.has(message.id));
      expect(raced).toHaveLength(keys.length);
      expect(new Set(raced.map((message) => message.id)).size).toBe(keys.length);
      expect(first.delivered.length).toBeGreaterThan(0);
      expect(second.delivered.length).toBeGreaterThan(0);
    });
  }
});
