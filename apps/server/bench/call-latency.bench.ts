/**
 * Webhook-to-console latency, on PostgreSQL: `pnpm bench` at the root (turbo runs this package's
 * `bench`), when TEST_DATABASE_URL is set (the fan-out under test is LISTEN/NOTIFY).
 *
 * On a fresh PostgreSQL database: one Madrid office open round the clock, a receptionist available
 * in reception, a generic telephony endpoint, and 20 receptionists each signed in over HTTP with a
 * console subscribed to `calls.live` (tRPC over server-sent events, the `eventsource` package, as
 * in the live test). The server is one `frontoffice serve` process of its own (from the sources),
 * so the consoles and the phone system in this process do not share its event loop.
 *
 * Then signed webhook events are sent one after another, each call rung then ended (one line at a
 * time): for each event, the time from sending the webhook to each console receiving the matching
 * update. Prints p50/p95/max over every (event, console) pair, the webhook's own round trip, and
 * events per second (each event counted once every console has it). Asserts no timing. See
 * bench/README.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { CallView } from "@frontoffice/domain";
import { addStaff, callerFor, createTestServer, setUpOrganization, signIn, type TestServer } from "../test/harness.js";
import { LiveConsole, consoleClient, onDuty, openAllHours, postGeneric, signInOverHttp, startServerProcess, stopServerProcess } from "../test/telephony.fixtures.js";
import { runBenchmark } from "./run.js";

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((item) => item.startsWith(`--${name}=`));
  const value = found ? Number(found.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const EVENTS = arg("call-events", 200); // timed webhook events (half ringing, half ended)
const WARMUP = arg("call-warmup", 20);
const CONSOLES = arg("consoles", 20);
/** An event not seen by every console within this long means the fan-out is broken: the run stops. */
const GIVE_UP_MS = 15_000;

const out = (line = "") => process.stdout.write(`${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value: number) => value.toFixed(1).padStart(6);

const open = new Set<{ close(): Promise<void> }>();

/** Who is waiting for which update: one expectation per (event, console). */
interface Expectation {
  match: (call: CallView) => boolean;
  sentAt: number;
  seenAt: (number | undefined)[];
  remaining: number;
  done: () => void;
}

async function main(): Promise<void> {
  out(`webhook-to-console latency — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}`);
  if (!process.env.TEST_DATABASE_URL) {
    out("skipped: set TEST_DATABASE_URL to a PostgreSQL server (the consoles' fan-out is PostgreSQL LISTEN/NOTIFY)");
    return;
  }
  const setup: TestServer = await createTestServer("postgres");
  open.add(setup);
  const { organizationId, officeId } = await setUpOrganization(setup, "Bench", "owner@bench.test");
  const reception = await openAllHours(setup.db, organizationId, officeId);
  const deskId = await addStaff(setup, organizationId, officeId, "desk@bench.test", ["receptionist"]);
  await onDuty(setup.db, organizationId, officeId, reception.id, deskId, setup.clock.now());
  const endpoint = await callerFor(setup, await signIn(setup, "owner@bench.test")).telephony.endpoints.create({ officeId, provider: "generic", label: "Bench" });
  const emails = Array.from({ length: CONSOLES }, (_, index) => `console${index + 1}@bench.test`);
  for (const email of emails) await addStaff(setup, organizationId, officeId, email, ["receptionist"]);

  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${setup.database.name!}`;
  const dataDir = mkdtempSync(join(tmpdir(), "fo-call-latency-"));
  const server = await startServerProcess(url.toString(), dataDir);
  open.add({ close: async () => { await stopServerProcess(server); rmSync(dataDir, { recursive: true, force: true }); } });

  // One console per receptionist, each over its own SSE connection with its own session.
  let current: Expectation | undefined;
  const consoles: LiveConsole[] = [];
  for (const [index, email] of emails.entries()) {
    // Sign-in is limited to 10 a minute per address: each group of consoles signs in from its own.
    const client = consoleClient(server.origin, await signInOverHttp(server.origin, email, { from: `127.0.1.${1 + Math.floor(index / 8)}` }));
    const live = new LiveConsole(client, officeId, (call) => {
      const expected = current;
      if (!expected || expected.seenAt[index] !== undefined || !expected.match(call)) return;
      expected.seenAt[index] = performance.now();
      if (--expected.remaining === 0) expected.done();
    });
    consoles.push(live);
    open.add({ close: async () => live.close() });
  }
  await Promise.all(consoles.map((live) => live.ready()));
  // Updates are only ever kept in `seen` by the consoles; drop them as the run goes.
  const forget = () => consoles.forEach((live) => live.seen.splice(0));

  /** Sends one event and waits until every console has the update it causes. */
  const send = async (event: Record<string, unknown>, match: (call: CallView) => boolean) => {
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const expectation: Expectation = { match, sentAt: 0, seenAt: new Array<number | undefined>(CONSOLES).fill(undefined), remaining: CONSOLES, done };
    current = expectation;
    expectation.sentAt = performance.now();
    const answer = await postGeneric(server.origin, endpoint, event as never);
    const roundTrip = performance.now() - expectation.sentAt;
    if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${expectation.remaining} of ${CONSOLES} consoles never saw ${JSON.stringify(event)}`)), GIVE_UP_MS);
    });
    await Promise.race([all, gaveUp]).finally(() => clearTimeout(timer));
    current = undefined;
    forget();
    return { roundTrip, latencies: expectation.seenAt.map((at) => at! - expectation.sentAt) };
  };

  /** One call: rung, then ended; two events. */
  const call = async (index: number) => {
    const name = `Bench caller ${index}`;
    const callId = `bench-${index}`;
    const ringing = await send({ event: "ringing", callId, from: `+3461${String(index).padStart(7, "0")}`, callerName: name, extension: reception.extension }, (view) => view.callerName === name && view.status !== "ended");
    const ended = await send({ event: "ended", callId, reason: "caller_hung_up" }, (view) => view.callerName === name && view.status === "ended");
    return [ringing, ended];
  };

  for (let index = 0; index < Math.ceil(WARMUP / 2); index++) await call(1_000_000 + index);

  const pairs: number[] = [];
  const roundTrips: number[] = [];
  const started = performance.now();
  const calls = Math.ceil(EVENTS / 2);
  for (let index = 0; index < calls; index++) {
    for (const result of await call(index)) {
      pairs.push(...result.latencies);
      roundTrips.push(result.roundTrip);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  pairs.sort((a, b) => a - b);
  roundTrips.sort((a, b) => a - b);

  out();
  out("consoles | events | pairs | webhook p50 / p95 ms | seen p50 ms | p95 ms | max ms | events/s");
  out("-------- | ------ | ----- | -------------------- | ----------- | ------ | ------ | --------");
  out(
    `${String(CONSOLES).padStart(8)} | ${String(roundTrips.length).padStart(6)} | ${String(pairs.length).padStart(5)} | ${`${ms(percentile(roundTrips, 50))} / ${ms(percentile(roundTrips, 95))}`.padStart(20)} | ` +
      `${ms(percentile(pairs, 50)).padStart(11)} | ${ms(percentile(pairs, 95))} | ${ms(pairs.at(-1) ?? 0)} | ${(roundTrips.length / seconds).toFixed(1).padStart(8)}`,
  );
  out();
  out(`seen: the time from sending the webhook to a console receiving the update, over every (event, console) pair; the target is under 1000 ms (issue 5)`);

  for (const resource of [...open].reverse()) {
    await resource.close();
    open.delete(resource);
  }
}

runBenchmark(main, open);
