import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { notifyCallChanged, type CallNotice } from "../src/live/calls.js";
import type { CallSignal } from "../src/live/hub.js";
import { createTestServer, testTargets, type TestServer } from "./harness.js";

/** Collects what an iterator yields until `count` signals arrived (or a second passed). */
async function collect(iterable: AsyncIterable<CallSignal>, count: number): Promise<CallSignal[]> {
  const received: CallSignal[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  const deadline = Date.now() + 2_000;
  while (received.length < count && Date.now() < deadline) {
    const next = await Promise.race([iterator.next(), new Promise<"late">((resolve) => setTimeout(() => resolve("late"), 100))]);
    if (next === "late") continue;
    if (next.done) break;
    received.push(next.value);
  }
  return received;
}

describe.each(testTargets())("the live hub on %s", (target) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("tells an office's subscribers of a committed call change, not another office's, and not a rolled-back one", async () => {
    server = await createTestServer(target);
    const organizationId = randomUUID();
    const officeA = randomUUID();
    const officeB = randomUUID();
    const abort = new AbortController();
    const signals = server.live.callSignals(organizationId, officeA, abort.signal);
    const notice = (officeId: string, version: number): CallNotice => ({ organizationId, officeId, callId: randomUUID(), version });

    const first = notice(officeA, 1);
    await server.db.transaction().execute((trx) => notifyCallChanged(trx, first));
    await server.db
      .transaction()
      .execute(async (trx) => {
        await notifyCallChanged(trx, notice(officeA, 2));
        throw new Error("rolled back");
      })
      .catch(() => {});
    await notifyCallChanged(server.db, notice(officeB, 3));
    const last = notice(officeA, 4);
    await notifyCallChanged(server.db, last);

    const received = await collect(signals, 3);
    expect(received).toEqual([
      { kind: "notice", notice: first },
      { kind: "notice", notice: last },
    ]);
    abort.abort();
  });

  it("ends a subscription when its request is aborted, and all of them when the hub stops", async () => {
    server = await createTestServer(target);
    const organizationId = randomUUID();
    const officeId = randomUUID();
    const abort = new AbortController();
    const aborted = collect(server.live.callSignals(organizationId, officeId, abort.signal), 1);
    const stopped = collect(server.live.callSignals(organizationId, officeId, undefined), 1);
    expect(server.live.subscriberCount).toBe(2);

    abort.abort();
    expect(await aborted).toEqual([]);
    expect(server.live.subscriberCount).toBe(1);

    await server.live.stop();
    expect(await stopped).toEqual([]);
    expect(server.live.subscriberCount).toBe(0);
  });
});
