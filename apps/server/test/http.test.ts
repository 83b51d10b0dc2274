import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { createAuth } from "../src/auth.js";
import { buildHttpServer } from "../src/http/server.js";
import type { AppRouter } from "../src/trpc/app-router.js";
import { PASSWORD, addStaff, createTestServer, setUpOrganization, testTargets, type TestServer } from "./harness.js";

/** A browser-like session: keeps the cookies the server sets. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly origin: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.origin);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    const response = await fetch(`${this.origin}${path}`, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      const value = rest.join("=");
      if (!name) continue;
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  signIn(email: string, password = PASSWORD) {
    return this.fetch("/api/auth/sign-in/email", { method: "POST", body: JSON.stringify({ email, password }) });
  }

  api() {
    return createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${this.origin}/trpc`, fetch: (url, init) => this.fetch(String(url).slice(this.origin.length), init as RequestInit) })],
    });
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { code?: string } | undefined)?.code;
    throw error;
  }
}

describe.each(testTargets())("HTTP on %s", (target) => {
  let server: TestServer;
  let app: FastifyInstance;
  let origin: string;

  beforeAll(async () => {
    server = await createTestServer(target);
    const port = await findFreePort("127.0.0.1");
    origin = `http://127.0.0.1:${port}`;
    const auth = createAuth({ db: server.db, secret: "http-test-secret-http-test-secret-0123", baseUrl: origin, trustedOrigins: [origin], secureCookies: false });
    server.auth = auth;
    app = await buildHttpServer({ db: server.db, auth, clock: server.clock, logger: server.logger, live: server.live }, { publicUrl: origin, webDist: undefined });
    await app.listen({ host: "127.0.0.1", port });
    const { organizationId, officeId } = await setUpOrganization(server, "Over the wire", "owner@wire.test");
    for (const name of ["desk", "idle", "twice", "limited"]) {
      await addStaff(server, organizationId, officeId, `${name}@wire.test`, ["receptionist"]);
    }
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it("answers /health and /ready, with a request id", async () => {
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("x-request-id")).toMatch(/.{8,}/);
    const ready = await fetch(`${origin}/ready`, { headers: { "x-request-id": "trace-12345678" } });
    expect(await ready.json()).toEqual({ status: "ready" });
    expect(ready.headers.get("x-request-id")).toBe("trace-12345678");
  });

  it("signs in with an HttpOnly, SameSite session cookie and serves the API to it", async () => {
    const browser = new Browser(origin);
    const response = await browser.signIn("desk@wire.test");
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((item) => item.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await browser.api().session.me.query();
    expect(me.staff.email).toBe("desk@wire.test");
    expect(me.permissions).toContain("clients.write");
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const response = await new Browser(origin).signIn("desk@wire.test", "wrong password!");
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).not.toMatch(/password hash|scrypt/i);
  });

  it("reports bad input over HTTP as VALIDATION_FAILED with field issues, not a 500", async () => {
    const browser = new Browser(origin);
    await browser.signIn("desk@wire.test");
    const response = await browser.fetch("/trpc/clients.create", { method: "POST", body: JSON.stringify({ familyName: "Pérez", phones: [{ number: "abc" }] }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { code: string; issues: { path: unknown[]; key: string }[] } } };
    expect(body.error.data.code).toBe("VALIDATION_FAILED");
    expect(body.error.data.issues).toContainEqual({ path: ["phones", 0, "number"], key: "validation.phone_invalid" });
  });

  it("rate-limits sign-in attempts from one address", async () => {
    await server.db.deleteFrom("auth_rate_limit").execute();
    const browser = new Browser(origin);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) statuses.push((await browser.signIn("limited@wire.test", "not the password")).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    await server.db.deleteFrom("auth_rate_limit").execute();
  });

  it("ends a session after 30 idle minutes", async () => {
    const browser = new Browser(origin);
    await browser.signIn("idle@wire.test");
    expect(await codeOf(browser.api().session.me.query())).toBe("OK");
    const user = await server.db.selectFrom("auth_user").select("id").where("email", "=", "idle@wire.test").executeTakeFirstOrThrow();
    const session = await server.db.selectFrom("auth_session").select("expires_at").where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(new Date(session.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000 + 5000);
    await server.db.updateTable("auth_session").set({ expires_at: new Date(Date.now() - 1000) }).where("user_id", "=", user.id).execute();
    expect(await codeOf(browser.api().session.me.query())).toBe("UNAUTHENTICATED");
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const browser = new Browser(origin);
    await browser.signIn("desk@wire.test");
    expect(await codeOf(browser.api().clients.search.query({ query: "" }))).toBe("OK");
    server.clock.advance(12 * 3600 * 1000 + 1000);
    try {
      expect(await codeOf(browser.api().clients.search.query({ query: "" }))).toBe("SESSION_EXPIRED");
      expect(await codeOf(browser.api().clients.search.query({ query: "" }))).toBe("UNAUTHENTICATED");
    } finally {
      server.clock.advance(-(12 * 3600 * 1000 + 1000));
    }
  });

  it("a password change ends the other sessions, and sign-out everywhere ends all", async () => {
    const laptop = new Browser(origin);
    const phone = new Browser(origin);
    await laptop.signIn("twice@wire.test");
    await phone.signIn("twice@wire.test");
    const changed = await laptop.fetch("/api/auth/change-password", {
      method: "POST",
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "a brand new password", revokeOtherSessions: false }),
    });
    expect(changed.status).toBe(200);
    expect(await codeOf(phone.api().session.me.query())).toBe("UNAUTHENTICATED");
    expect(await codeOf(laptop.api().session.me.query())).toBe("OK");

    const tablet = new Browser(origin);
    expect((await tablet.signIn("twice@wire.test", "a brand new password")).status).toBe(200);
    expect((await laptop.fetch("/api/auth/revoke-sessions", { method: "POST", body: "{}" })).status).toBe(200);
    expect(await codeOf(tablet.api().session.me.query())).toBe("UNAUTHENTICATED");
    expect(await codeOf(laptop.api().session.me.query())).toBe("UNAUTHENTICATED");
  });

  it("does not let a caller spoof its address to dodge the rate limit", async () => {
    await server.db.deleteFrom("auth_rate_limit").execute();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const browser = new Browser(origin);
      const response = await browser.fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "x-frontoffice-client-ip": `10.0.0.${attempt}`, "x-forwarded-for": `10.0.0.${attempt}` },
        body: JSON.stringify({ email: "limited@wire.test", password: "not the password" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
    await server.db.deleteFrom("auth_rate_limit").execute();
  });
});
