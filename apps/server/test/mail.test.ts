import { createTestDatabase, type TestDatabase } from "@frontoffice/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { createSenders } from "../src/outbox/index.js";
import { enqueueMessage } from "../src/outbox/queries.js";
import { OutboxRunner } from "../src/outbox/runner.js";
import { TestClock } from "./harness.js";
import { startSmtpPeer, type SmtpPeer } from "./smtp-peer.js";

describe("mail through SMTP_URL to a real SMTP server on loopback", () => {
  let database: TestDatabase;
  let peer: SmtpPeer;
  let organizationId: string;
  const clock = new TestClock();

  beforeAll(async () => {
    [database, peer] = await Promise.all([createTestDatabase("pglite"), startSmtpPeer()]);
    organizationId = (await database.db.insertInto("organization").values({ name: "Mail" }).returning("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await peer?.close();
    await database?.close();
  });

  const queue = (dedupeKey: string) =>
    enqueueMessage(database.db, {
      organization_id: organizationId,
      channel: "email",
      recipient: "lucia@example.test",
      subject: "Recordatorio de su cita",
      body_text: "Le recordamos su cita en Clínica Sol el martes.",
      body_html: "<p>Le recordamos su cita en <strong>Clínica Sol</strong> el martes.</p>",
      locale: "es",
      dedupe_key: dedupeKey,
      run_after: clock.now(),
    });

  it("delivers the queued message with its subject, recipient, body and language", async () => {
    await queue("smtp:1");
    const senders = createSenders({ smtpUrl: peer.url, mailFrom: "Clínica Sol <citas@example.test>" });
    try {
      const runner = new OutboxRunner({ db: database.db, clock, logger: createLogger("silent"), senders });
      expect(await runner.deliverBatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    } finally {
      senders.close();
    }
    expect(peer.received).toHaveLength(1);
    const [arrived] = peer.received;
    expect(arrived!.envelopeTo).toEqual(["lucia@example.test"]);
    expect(arrived!.envelopeFrom).toBe("citas@example.test");
    expect(arrived!.mail.subject).toBe("Recordatorio de su cita");
    expect(arrived!.mail.text?.trim()).toBe("Le recordamos su cita en Clínica Sol el martes.");
    expect(arrived!.mail.html).toContain("<strong>Clínica Sol</strong>");
    expect(arrived!.mail.headers.get("content-language")).toBe("es");
    const row = await database.db.selectFrom("outbox_message").selectAll().where("dedupe_key", "=", "smtp:1").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", transport: "smtp" });
  });

  it("keeps a message for a retry when the server is unreachable", async () => {
    await queue("smtp:2");
    const senders = createSenders({ smtpUrl: "smtp://127.0.0.1:1", mailFrom: "citas@example.test" });
    try {
      const runner = new OutboxRunner({ db: database.db, clock, logger: createLogger("silent"), senders });
      expect(await runner.deliverBatch()).toEqual({ sent: 0, retrying: 1, dead: 0 });
    } finally {
      senders.close();
    }
    const row = await database.db.selectFrom("outbox_message").selectAll().where("dedupe_key", "=", "smtp:2").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
  });

  it("without SMTP_URL records mail as sent through the log transport and contacts nothing", async () => {
    await queue("smtp:3");
    const senders = createSenders({ smtpUrl: undefined, mailFrom: "citas@example.test" });
    expect(senders.email.transport).toBe("log");
    const runner = new OutboxRunner({ db: database.db, clock, logger: createLogger("silent"), senders });
    expect(await runner.deliverBatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    const row = await database.db.selectFrom("outbox_message").selectAll().where("dedupe_key", "=", "smtp:3").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", transport: "log" });
    expect(peer.received).toHaveLength(1);
  });
});
