import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessage } from "../src/outbox/queries.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";

describe.each(testTargets())("the outbox view on %s", (target) => {
  let server: TestServer;
  let owner: ReturnType<typeof callerFor>;
  let desk: ReturnType<typeof callerFor>;
  let organizationId: string;
  let officeId: string;

  beforeAll(async () => {
    server = await createTestServer(target);
    ({ organizationId, officeId } = await setUpOrganization(server, "Clínica", "owner@buzon.test"));
    await addStaff(server, organizationId, officeId, "desk@buzon.test", ["receptionist"]);
    owner = callerFor(server, await signIn(server, "owner@buzon.test"));
    desk = callerFor(server, await signIn(server, "desk@buzon.test"));
    const common = { organization_id: organizationId, locale: "es" as const, body_text: "Recordatorio" };
    await enqueueMessage(server.db, { ...common, channel: "email", recipient: "lucia.martin@example.com", subject: "Tu cita", dedupe_key: "a" });
    await enqueueMessage(server.db, { ...common, channel: "sms", recipient: "+34 612 345 678", dedupe_key: "b" });
    await server.db.updateTable("outbox_message").set({ status: "dead", attempts: 5, last_error: "550 mailbox unavailable" }).where("dedupe_key", "=", "a").execute();
  });
  afterAll(async () => server?.close());

  it("lists messages with their channel, masked recipient, attempts and last error", async () => {
    const messages = await owner.outbox.list({});
    expect(messages.map((message) => [message.channel, message.recipient, message.status, message.attempts, message.lastError]).sort()).toEqual([
      ["email", "l•••@example.com", "dead", 5, "550 mailbox unavailable"],
      ["sms", "••••••••• 78", "pending", 0, null],
    ]);
    expect((await owner.outbox.list({ status: "dead" })).map((message) => message.channel)).toEqual(["email"]);
    expect((await owner.outbox.list({ channel: "sms" })).map((message) => message.channel)).toEqual(["sms"]);
    expect(JSON.stringify(messages)).not.toContain("lucia.martin");
  });

  it("retries a dead message once more, now; anything else is refused", async () => {
    const [dead] = await owner.outbox.list({ status: "dead" });
    const retried = await owner.outbox.retry({ id: dead!.id });
    expect(retried).toMatchObject({ status: "pending", attempts: 5, maxAttempts: 6 });
    expect(Date.parse(retried.runAfter)).toBeLessThanOrEqual(server.clock.now().getTime());
    expect(await errorCodeOf(owner.outbox.retry({ id: dead!.id }))).toBe("OUTBOX_NOT_RETRYABLE");
    expect(await errorCodeOf(owner.outbox.retry({ id: crypto.randomUUID() }))).toBe("NOT_FOUND");
    const audit = await server.db.selectFrom("audit_log").select(["action", "changes"]).where("entity_id", "=", dead!.id).execute();
    expect(audit).toEqual([{ action: "update", changes: { status: { from: "dead", to: "pending" } } }]);
  });

  it("previews the reminder of an office in each language, without the service for a medical office", async () => {
    await owner.services.create({ officeId, name: "Endodoncia", durationMinutes: 30, staffIds: [(await owner.session.me()).staff.id] });
    const spanish = await owner.outbox.previewReminder({ officeId, locale: "es" });
    expect(spanish.subject).toContain("Clínica Dental Sol");
    expect(spanish.text).toContain("Lucía");
    expect(`${spanish.text}${spanish.html}${spanish.sms}`).not.toContain("Endodoncia");
    const italian = await owner.outbox.previewReminder({ officeId, locale: "it" });
    expect(italian.text).toContain("Giulia");
    expect(italian.subject).not.toBe(spanish.subject);
  });

  it("is for managers: a receptionist may not see or retry messages", async () => {
    expect(await errorCodeOf(desk.outbox.list({}))).toBe("FORBIDDEN");
    expect(await errorCodeOf(desk.outbox.previewReminder({ officeId, locale: "en" }))).toBe("FORBIDDEN");
  });
});
