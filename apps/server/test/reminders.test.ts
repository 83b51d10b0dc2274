import { jsonb } from "@frontoffice/db";
import type { ClientEmail, ClientPhone, Locale } from "@frontoffice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDueReminders, reminderKey, remindersJob } from "../src/jobs/reminders.js";
import { createSenders } from "../src/outbox/index.js";
import { OutboxRunner } from "../src/outbox/runner.js";
import { createTestServer, setUpOrganization, testTargets, type TestServer } from "./harness.js";
import { startSmtpPeer, type SmtpPeer } from "./smtp-peer.js";

const HOUR = 3_600_000;

describe.each(testTargets())("appointment reminders on %s", (target) => {
  let server: TestServer;
  let peer: SmtpPeer;
  let clinic: { organizationId: string; officeId: string; staffId: string; serviceId: string };
  let lawyers: { organizationId: string; officeId: string; staffId: string; serviceId: string };

  async function withServiceAndStaff(organization: { organizationId: string; officeId: string }, serviceName: string) {
    const { db } = server;
    const staff = await db.selectFrom("staff").select("id").where("organization_id", "=", organization.organizationId).executeTakeFirstOrThrow();
    const service = await db
      .insertInto("service")
      .values({ organization_id: organization.organizationId, office_id: organization.officeId, name: serviceName, duration_minutes: 30 })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ...organization, staffId: staff.id, serviceId: service.id };
  }

  async function client(organizationId: string, givenName: string, locale: Locale, emails: ClientEmail[], phones: ClientPhone[]) {
    const row = await server.db
      .insertInto("client")
      .values({ organization_id: organizationId, kind: "person", given_name: givenName, family_name: "Prueba", display_name: `${givenName} Prueba`, preferred_locale: locale, emails: jsonb(emails), phones: jsonb(phones), notes: "Alergia a la penicilina" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function book(at: typeof clinic, clientId: string, startsAt: Date, status: "booked" | "cancelled" = "booked") {
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const row = await server.db
      .insertInto("appointment")
      .values({
        organization_id: at.organizationId, office_id: at.officeId, service_id: at.serviceId, staff_id: at.staffId, client_id: clientId,
        starts_at: startsAt, ends_at: endsAt, blocked_from: startsAt, blocked_until: endsAt, status, notes: "Root canal, tooth 36",
        ...(status === "cancelled" ? { cancelled_at: server.clock.now(), cancel_reason: "client_request" as const } : {}),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const outbox = () => server.db.selectFrom("outbox_message").selectAll().orderBy("created_at").orderBy("channel").execute();

  beforeAll(async () => {
    [server, peer] = await Promise.all([createTestServer(target), startSmtpPeer()]);
    clinic = await withServiceAndStaff(await setUpOrganization(server, "Clínica", "owner@clinic.test"), "Endodoncia");
    const other = await setUpOrganization(server, "Bufete", "owner@lawyers.test");
    await server.db.updateTable("office").set({ kind: "legal", name: "Studio Legale Rossi", time_zone: "Europe/Rome", reminder_lead_minutes: 60 }).where("id", "=", other.officeId).execute();
    lawyers = await withServiceAndStaff(other, "Consulenza societaria");
  });
  afterAll(async () => {
    await peer?.close();
    await server?.close();
  });

  it("queues each due reminder once, in the client's language, on email and mobile, and again after a reschedule", async () => {
    const now = server.clock.now();
    const lucia = await client(clinic.organizationId, "Lucia", "it", [{ label: "home", address: "lucia@example.test" }], [{ label: "mobile", number: "+39 333 123 4567" }]);
    const pedro = await client(clinic.organizationId, "Pedro", "en", [{ label: "work", address: "pedro@example.test" }], [{ label: "home", number: "+34 910 000 001" }]);
    const soon = await book(clinic, lucia, new Date(now.getTime() + 3 * HOUR));
    const tomorrow = await book(clinic, pedro, new Date(now.getTime() + 30 * HOUR));
    await book(clinic, pedro, new Date(now.getTime() + 2 * HOUR), "cancelled");

    expect(await enqueueDueReminders(server.db, now)).toBe(2);
    expect(await enqueueDueReminders(server.db, now)).toBe(0);
    let messages = await outbox();
    expect(messages.map((message) => [message.channel, message.recipient, message.locale])).toEqual([
      ["email", "lucia@example.test", "it"],
      ["sms", "+39 333 123 4567", "it"],
    ]);
    const soonStart = (await server.db.selectFrom("appointment").select("starts_at").where("id", "=", soon).executeTakeFirstOrThrow()).starts_at;
    expect(messages.every((message) => message.dedupe_key === reminderKey(soon, soonStart))).toBe(true);
    const [email, sms] = messages;
    expect(email!.subject).toBe("Promemoria: il suo appuntamento presso Clínica Dental Sol");
    expect(email!.body_text).toContain("Gentile Lucia,");
    for (const message of messages) {
      const everything = `${message.subject ?? ""} ${message.body_text} ${message.body_html ?? ""}`;
      expect(everything).not.toMatch(/Endodoncia|Root canal|penicilina|Prueba/);
    }
    expect(sms!.body_text).toMatch(/^Promemoria: appuntamento presso Clínica Dental Sol il /);

    // Moved two hours later: a new start, so a new reminder; the first one stays as sent history.
    const moved = new Date(now.getTime() + 5 * HOUR);
    await server.db.updateTable("appointment").set({ starts_at: moved, ends_at: new Date(moved.getTime() + 30 * 60_000), blocked_from: moved, blocked_until: new Date(moved.getTime() + 30 * 60_000) }).where("id", "=", soon).execute();
    expect(await enqueueDueReminders(server.db, now)).toBe(2);
    expect(await enqueueDueReminders(server.db, now)).toBe(0);

    // Seven hours on, Pedro's appointment is within 24 hours: email only (his phone is a landline).
    expect(await enqueueDueReminders(server.db, new Date(now.getTime() + 7 * HOUR))).toBe(1);
    messages = await outbox();
    const forPedro = messages.filter((message) => message.dedupe_key?.includes(tomorrow));
    expect(forPedro.map((message) => [message.channel, message.recipient, message.subject])).toEqual([
      ["email", "pedro@example.test", "Reminder: your appointment at Clínica Dental Sol"],
    ]);
  });

  it("follows the office's lead time, and names the service outside medical offices", async () => {
    const now = server.clock.now();
    const giulia = await client(lawyers.organizationId, "Giulia", "es", [{ label: "home", address: "giulia@example.test" }], []);
    const inTwoHours = await book(lawyers, giulia, new Date(now.getTime() + 2 * HOUR));
    expect(await enqueueDueReminders(server.db, now)).toBe(0); // the office reminds one hour ahead
    expect(await enqueueDueReminders(server.db, new Date(now.getTime() + 61 * 60_000))).toBe(1);
    const message = (await outbox()).find((item) => item.dedupe_key?.includes(inTwoHours));
    expect(message).toMatchObject({ organization_id: lawyers.organizationId, channel: "email", locale: "es", subject: "Recordatorio: su cita en Studio Legale Rossi" });
    expect(message!.body_text).toContain("Le recordamos su cita de Consulenza societaria en Studio Legale Rossi el ");
  });

  // One full round of the real runner, on the embedded database (the PostgreSQL side is covered by the queue tests above).
  if (target === "pglite") {
    it("the runner's own round queues reminders and delivers them to a real SMTP server, SMS to the sandbox", async () => {
      const now = server.clock.now();
      const marta = await client(clinic.organizationId, "Marta", "es", [{ label: "home", address: "marta@example.test" }], [{ label: "mobile", number: "+34 600 111 222" }]);
      const appointment = await book(clinic, marta, new Date(now.getTime() + 10 * HOUR));
      const senders = createSenders({ smtpUrl: peer.url, mailFrom: "Clínica Dental Sol <citas@example.test>" });
      try {
        const runner = new OutboxRunner({ db: server.db, clock: server.clock, logger: server.logger, senders, jobs: [remindersJob(server.db)] });
        await runner.tick();
      } finally {
        senders.close();
      }
      const arrived = peer.received.find((mail) => mail.envelopeTo.includes("marta@example.test"));
      expect(arrived?.mail.subject).toBe("Recordatorio: su cita en Clínica Dental Sol");
      expect(arrived?.mail.text).toContain("Hola, Marta:");
      expect(arrived?.mail.text).not.toContain("Endodoncia");
      const sms = (await outbox()).find((message) => message.channel === "sms" && message.dedupe_key?.includes(appointment));
      expect(sms).toMatchObject({ status: "sent", transport: "sandbox", recipient: "+34 600 111 222" });
    });
  }
});
