import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { buildHttpServer } from "../src/http/server.js";
import { TELEPHONY_BODY_LIMIT } from "../src/modules/telephony/http.js";
import { signGeneric, twilioSignature } from "../src/modules/telephony/signatures.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";
import { onDuty, openAllHours, postGeneric, postTwilio } from "./telephony.fixtures.js";

/**
 * The telephony webhooks over real HTTP, signed as a phone system signs them: the call log they
 * write, and every refusal writing nothing at all.
 */
describe.each(testTargets())("telephony webhooks on %s", (target) => {
  let server: TestServer;
  let app: FastifyInstance;
  let origin: string;
  let ours: { organizationId: string; officeId: string };
  let reception: { id: string; extension: string };
  let deskStaffId: string;
  let owner: ReturnType<typeof callerFor>;
  let generic: { id: string; secret: string };
  let twilio: { id: string; secret: string };
  let theirs: { id: string; secret: string };

  const rowCounts = async () => {
    const calls = await server.db.selectFrom("call").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const events = await server.db.selectFrom("call_event").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    return { calls: Number(calls.n), events: Number(events.n) };
  };
  const lastUsed = async (id: string) => (await server.db.selectFrom("telephony_endpoint").select("last_used_at").where("id", "=", id).executeTakeFirstOrThrow()).last_used_at;

  beforeAll(async () => {
    server = await createTestServer(target);
    const port = await findFreePort("127.0.0.1");
    origin = `http://127.0.0.1:${port}`;
    app = await buildHttpServer({ db: server.db, auth: server.auth, clock: server.clock, logger: server.logger, live: server.live }, { publicUrl: origin, webDist: undefined });
    await app.listen({ host: "127.0.0.1", port });

    ours = await setUpOrganization(server, "Centralita", "owner@phone.test");
    reception = await openAllHours(server.db, ours.organizationId, ours.officeId);
    deskStaffId = await addStaff(server, ours.organizationId, ours.officeId, "desk@phone.test", ["receptionist"]);
    await onDuty(server.db, ours.organizationId, ours.officeId, reception.id, deskStaffId, server.clock.now());
    owner = callerFor(server, await signIn(server, "owner@phone.test"));
    generic = await owner.telephony.endpoints.create({ officeId: ours.officeId, provider: "generic", label: "Centralita" });
    twilio = await owner.telephony.endpoints.create({ officeId: ours.officeId, provider: "twilio", label: "Twilio", authToken: "0123456789abcdef0123456789abcdef" });

    const other = await setUpOrganization(server, "Ajena", "owner@other.test");
    await openAllHours(server.db, other.organizationId, other.officeId);
    theirs = await callerFor(server, await signIn(server, "owner@other.test")).telephony.endpoints.create({ officeId: other.officeId, provider: "generic", label: "Ajena" });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it("shows managers the webhook URLs to paste, and the secret only once", async () => {
    expect(generic.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(twilio.secret).toBe("0123456789abcdef0123456789abcdef");
    const list = await owner.telephony.endpoints.list({ officeId: ours.officeId });
    expect(list.map((endpoint) => endpoint.label).sort()).toEqual(["Centralita", "Twilio"]);
    expect(JSON.stringify(list)).not.toContain(generic.secret);
    expect(JSON.stringify(list)).not.toContain(twilio.secret);
    expect(list.find((endpoint) => endpoint.id === generic.id)?.webhooks).toEqual([{ purpose: "events", url: `${server.auth.options.baseURL}/telephony/${generic.id}/events` }]);
    expect(list.find((endpoint) => endpoint.id === twilio.id)?.webhooks.map((hook) => hook.purpose)).toEqual(["voice", "status"]);
    // A receptionist may not configure phone systems.
    const desk = callerFor(server, await signIn(server, "desk@phone.test"));
    expect(await errorCodeOf(desk.telephony.endpoints.list({}))).toBe("FORBIDDEN");
    // The auth token is Twilio's; a generic endpoint's secret is always made here.
    expect(await errorCodeOf(owner.telephony.endpoints.create({ officeId: ours.officeId, provider: "generic", label: "X", authToken: "0123456789abcdef0123" }))).toBe("VALIDATION_FAILED");
  });

  it("refuses a wrong signature, a stale or future timestamp, a missing one and an unknown endpoint: 401, nothing written", async () => {
    const before = await rowCounts();
    const event = { event: "ringing", callId: "refused-1", from: "+34612345678", extension: reception.extension };
    const body = JSON.stringify(event);
    const used = await lastUsed(generic.id);
    const refusals = [
      await postGeneric(origin, generic, event, { signature: signGeneric(`${generic.secret}x`, body, new Date()) }),
      await postGeneric(origin, generic, event, { at: new Date(Date.now() - 6 * 60_000) }),
      await postGeneric(origin, generic, event, { at: new Date(Date.now() + 6 * 60_000) }),
      await postGeneric(origin, generic, event, { signature: null }),
      await postGeneric(origin, generic, event, { signature: "t=1,v1=abc" }),
      // A body changed after signing.
      await postGeneric(origin, generic, body.replace("+34612345678", "+34699999999"), { signature: signGeneric(generic.secret, body, new Date()) }),
      await postGeneric(origin, { ...generic, id: "00000000-0000-4000-8000-000000000000" }, event),
      await postGeneric(origin, { ...generic, id: "not-a-uuid" }, event),
      // A generic endpoint's secret on the Twilio route, and the other way round.
      await postGeneric(origin, { id: twilio.id, secret: twilio.secret }, event),
    ];
    for (const refusal of refusals) {
      expect(refusal).toEqual({ status: 401, body: { error: { code: "TELEPHONY_SIGNATURE_INVALID", message: expect.any(String) } } });
    }
    expect((await postTwilio(origin, generic, "voice", { CallSid: "CArefused", From: "+34612345678", To: "+34910000000" })).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
    expect(await lastUsed(generic.id)).toEqual(used);
  });

  it("refuses another organization's endpoint signed with this secret, and this endpoint signed with theirs", async () => {
    const before = await rowCounts();
    const event = { event: "ringing", callId: "cross-1", from: "+34612345678" };
    expect((await postGeneric(origin, { id: theirs.id, secret: generic.secret }, event)).status).toBe(401);
    expect((await postGeneric(origin, { id: generic.id, secret: theirs.secret }, event)).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
    expect(await lastUsed(theirs.id)).toBeNull();
  });

  it("logs a call rung, answered and ended, with its times, and tells the phone system where it went", async () => {
    const ringing = await postGeneric(origin, generic, { event: "ringing", callId: "gen-1", from: "612 34 56 78", callerName: "Ana Pérez", extension: reception.extension });
    expect(ringing.status).toBe(200);
    expect(ringing.body).toMatchObject({ line: 1, status: "ringing", duplicate: false, decision: { action: "ring", explanation: expect.arrayContaining([expect.objectContaining({ code: "department_selected" })]) } });
    const callId = ringing.body.callId as string;

    const answered = await postGeneric(origin, generic, { event: "answered", callId: "gen-1" });
    expect(answered).toMatchObject({ status: 200, body: { callId, status: "connected" } });
    const ended = await postGeneric(origin, generic, { event: "ended", callId: "gen-1", reason: "completed" });
    expect(ended).toMatchObject({ status: 200, body: { callId, status: "ended" } });

    const call = await server.db.selectFrom("call").selectAll().where("id", "=", callId).executeTakeFirstOrThrow();
    expect(call).toMatchObject({ organization_id: ours.organizationId, source: "generic", endpoint_id: generic.id, external_id: "gen-1", caller_number: "+34612345678", caller_name: "Ana Pérez", status: "ended", outcome: "answered" });
    expect(call.offered_at).toBeInstanceOf(Date);
    expect(call.answered_at!.getTime()).toBeGreaterThanOrEqual(call.offered_at.getTime());
    expect(call.ended_at!.getTime()).toBeGreaterThanOrEqual(call.answered_at!.getTime());
    // The raw facts for the analysis: offered, answered, ended, each once and in time order.
    const events = await server.db.selectFrom("call_event").select(["kind", "at"]).where("call_id", "=", callId).execute();
    const at = (kind: string) => {
      const found = events.filter((event) => event.kind === kind);
      expect(found, kind).toHaveLength(1);
      return found[0]!.at.getTime();
    };
    expect(at("offered")).toBe(call.offered_at.getTime());
    expect(at("answered")).toBe(call.answered_at!.getTime());
    expect(at("ended")).toBe(call.ended_at!.getTime());
    expect(await lastUsed(generic.id)).toBeInstanceOf(Date);
  });

  it("records a repeated delivery once", async () => {
    const event = { event: "ringing", callId: "gen-dup", from: "+34612345679", extension: reception.extension } as const;
    const first = await postGeneric(origin, generic, event);
    const again = await postGeneric(origin, generic, event);
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, body: { callId: first.body.callId, duplicate: true } });
    const rows = await server.db.selectFrom("call").select("id").where("external_id", "=", "gen-dup").execute();
    expect(rows).toHaveLength(1);
    const offers = await server.db.selectFrom("call_event").select("id").where("call_id", "=", rows[0]!.id).where("kind", "=", "offered").execute();
    expect(offers).toHaveLength(1);
    await postGeneric(origin, generic, { event: "ended", callId: "gen-dup", reason: "caller_hung_up" });
  });

  it("answers bad input with clear errors and writes nothing", async () => {
    const before = await rowCounts();
    const notJson = await postGeneric(origin, generic, "{ not json");
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "TELEPHONY_EVENT_INVALID" } } });
    const badEvent = await postGeneric(origin, generic, { event: "exploded", callId: "" });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body).toMatchObject({ error: { code: "TELEPHONY_EVENT_INVALID", issues: expect.arrayContaining([expect.objectContaining({ path: ["event"] }), expect.objectContaining({ path: ["callId"] })]) } });
    expect(await postGeneric(origin, generic, { event: "ringing", callId: "bad-number", from: "call me maybe", extension: reception.extension })).toMatchObject({ status: 400, body: { error: { code: "ROUTING_INVALID_CALLER_NUMBER" } } });
    expect(await postGeneric(origin, generic, { event: "ringing", callId: "bad-extension", from: "+34612345678", extension: "9876" })).toMatchObject({ status: 404, body: { error: { code: "ROUTING_UNKNOWN_EXTENSION" } } });
    expect(await postGeneric(origin, generic, { event: "answered", callId: "never-rang" })).toMatchObject({ status: 404, body: { error: { code: "CALL_NOT_FOUND" } } });
    // Over the size limit: refused before anything is read.
    const huge = await postGeneric(origin, generic, { event: "ringing", callId: "huge", callerName: "x".repeat(TELEPHONY_BODY_LIMIT) });
    expect(huge.status).toBe(413);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers Twilio's incoming call with TwiML that dials the free staff member, then logs its status", async () => {
    const params = { CallSid: "CA0001", AccountSid: "AC0001", From: "+34612345670", To: "+34910000000", CallStatus: "ringing", Direction: "inbound", Digits: reception.extension, CallerName: "Bea & Co <SL>" };
    const voice = await postTwilio(origin, twilio, "voice", params);
    expect(voice.status).toBe(200);
    expect(voice.contentType).toMatch(/^text\/xml/);
    expect(voice.text).toContain(`<Dial timeout="30" action="${origin}/telephony/${twilio.id}/twilio/status" method="POST"><Client>${deskStaffId}</Client></Dial>`);
    const call = await server.db.selectFrom("call").selectAll().where("external_id", "=", "CA0001").executeTakeFirstOrThrow();
    expect(call).toMatchObject({ source: "twilio", endpoint_id: twilio.id, caller_name: "Bea & Co <SL>", extension: reception.extension, status: "ringing" });

    // Twilio retrying the same webhook gets the same answer and makes no second call.
    expect((await postTwilio(origin, twilio, "voice", params)).text).toBe(voice.text);
    expect(await server.db.selectFrom("call").select("id").where("external_id", "=", "CA0001").execute()).toHaveLength(1);

    expect(await postTwilio(origin, twilio, "status", { CallSid: "CA0001", CallStatus: "in-progress" })).toMatchObject({ status: 200, text: expect.stringContaining("<Response></Response>") });
    expect(await postTwilio(origin, twilio, "status", { CallSid: "CA0001", CallStatus: "in-progress", DialCallStatus: "completed" })).toMatchObject({ status: 200, text: expect.stringContaining("<Hangup/>") });
    expect(await server.db.selectFrom("call").select(["status", "outcome"]).where("id", "=", call.id).executeTakeFirstOrThrow()).toEqual({ status: "ended", outcome: "answered" });
    // Statuses that change nothing are acknowledged.
    expect(await postTwilio(origin, twilio, "status", { CallSid: "CA0001", CallStatus: "ringing" })).toMatchObject({ status: 200 });
  });

  it("asks a Twilio caller who dialled no extension, or one that does not exist, to dial one; the digits come back as the call", async () => {
    const before = await rowCounts();
    const voiceUrl = `${origin}/telephony/${twilio.id}/twilio/voice`;
    const first = await postTwilio(origin, twilio, "voice", { CallSid: "CA0004", From: "+34612345672", To: "+34910000000" });
    expect(first.status).toBe(200);
    expect(first.text).toContain(`<Gather input="dtmf" finishOnKey="#" timeout="8" action="${voiceUrl}" method="POST"><Say language="es-ES">Marque la extensión`);
    const wrong = await postTwilio(origin, twilio, "voice", { CallSid: "CA0004", From: "+34612345672", To: "+34910000000", Digits: "9876" });
    expect(wrong.text).toMatch(/^<\?xml[^>]*\?><Response><Say language="es-ES">Esa extensión no existe\.<\/Say><Gather /);
    expect(await rowCounts()).toEqual(before);
    // A webhook URL may name the extension and language itself (one number per department or language).
    const direct = await postTwilio(origin, twilio, "voice", { CallSid: "CA0005", From: "+34612345673", To: "+34910000001" }, { query: `extension=${reception.extension}&language=it` });
    expect(direct.text).toContain(`<Client>${deskStaffId}</Client>`);
    expect(await server.db.selectFrom("call").select(["extension", "language"]).where("external_id", "=", "CA0005").executeTakeFirstOrThrow()).toEqual({ extension: reception.extension, language: "it" });
    // While that call rings the only free receptionist, the next one for reception waits in its queue.
    const typed = await postTwilio(origin, twilio, "voice", { CallSid: "CA0004", From: "+34612345672", To: "+34910000000", Digits: reception.extension });
    expect(typed.text).toContain(`<Enqueue>${reception.id}</Enqueue>`);
    for (const sid of ["CA0004", "CA0005"]) expect((await postTwilio(origin, twilio, "status", { CallSid: sid, CallStatus: "canceled" })).text).toContain("<Hangup/>");
    expect(await server.db.selectFrom("call").select("outcome").where("external_id", "in", ["CA0004", "CA0005"]).execute()).toEqual([{ outcome: "abandoned" }, { outcome: "abandoned" }]);
  });

  it("refuses Twilio requests whose signature is wrong, missing, or made for another URL: 401, nothing written", async () => {
    const before = await rowCounts();
    const params = { CallSid: "CA0002", From: "+34612345670", To: "+34910000000" };
    expect((await postTwilio(origin, twilio, "voice", params, { signature: twilioSignature("ffffffffffffffffffffffffffffffff", `${origin}/telephony/${twilio.id}/twilio/voice`, Object.entries(params)) })).status).toBe(401);
    expect((await postTwilio(origin, twilio, "voice", params, { signature: null })).status).toBe(401);
    expect((await postTwilio(origin, twilio, "voice", params, { signedUrl: `http://evil.test/telephony/${twilio.id}/twilio/voice` })).status).toBe(401);
    expect((await postTwilio(origin, twilio, "status", { CallSid: "CA0001", CallStatus: "completed" }, { signature: "bm90IGEgc2lnbmF0dXJl" })).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers a Twilio call outside the call hours with the closing message in the office's language", async () => {
    const hours = await server.db.selectFrom("office").select("call_hours").where("id", "=", ours.officeId).executeTakeFirstOrThrow();
    await server.db.updateTable("office").set({ call_hours: JSON.stringify({}) as never }).where("id", "=", ours.officeId).execute();
    try {
      const voice = await postTwilio(origin, twilio, "voice", { CallSid: "CA0003", From: "+34612345671", To: "+34910000000", Digits: reception.extension });
      expect(voice.status).toBe(200);
      expect(voice.text).toMatch(/<Say language="es-ES">Ahora estamos cerrados\.[^<]*<\/Say><Hangup\/>/);
    } finally {
      await server.db.updateTable("office").set({ call_hours: JSON.stringify(hours.call_hours) as never }).where("id", "=", ours.officeId).execute();
    }
  });

  it("refuses a revoked endpoint's webhooks: 401, nothing written", async () => {
    const spare = await owner.telephony.endpoints.create({ officeId: ours.officeId, provider: "generic", label: "Vieja" });
    const revoked = await owner.telephony.endpoints.revoke({ id: spare.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    // Revoking again keeps the first time.
    expect((await owner.telephony.endpoints.revoke({ id: spare.id })).revokedAt).toEqual(revoked.revokedAt);
    const before = await rowCounts();
    expect((await postGeneric(origin, spare, { event: "ringing", callId: "revoked-1", from: "+34612345678", extension: reception.extension })).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
    expect(await lastUsed(spare.id)).toBeNull();
  });
});
