import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStaff, callerFor, createTestServer, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";
import { LiveConsole, consoleClient, onDuty, openAllHours, postGeneric, signInOverHttp, startServerProcess, stopServerProcess, type ServerProcess } from "./telephony.fixtures.js";

/**
 * Two server processes on one PostgreSQL database. A console subscribed on B sees a call that
 * arrived through A's webhook ring, get answered through A, and end: B learns of it only through
 * PostgreSQL LISTEN/NOTIFY, since nothing else connects the two processes.
 */
describe.runIf(testTargets().includes("postgres"))("live calls across two server processes (PostgreSQL)", () => {
  let setup: TestServer;
  let dataDir: string;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let officeId: string;
  let endpoint: { id: string; secret: string };
  let liveOnB: LiveConsole | undefined;

  beforeAll(async () => {
    // A fresh, migrated database; the two processes then migrate it again (nothing to do).
    setup = await createTestServer("postgres");
    const organization = await setUpOrganization(setup, "Dos Servidores", "owner@two.test");
    officeId = organization.officeId;
    const reception = await openAllHours(setup.db, organization.organizationId, officeId);
    const deskId = await addStaff(setup, organization.organizationId, officeId, "desk@two.test", ["receptionist"]);
    await onDuty(setup.db, organization.organizationId, officeId, reception.id, deskId, setup.clock.now());
    endpoint = await callerFor(setup, await signIn(setup, "owner@two.test")).telephony.endpoints.create({ officeId, provider: "generic", label: "Centralita" });

    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${setup.database.name!}`;
    dataDir = mkdtempSync(join(tmpdir(), "fo-two-servers-"));
    [a, b] = await Promise.all([startServerProcess(url.toString(), join(dataDir, "a")), startServerProcess(url.toString(), join(dataDir, "b"))]);
  }, 120_000);

  afterAll(async () => {
    liveOnB?.close();
    await Promise.all([stopServerProcess(a), stopServerProcess(b)]);
    await setup?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("a console on B sees the call rung, answered and ended through A", async () => {
    // The receptionist is signed in on both servers, as two browsers would be.
    const onA = consoleClient(a!.origin, await signInOverHttp(a!.origin, "desk@two.test"));
    const onB = consoleClient(b!.origin, await signInOverHttp(b!.origin, "desk@two.test"));
    liveOnB = new LiveConsole(onB, officeId);
    await liveOnB.ready();
    expect(liveOnB.seen).toEqual([]);

    const ringing = await postGeneric(a!.origin, endpoint, { event: "ringing", callId: "two-servers-1", from: "+34612345678", callerName: "Ana Pérez", extension: "100" });
    expect(ringing.status).toBe(200);
    const callId = ringing.body.callId as string;
    const rung = await liveOnB.waitFor((call) => call.id === callId);
    expect(rung).toMatchObject({ status: "ringing", callerNumber: "+34612345678", callerName: "Ana Pérez", line: 1 });

    await onA.calls.answer.mutate({ callId });
    const connected = await liveOnB.waitFor((call) => call.id === callId && call.status === "connected");
    expect(connected.answeredAt).not.toBeNull();
    expect(connected.version).toBeGreaterThan(rung.version);

    expect((await postGeneric(a!.origin, endpoint, { event: "ended", callId: "two-servers-1", reason: "completed" })).status).toBe(200);
    const ended = await liveOnB.waitFor((call) => call.id === callId && call.status === "ended");
    expect(ended).toMatchObject({ outcome: "answered", endedAt: expect.any(String) });

    // And B answers reads of its own from the same database.
    expect((await onB.calls.get.query({ callId })).status).toBe("ended");
  }, 60_000);
});
