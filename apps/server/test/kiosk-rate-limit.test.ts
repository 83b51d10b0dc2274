import { request } from "node:http";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { KIOSK_ATTEMPTS_PER_MINUTE } from "../src/http/attempt-limiter.js";
import { buildHttpServer } from "../src/http/server.js";
import { callerFor, createTestServer, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";

interface Answer {
  status: number;
  code: string | undefined;
}

/**
 * Calls a kiosk mutation over a real socket bound to `from` (any 127.x.y.z reaches the server on
 * Linux), so the server sees a different client address per caller.
 */
function kioskCall(port: number, from: string, procedure: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const call = request(
      { host: "127.0.0.1", port, localAddress: from, method: "POST", path: `/trpc/kiosk.${procedure}`, headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          const parsed = JSON.parse(text) as { error?: { data?: { code?: string } } };
          resolve({ status: response.statusCode ?? 0, code: parsed.error?.data?.code });
        });
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

const BADGE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A well-formed badge code, different for each attempt and other than `taken`. */
function wrongCode(attempt: number, taken: string): string {
  const code = `QQQQ${BADGE_LETTERS[Math.floor(attempt / BADGE_LETTERS.length) % BADGE_LETTERS.length]}${BADGE_LETTERS[attempt % BADGE_LETTERS.length]}`;
  return code === taken ? "YYYYYY" : code;
}

describe.each(testTargets())("kiosk rate limit on %s", (target) => {
  let server: TestServer;
  let app: FastifyInstance;
  let port: number;
  let token: string;
  let visit: { id: string; badgeCode: string };

  beforeAll(async () => {
    server = await createTestServer(target);
    port = await findFreePort("127.0.0.1");
    const origin = `http://127.0.0.1:${port}`;
    app = await buildHttpServer({ db: server.db, auth: server.auth, clock: server.clock, logger: server.logger, live: server.live }, { publicUrl: origin, webDist: undefined });
    await app.listen({ host: "127.0.0.1", port });
    const { officeId } = await setUpOrganization(server, "Quiosco Limitado", "owner@limit.test");
    const owner = callerFor(server, await signIn(server, "owner@limit.test"));
    token = (await owner.visitors.createKioskToken({ officeId, label: "Entrada" })).token;
    const me = await owner.session.me();
    visit = await owner.visitors.preRegister({ officeId, visitorName: "Con Cita", hostStaffId: me.staff.id, expectedAt: server.clock.now().toISOString() });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it("refuses an address after too many badge codes, whatever header it sends; another address still checks in", async () => {
    const guesses: Answer[] = [];
    for (let attempt = 0; attempt < KIOSK_ATTEMPTS_PER_MINUTE; attempt++) {
      // A forged client-address header must not give each guess a fresh allowance.
      guesses.push(await kioskCall(port, "127.0.0.1", "checkInWithCode", { token, code: wrongCode(attempt, visit.badgeCode) }, { "x-frontoffice-client-ip": `10.1.0.${attempt}`, "x-forwarded-for": `10.1.0.${attempt}` }));
    }
    expect(guesses.every((answer) => answer.status === 404 && answer.code === "BADGE_CODE_UNKNOWN")).toBe(true);

    // Past the limit even the right code is refused, and nothing is written.
    expect(await kioskCall(port, "127.0.0.1", "checkInWithCode", { token, code: visit.badgeCode })).toEqual({ status: 429, code: "RATE_LIMITED" });
    expect(await kioskCall(port, "127.0.0.1", "checkOut", { token, code: visit.badgeCode }, { "x-frontoffice-client-ip": "10.9.9.9" })).toEqual({ status: 429, code: "RATE_LIMITED" });
    const untouched = await server.db.selectFrom("visit").select(["status", "checked_in_at"]).where("id", "=", visit.id).executeTakeFirstOrThrow();
    expect(untouched).toEqual({ status: "expected", checked_in_at: null });

    // Another address has its own allowance.
    expect(await kioskCall(port, "127.0.0.2", "checkInWithCode", { token, code: visit.badgeCode })).toEqual({ status: 200, code: undefined });

    // A minute later the first address may try again.
    server.clock.advance(60_000);
    expect(await kioskCall(port, "127.0.0.1", "checkOut", { token, code: visit.badgeCode })).toEqual({ status: 200, code: undefined });
  });
});
