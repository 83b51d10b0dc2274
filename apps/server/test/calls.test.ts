import { jsonb } from "@frontoffice/db";
import type { CallLiveEvent, CallView } from "@frontoffice/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCallTimeouts } from "../src/jobs/calls.js";
import { createCallerFactory } from "../src/trpc/trpc.js";
import { appRouter } from "../src/trpc/app-router.js";
import { callCount, eventKinds, phoneEvent, presenceOf, setUpCallDesk, type CallDesk } from "./calls.fixtures.js";
import { callerFor, createTestServer, errorCodeOf, failureOf, signIn, testTargets, type TestServer } from "./harness.js";

describe.each(testTargets())("calls on %s", (target) => {
  let server: TestServer;
  let desk: CallDesk;
  let externalIds = 0;
  const nextId = () => `ext-${++externalIds}`;

  beforeAll(async () => {
    server = await createTestServer(target);
    desk = await setUpCallDesk(server, "Centralita", "calls.test");
  });
  afterAll(async () => server?.close());

  // Every case starts with free lines and everyone available.
  beforeEach(async () => {
    await sql`update call set status = 'ended', outcome = 'missed', ended_at = greatest(now(), offered_at), transfer = null where status <> 'ended'`.execute(server.db);
    await sql`update staff_presence set status = 'available'`.execute(server.db);
    await server.db.updateTable("office").set({ call_lines: 4 }).where("id", "=", desk.officeId).execute();
  });

  const ring = (extra: Record<string, unknown> = {}) => phoneEvent(server, desk, { event: "ringing", callId: nextId(), from: "612 345 678", extension: desk.reception.extension, ...extra });
  const simulate = (extra: Record<string, unknown> = {}) => desk.staff.owner.caller.calls.simulate({ event: "ring", officeId: desk.officeId, from: "612 345 678", extension: desk.reception.extension, ...extra });

  describe("ingest and routing", () => {
    it("puts a Spanish caller through to the Spanish speaker, on the lowest free line", async () => {
      const { call, decision, duplicate } = await ring({ language: "es" });
      expect(duplicate).toBe(false);
      expect(decision?.action).toBe("ring");
      expect(call).toMatchObject({ status: "ringing", line: 1, callerNumber: "+34612345678", language: "es", staff: { id: desk.staff.ana.id }, department: { id: desk.reception.id } });
      expect(call.decision?.explanation.map((step) => step.code)).toContain("language_preferred");
      expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "routed"]);
      const english = await ring({ language: "en", from: "+34 699 111 222" });
      expect(english.call.line).toBe(2);
      // Ana's phone is ringing already: the next call goes to whoever else is free.
      expect(english.decision?.action === "ring" && english.decision.targets).toEqual([desk.staff.ben.id]);
    });

    it("recognizes a known client by number, and a VIP by their record", async () => {
      const client = await desk.staff.owner.caller.clients.create({ officeId: desk.officeId, givenName: "Lucía", familyName: "Vip", phones: [{ label: "mobile", number: "699 000 111" }] });
      await server.db.updateTable("client").set({ details: jsonb({ vip: true }) as never }).where("id", "=", client.id).execute();
      const { call } = await ring({ from: "+34699000111" });
      expect(call.client).toEqual({ id: client.id, displayName: client.displayName });
      expect(call.vip).toBe(true);
      expect(call.decision?.explanation[0]).toEqual({ code: "caller_priority", params: { priority: "vip" } });
    });

    it("takes a withheld number as null", async () => {
      for (const from of [null, "", "anonymous", "Private"]) {
        const { call } = await ring({ from });
        expect(call.callerNumber).toBeNull();
      }
    });

    it("ends a call to a closed office as closed, saying when it opens", async () => {
      await server.db.updateTable("office").set({ call_hours: jsonb({ monday: [{ start: "09:00", end: "18:00" }] }) }).where("id", "=", desk.officeId).execute();
      try {
        // A Sunday at noon in Madrid.
        const { call, decision } = await ring({ at: "2026-11-22T11:00:00Z" });
        expect(decision).toMatchObject({ action: "closed", reason: "after_hours", opensAt: "2026-11-23T08:00:00Z" });
        expect(call).toMatchObject({ status: "ended", outcome: "closed", endedAt: "2026-11-22T11:00:00.000Z" });
        expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "ended"]);
      } finally {
        const always = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, [{ start: "00:00", end: "24:00" }]]));
        await server.db.updateTable("office").set({ call_hours: jsonb(always) }).where("id", "=", desk.officeId).execute();
      }
    });

    it("refuses an unknown extension (404) and an unreadable number (400), writing nothing", async () => {
      const before = await callCount(server, desk.organizationId);
      expect(await errorCodeOf(desk.staff.owner.caller.calls.simulate({ event: "ring", officeId: desk.officeId, from: "612345678", extension: "999" }))).toBe("ROUTING_UNKNOWN_EXTENSION");
      expect(await errorCodeOf(simulate({ from: "12ab" }))).toBe("ROUTING_INVALID_CALLER_NUMBER");
      await expect(ring({ from: "+1 000" })).rejects.toMatchObject({ code: "ROUTING_INVALID_CALLER_NUMBER" });
      await expect(ring({ extension: "998" })).rejects.toMatchObject({ code: "ROUTING_UNKNOWN_EXTENSION" });
      expect(await callCount(server, desk.organizationId)).toBe(before);
    });

    it("puts a call that names no one through to the office's default department, and refuses it without one", async () => {
      const before = await callCount(server, desk.organizationId);
      await expect(ring({ extension: undefined })).rejects.toMatchObject({ code: "ROUTING_NO_DESTINATION" });
      expect(await callCount(server, desk.organizationId)).toBe(before);
      await server.db.updateTable("office").set({ call_default_department_id: desk.billing.id }).where("id", "=", desk.officeId).execute();
      try {
        const { call, decision } = await ring({ extension: undefined });
        expect(decision).toMatchObject({ action: "ring", departmentId: desk.billing.id, targets: [desk.staff.carla.id] });
        expect(call).toMatchObject({ status: "ringing", department: { id: desk.billing.id }, staff: { id: desk.staff.carla.id } });
        expect(call.decision?.explanation.slice(0, 2)).toEqual([
          { code: "no_rule_matched", params: {} },
          { code: "default_destination", params: { departmentId: desk.billing.id } },
        ]);
        // A dialled extension still goes where it was dialled.
        const direct = await ring();
        expect(direct.call.department).toMatchObject({ id: desk.reception.id });
        expect(direct.call.decision?.explanation.map((step) => step.code)).not.toContain("default_destination");
      } finally {
        await server.db.updateTable("office").set({ call_default_department_id: null }).where("id", "=", desk.officeId).execute();
      }
    });

    it("changes nothing twice when the phone system repeats an event", async () => {
      const callId = nextId();
      const first = await phoneEvent(server, desk, { event: "ringing", callId, from: "612345678", extension: desk.reception.extension });
      const before = await callCount(server, desk.organizationId);
      const again = await phoneEvent(server, desk, { event: "ringing", callId, from: "612345678", extension: desk.reception.extension });
      expect(again).toMatchObject({ duplicate: true, call: { id: first.call.id, version: 1 } });
      expect(await callCount(server, desk.organizationId)).toBe(before);

      await expect(phoneEvent(server, desk, { event: "answered", callId, answeredByExtension: "999" })).rejects.toMatchObject({ code: "ROUTING_UNKNOWN_EXTENSION" });
      await expect(phoneEvent(server, desk, { event: "answered", callId: "never-rang" })).rejects.toMatchObject({ code: "CALL_NOT_FOUND" });
      const answered = await phoneEvent(server, desk, { event: "answered", callId, answeredByExtension: "202" });
      expect(answered.call).toMatchObject({ status: "connected", staff: { id: desk.staff.ben.id } });
      expect(await presenceOf(server, desk.staff.ben.id)).toBe("busy");
      expect((await phoneEvent(server, desk, { event: "answered", callId, answeredByExtension: "202" })).duplicate).toBe(true);

      const ended = await phoneEvent(server, desk, { event: "ended", callId, reason: "completed" });
      expect(ended.call).toMatchObject({ status: "ended", outcome: "answered" });
      expect(await presenceOf(server, desk.staff.ben.id)).toBe("available");
      const endedAgain = await phoneEvent(server, desk, { event: "ended", callId, reason: "completed" });
      expect(endedAgain).toMatchObject({ duplicate: true, call: { version: ended.call.version } });
      expect(await eventKinds(server, desk.organizationId, first.call.id)).toEqual(["offered", "routed", "answered", "ended"]);
    });

    it("ends an unanswered call as abandoned when the caller hangs up, missed on no answer", async () => {
      const hungUp = await simulate();
      const abandoned = await desk.staff.owner.caller.calls.simulate({ event: "hang_up", callId: hungUp.call.id });
      expect(abandoned.call).toMatchObject({ status: "ended", outcome: "abandoned" });
      const callId = nextId();
      await phoneEvent(server, desk, { event: "ringing", callId, from: "612345678", extension: desk.reception.extension });
      expect((await phoneEvent(server, desk, { event: "ended", callId, reason: "no_answer" })).call.outcome).toBe("missed");
      expect(await errorCodeOf(desk.staff.owner.caller.calls.simulate({ event: "hang_up", callId: hungUp.call.id }))).toBe("CALL_STATE_INVALID");
    });

    it("records a call arriving on a full console as rejected", async () => {
      await server.db.updateTable("office").set({ call_lines: 2 }).where("id", "=", desk.officeId).execute();
      expect((await ring()).call.line).toBe(1);
      expect((await ring()).call.line).toBe(2);
      const third = await ring();
      expect(third.call).toMatchObject({ status: "ended", outcome: "rejected" });
      expect(await eventKinds(server, desk.organizationId, third.call.id)).toEqual(["offered", "ended"]);
    });

    it("queues when nobody is free, VIPs first, and puts the call through when someone is", async () => {
      await desk.staff.ana.caller.calls.presence.set({ status: "on_break" });
      await desk.staff.ben.caller.calls.presence.set({ status: "on_break" });
      const queued = await ring();
      expect(queued.call.status).toBe("queued");
      expect(queued.decision).toMatchObject({ action: "queue", position: 1 });
      expect((await ring({ from: "633 000 111" })).decision).toMatchObject({ action: "queue", position: 2 });
      const vip = await desk.staff.owner.caller.clients.create({ officeId: desk.officeId, givenName: "Primera", familyName: "Vip", phones: [{ label: "mobile", number: "633 999 000" }] });
      await server.db.updateTable("client").set({ details: jsonb({ vip: true }) as never }).where("id", "=", vip.id).execute();
      const first = await ring({ from: "633 999 000" });
      expect(first.decision).toMatchObject({ action: "queue", position: 1 });
      expect(await runCallTimeouts(server.db, server.clock.now())).toEqual({ overflowed: 0, connected: 0 });
      // Ben is free (as another process would see it): the job puts the VIP, queued last, through first.
      await server.db.updateTable("staff_presence").set({ status: "available" }).where("staff_id", "=", desk.staff.ben.id).execute();
      expect(await runCallTimeouts(server.db, server.clock.now())).toEqual({ overflowed: 0, connected: 1 });
      expect(await desk.staff.ben.caller.calls.get({ callId: first.call.id })).toMatchObject({ status: "ringing", staff: { id: desk.staff.ben.id } });
      expect((await desk.staff.ben.caller.calls.get({ callId: queued.call.id })).status).toBe("queued");
      // Ana says she is free: the next in the queue rings for her at once.
      await desk.staff.ana.caller.calls.presence.set({ status: "available" });
      expect(await desk.staff.ana.caller.calls.get({ callId: queued.call.id })).toMatchObject({ status: "ringing", staff: { id: desk.staff.ana.id } });
    });

    it("overflows a call past its department's time-out, counting the hop (TestClock)", async () => {
      await desk.staff.ana.caller.calls.presence.set({ status: "on_break" });
      await desk.staff.ben.caller.calls.presence.set({ status: "on_break" });
      const { call } = await ring();
      server.clock.advance(29_000);
      expect((await runCallTimeouts(server.db, server.clock.now())).overflowed).toBe(0);
      server.clock.advance(2_000);
      expect(await runCallTimeouts(server.db, server.clock.now())).toEqual({ overflowed: 1, connected: 0 });
      const moved = await desk.staff.ana.caller.calls.get({ callId: call.id });
      expect(moved).toMatchObject({ status: "ringing", department: { id: desk.billing.id }, staff: { id: desk.staff.carla.id }, overflowHops: 1 });
      expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "queued", "overflowed", "routed"]);
      // Billing's own time-out counts from the overflow: then a call-back request ends it.
      server.clock.advance(29_000);
      expect((await runCallTimeouts(server.db, server.clock.now())).overflowed).toBe(0);
      server.clock.advance(2_000);
      expect((await runCallTimeouts(server.db, server.clock.now())).overflowed).toBe(1);
      expect(await desk.staff.ana.caller.calls.get({ callId: call.id })).toMatchObject({ status: "ended", outcome: "callback" });
    });
  });

  describe("the console", () => {
    it("answers once: the second receptionist is told it is taken", async () => {
      const { call } = await ring();
      const answered = await desk.staff.ana.caller.calls.answer({ callId: call.id });
      expect(answered).toMatchObject({ status: "connected", staff: { id: desk.staff.ana.id }, version: 2 });
      expect(answered.answeredAt).not.toBeNull();
      expect(await presenceOf(server, desk.staff.ana.id)).toBe("busy");
      expect(await errorCodeOf(desk.staff.ben.caller.calls.answer({ callId: call.id }))).toBe("CALL_STATE_INVALID");
    });

    it("holds, resumes and hangs up; only the one who has the call", async () => {
      const { call } = await ring();
      await desk.staff.ana.caller.calls.answer({ callId: call.id });
      expect(await errorCodeOf(desk.staff.ben.caller.calls.hold({ callId: call.id }))).toBe("CALL_STATE_INVALID");
      expect((await desk.staff.ana.caller.calls.hold({ callId: call.id })).status).toBe("on_hold");
      expect(await errorCodeOf(desk.staff.ana.caller.calls.hold({ callId: call.id }))).toBe("CALL_STATE_INVALID");
      expect((await desk.staff.ana.caller.calls.resume({ callId: call.id })).status).toBe("connected");
      expect(await errorCodeOf(desk.staff.ben.caller.calls.hangUp({ callId: call.id }))).toBe("CALL_STATE_INVALID");
      const ended = await desk.staff.ana.caller.calls.hangUp({ callId: call.id });
      expect(ended).toMatchObject({ status: "ended", outcome: "answered" });
      const presence = await desk.staff.ana.caller.calls.presence.me();
      expect(presence.status).toBe("available");
      expect(presence.idleSince).toBe(ended.endedAt);
      expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "routed", "answered", "held", "resumed", "ended"]);
      expect(await errorCodeOf(desk.staff.ana.caller.calls.answer({ callId: "00000000-0000-4000-8000-000000000000" }))).toBe("CALL_NOT_FOUND");
    });

    it("transfers blind to a department: re-routed to its free member, the first handler freed", async () => {
      const { call } = await ring();
      await desk.staff.ana.caller.calls.answer({ callId: call.id });
      const moved = await desk.staff.ana.caller.calls.transfer({ callId: call.id, mode: "blind", target: { kind: "department", departmentId: desk.billing.id } });
      expect(moved).toMatchObject({ status: "ringing", department: { id: desk.billing.id }, staff: { id: desk.staff.carla.id } });
      expect(await presenceOf(server, desk.staff.ana.id)).toBe("available");
      const taken = await desk.staff.carla.caller.calls.answer({ callId: call.id });
      expect(taken).toMatchObject({ status: "connected", staff: { id: desk.staff.carla.id } });
      expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "routed", "answered", "transferred", "routed", "answered"]);
      expect(await errorCodeOf(desk.staff.carla.caller.calls.transfer({ callId: call.id, mode: "blind", target: { kind: "staff", staffId: desk.staff.carla.id } }))).toBe("TRANSFER_TARGET_INVALID");
    });

    it("transfers blind to a person who is away: their voicemail", async () => {
      await desk.staff.carla.caller.calls.presence.set({ status: "off_shift" });
      const { call } = await ring();
      await desk.staff.ana.caller.calls.answer({ callId: call.id });
      const moved = await desk.staff.ana.caller.calls.transfer({ callId: call.id, mode: "blind", target: { kind: "staff", staffId: desk.staff.carla.id } });
      expect(moved).toMatchObject({ status: "ended", outcome: "voicemail" });
    });

    it("transfers announced: the target accepts, or it comes back to the first handler", async () => {
      const { call } = await ring();
      await desk.staff.ana.caller.calls.answer({ callId: call.id });
      const waiting = await desk.staff.ana.caller.calls.transfer({ callId: call.id, mode: "announced", target: { kind: "staff", staffId: desk.staff.ben.id } });
      expect(waiting).toMatchObject({ status: "transferring", staff: { id: desk.staff.ana.id }, transfer: { mode: "announced", target: { kind: "staff", staffId: desk.staff.ben.id }, targetName: "Ben", startedBy: desk.staff.ana.id } });
      // Declined by the target: back with Ana.
      expect(await errorCodeOf(desk.staff.carla.caller.calls.acceptTransfer({ callId: call.id }))).toBe("CALL_STATE_INVALID");
      expect(await desk.staff.ben.caller.calls.cancelTransfer({ callId: call.id })).toMatchObject({ status: "connected", staff: { id: desk.staff.ana.id }, transfer: null });
      // Cancelled by Ana.
      await desk.staff.ana.caller.calls.transfer({ callId: call.id, mode: "announced", target: { kind: "department", departmentId: desk.billing.id } });
      expect((await desk.staff.ana.caller.calls.cancelTransfer({ callId: call.id })).status).toBe("connected");
      // Accepted by a member of the department.
      await desk.staff.ana.caller.calls.transfer({ callId: call.id, mode: "announced", target: { kind: "department", departmentId: desk.billing.id } });
      const accepted = await desk.staff.carla.caller.calls.acceptTransfer({ callId: call.id });
      expect(accepted).toMatchObject({ status: "connected", staff: { id: desk.staff.carla.id }, transfer: null });
      expect(await presenceOf(server, desk.staff.ana.id)).toBe("available");
      expect(await presenceOf(server, desk.staff.carla.id)).toBe("busy");
      expect(await errorCodeOf(desk.staff.ana.caller.calls.cancelTransfer({ callId: call.id }))).toBe("CALL_STATE_INVALID");
      expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "routed", "answered", "transfer_started", "transfer_returned", "transfer_started", "transfer_returned", "transfer_started", "transferred"]);

      const [entry] = await desk.staff.ana.caller.calls.log({ officeId: desk.officeId, limit: 1 });
      expect(entry).toMatchObject({ id: call.id, transfers: 1, transfersReturned: 2, handledBy: [{ id: desk.staff.ana.id, displayName: "Ana" }, { id: desk.staff.carla.id, displayName: "Carla" }] });
      expect(entry!.waitSeconds).toBeGreaterThanOrEqual(0);
    });

    it("takes a message for someone who is out: in their app and email, in their language; the call ends", async () => {
      const { call } = await ring({ callerName: "Marta Gil" });
      await desk.staff.ana.caller.calls.answer({ callId: call.id });
      const { message, call: after } = await desk.staff.ana.caller.calls.takeMessage({ officeId: desk.officeId, callId: call.id, forStaffId: desk.staff.carla.id, body: "Llamará mañana por la factura.", callbackRequested: true });
      expect(after).toMatchObject({ status: "ended", outcome: "message" });
      expect(message).toMatchObject({ callerName: "Marta Gil", callerNumber: "+34612345678", forStaff: { id: desk.staff.carla.id }, takenBy: { id: desk.staff.ana.id }, callbackRequested: true, readAt: null });
      expect(await presenceOf(server, desk.staff.ana.id)).toBe("available");

      const [notification] = await desk.staff.carla.caller.notifications.list({});
      expect(notification).toMatchObject({ kind: "call_message", payload: { messageId: message.id, callerName: "Marta Gil", callerNumber: "+34612345678" } });
      const email = await server.db.selectFrom("outbox_message").selectAll().where("dedupe_key", "=", `call-message:${message.id}`).executeTakeFirstOrThrow();
      expect(email).toMatchObject({ recipient: "carla@calls.test", locale: "it", channel: "email" });
      expect(email.subject).toBe("Messaggio telefonico da Marta Gil, +34612345678");
      expect(email.body_text).toContain("Llamará mañana por la factura.");
      expect(email.body_text).toContain("Chiede di essere richiamato.");

      expect((await desk.staff.carla.caller.calls.messages.mine({})).map((item) => item.id)).toContain(message.id);
      expect(await desk.staff.ana.caller.calls.messages.markRead({ ids: [message.id] })).toEqual({ updated: 0 });
      expect(await desk.staff.carla.caller.calls.messages.markRead({ ids: [message.id] })).toEqual({ updated: 1 });
      expect(await desk.staff.carla.caller.calls.messages.mine({ unreadOnly: true })).toEqual([]);

      // Without a call: a number typed at the desk, normalized; an unreadable one is a field error.
      const typed = await desk.staff.ana.caller.calls.takeMessage({ officeId: desk.officeId, forStaffId: desk.staff.ben.id, callerNumber: "611 222 333", body: "Pregunta por su cita" });
      expect(typed).toMatchObject({ call: null, message: { callerNumber: "+34611222333" } });
      expect(await failureOf(desk.staff.ana.caller.calls.takeMessage({ officeId: desk.officeId, forStaffId: desk.staff.ben.id, callerNumber: "12", body: "x" }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["callerNumber"], key: "validation.phone_invalid" }] });
    });

    it("schedules a call-back on someone's agenda and ends the call", async () => {
      const { call } = await ring({ from: "611 999 888" });
      await desk.staff.ana.caller.calls.answer({ callId: call.id });
      const dueAt = new Date(server.clock.now().getTime() + 3_600_000).toISOString();
      const result = await desk.staff.ana.caller.calls.scheduleCallback({ callId: call.id, staffId: desk.staff.ben.id, dueAt, note: "Presupuesto" });
      expect(result.call).toMatchObject({ status: "ended", outcome: "callback" });
      const entry = await server.db.selectFrom("agenda_entry").selectAll().where("id", "=", result.agendaEntryId).executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ staff_id: desk.staff.ben.id, kind: "callback", phone: "+34611999888", call_id: call.id, notes: "Presupuesto", title: "Call back +34611999888", status: "open" });
      expect(new Date(entry.starts_at).toISOString()).toBe(dueAt);
      expect(await eventKinds(server, desk.organizationId, call.id)).toEqual(["offered", "routed", "answered", "callback_scheduled", "ended"]);
    });

    it("identifies a caller with their last interactions, newest first", async () => {
      const client = await desk.staff.owner.caller.clients.create({ officeId: desk.officeId, givenName: "Pablo", familyName: "Conocido", phones: [{ label: "mobile", number: "622 333 444" }] });
      const first = await ring({ from: "622333444" });
      await desk.staff.ana.caller.calls.answer({ callId: first.call.id });
      await desk.staff.ana.caller.calls.hangUp({ callId: first.call.id });
      const second = await ring({ from: "622333444" });
      const { message } = await desk.staff.ana.caller.calls.takeMessage({ officeId: desk.officeId, callId: second.call.id, forStaffId: desk.staff.ben.id, body: "Vuelve a llamar" });
      const found = await desk.staff.ben.caller.calls.identify({ officeId: desk.officeId, number: "+34 622 333 444" });
      expect(found.number).toBe("+34622333444");
      expect(found.clients.map((item) => item.id)).toEqual([client.id]);
      expect(found.interactions.map((item) => [item.kind, item.id])).toEqual(
        expect.arrayContaining([
          ["call", first.call.id],
          ["call", second.call.id],
          ["message", message.id],
        ]),
      );
      const times = found.interactions.map((item) => item.at);
      expect([...times].sort().reverse()).toEqual(times);
      expect(await desk.staff.ben.caller.calls.identify({ officeId: desk.officeId, number: "not a number" })).toEqual({ number: null, clients: [], interactions: [] });
    });

    it("logs calls with wait, outcome and who handled them", async () => {
      const { call } = await ring();
      server.clock.advance(5_000);
      await desk.staff.ben.caller.calls.answer({ callId: call.id });
      server.clock.advance(60_000);
      await desk.staff.ben.caller.calls.hangUp({ callId: call.id });
      const log = await desk.staff.carla.caller.calls.log({ officeId: desk.officeId, limit: 200 });
      const entry = log.find((item) => item.id === call.id)!;
      expect(entry).toMatchObject({ outcome: "answered", waitSeconds: 5, talkSeconds: 60, handledBy: [{ id: desk.staff.ben.id, displayName: "Ben" }], transfers: 0 });
      expect(entry.events.map((event) => event.kind)).toEqual(["offered", "routed", "answered", "ended"]);
      expect(log.map((item) => item.offeredAt)).toEqual([...log.map((item) => item.offeredAt)].sort().reverse());
    });

    it("shows presence for the office", async () => {
      await desk.staff.carla.caller.calls.presence.set({ status: "on_break" });
      const list = await desk.staff.ana.caller.calls.presence.list({ officeId: desk.officeId });
      expect(list.find((item) => item.staffId === desk.staff.carla.id)).toMatchObject({ status: "on_break", displayName: "Carla", extension: "301" });
      expect(list.find((item) => item.staffId === desk.staff.owner.id)?.status).toBe("off_shift");
    });
  });

  describe("the live console", () => {
    it("yields the office's live calls, then each change", async () => {
      const waiting = await ring();
      const controller = new AbortController();
      const caller = createCallerFactory(appRouter)({ db: server.db, auth: server.auth, clock: server.clock, logger: server.logger, live: server.live, requestId: "live-test", headers: await signIn(server, "ben@calls.test") }, { signal: controller.signal });
      const feed = (await caller.calls.live({ officeId: desk.officeId }))[Symbol.asyncIterator]();
      const other = (await caller.calls.live({ officeId: desk.officeId }))[Symbol.asyncIterator]();
      const first = (await feed.next()).value as CallLiveEvent;
      expect(first.kind).toBe("snapshot");
      expect(first.kind === "snapshot" && first.calls.map((call) => call.id)).toEqual([waiting.call.id]);
      expect(((await other.next()).value as CallLiveEvent).kind).toBe("snapshot");
      await desk.staff.ana.caller.calls.answer({ callId: waiting.call.id });
      const changed = (await feed.next()).value as CallLiveEvent;
      expect(changed).toMatchObject({ kind: "call", call: { id: waiting.call.id, status: "connected", version: 2 } satisfies Partial<CallView> });
      // Both consoles of this process were given the one view loaded for the notice.
      const seenByOther = (await other.next()).value as CallLiveEvent;
      expect(seenByOther.kind === "call" && changed.kind === "call" && seenByOther.call === changed.call).toBe(true);
      await other.return?.(undefined);
      const simulated = await simulate();
      const arrived = (await feed.next()).value as CallLiveEvent;
      expect(arrived).toMatchObject({ kind: "call", call: { id: simulated.call.id, status: "ringing", source: "simulator" } });
      controller.abort();
      await feed.return?.(undefined);
    });

    it("refuses the feed to someone not signed in, and another organization's office", async () => {
      expect(await errorCodeOf(callerFor(server).calls.live({ officeId: desk.officeId }))).toBe("UNAUTHENTICATED");
      expect(await errorCodeOf(desk.staff.ana.caller.calls.live({ officeId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    });
  });
});
