import { jsonb } from "@frontoffice/db";
import { parseICalendar } from "@frontoffice/scheduling";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/app.js";
import { createAuth } from "../src/auth.js";
import { buildHttpServer } from "../src/http/server.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";

const DAY = 86_400_000;

describe.each(testTargets())("private calendar feeds over HTTP on %s", (target) => {
  let server: TestServer;
  let app: FastifyInstance;
  let origin: string;
  let ours: { organizationId: string; officeId: string; deskId: string; serviceId: string; clientId: string };
  let desk: ReturnType<typeof callerFor>;
  let colleague: ReturnType<typeof callerFor>;
  let manager: ReturnType<typeof callerFor>;
  let outsider: ReturnType<typeof callerFor>;

  const get = (url: string) => fetch(url);

  async function book(staffId: string, startsAt: Date, status: "booked" | "cancelled" = "booked") {
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    await server.db
      .insertInto("appointment")
      .values({
        organization_id: ours.organizationId, office_id: ours.officeId, service_id: ours.serviceId, staff_id: staffId, client_id: ours.clientId,
        starts_at: startsAt, ends_at: endsAt, blocked_from: startsAt, blocked_until: endsAt, status, notes: "Dolor en la muela 36",
        ...(status === "cancelled" ? { cancelled_at: startsAt, cancel_reason: "client_request" as const } : {}),
      })
      .execute();
  }

  beforeAll(async () => {
    server = await createTestServer(target);
    const port = await findFreePort("127.0.0.1");
    origin = `http://127.0.0.1:${port}`;
    server.auth = createAuth({ db: server.db, secret: "feed-test-secret-feed-test-secret-0123", baseUrl: origin, trustedOrigins: [origin], secureCookies: false });
    app = await buildHttpServer({ db: server.db, auth: server.auth, clock: server.clock, logger: server.logger, live: server.live }, { publicUrl: origin, webDist: undefined });
    await app.listen({ host: "127.0.0.1", port });

    const organization = await setUpOrganization(server, "Clínica", "owner@clinic.test");
    const deskId = await addStaff(server, organization.organizationId, organization.officeId, "desk@clinic.test", ["receptionist"]);
    await addStaff(server, organization.organizationId, organization.officeId, "colleague@clinic.test", ["receptionist"]);
    await addStaff(server, organization.organizationId, organization.officeId, "manager@clinic.test", ["manager"]);
    const service = await server.db.insertInto("service").values({ organization_id: organization.organizationId, office_id: organization.officeId, name: "Endodoncia", duration_minutes: 30 }).returning("id").executeTakeFirstOrThrow();
    const client = await server.db
      .insertInto("client")
      .values({ organization_id: organization.organizationId, kind: "person", given_name: "Lucía", family_name: "Secreto", display_name: "Lucía Secreto", phones: jsonb([{ label: "mobile" as const, number: "+34 600 000 000" }]) })
      .returning("id")
      .executeTakeFirstOrThrow();
    ours = { ...organization, deskId, serviceId: service.id, clientId: client.id };

    await setUpOrganization(server, "Otra", "owner@other.test");
    desk = callerFor(server, await signIn(server, "desk@clinic.test"));
    colleague = callerFor(server, await signIn(server, "colleague@clinic.test"));
    manager = callerFor(server, await signIn(server, "manager@clinic.test"));
    outsider = callerFor(server, await signIn(server, "owner@other.test"));
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it("gives a staff member a feed URL once, keeps only its hash, and serves their appointments as iCalendar", async () => {
    const now = server.clock.now();
    await book(ours.deskId, new Date(now.getTime() + 2 * DAY));
    await book(ours.deskId, new Date(now.getTime() - 10 * DAY));
    await book(ours.deskId, new Date(now.getTime() + 3 * DAY), "cancelled");
    await book(ours.deskId, new Date(now.getTime() - 40 * DAY));
    await book(ours.deskId, new Date(now.getTime() + 200 * DAY));

    const feed = await desk.calendarFeeds.create();
    expect(feed.url).toMatch(new RegExp(`^${origin}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(feed.staffId).toBe(ours.deskId);
    const token = /calendar\/(.+)\.ics$/.exec(feed.url)![1]!;
    const stored = await server.db.selectFrom("calendar_feed").selectAll().where("id", "=", feed.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await desk.calendarFeeds.list()).toEqual([{ id: feed.id, staffId: ours.deskId, createdAt: feed.createdAt, revokedAt: null }]);

    const response = await get(feed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await response.text();
    const calendar = parseICalendar(text);
    expect(calendar.events).toHaveLength(2);
    for (const event of calendar.events) {
      expect(event.summary).toBe("Lucía");
      expect(event.location).toBe("Clínica Dental Sol");
    }
    // A medical office: nothing beyond the client's first name reaches a calendar app.
    expect(text).not.toMatch(/Secreto|Endodoncia|muela|600 000/);
  });

  it("lets only the staff member and managers see and revoke a feed; a revoked or unknown token is 404", async () => {
    const feed = await desk.calendarFeeds.create();
    expect(await errorCodeOf(colleague.calendarFeeds.create({ staffId: ours.deskId }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(colleague.calendarFeeds.list({ staffId: ours.deskId }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(colleague.calendarFeeds.revoke({ id: feed.id }))).toBe("FORBIDDEN");
    expect((await get(feed.url)).status).toBe(200);

    expect((await manager.calendarFeeds.list({ staffId: ours.deskId })).map((item) => item.id)).toContain(feed.id);
    const revoked = await manager.calendarFeeds.revoke({ id: feed.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const response = await get(feed.url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("BEGIN:VCALENDAR");

    expect((await get(`${origin}/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await get(`${origin}/calendar/not-a-token.ics`)).status).toBe(404);
    expect((await get(feed.url.replace(/\.ics$/, ""))).status).toBe(404);
  });

  it("refuses another organization: it cannot revoke, list or create for our staff", async () => {
    const feed = await desk.calendarFeeds.create();
    expect(await errorCodeOf(outsider.calendarFeeds.revoke({ id: feed.id }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(outsider.calendarFeeds.list({ staffId: ours.deskId }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(outsider.calendarFeeds.create({ staffId: ours.deskId }))).toBe("NOT_FOUND");
    expect((await get(feed.url)).status).toBe(200);
  });
});
