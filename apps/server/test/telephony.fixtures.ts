/**
 * What the telephony tests and the latency benchmark share: an office whose phones are open at
 * any hour with someone available at the desk, a phone system's signed webhook deliveries,
 * consoles signed in over HTTP that follow `calls.live`, and server processes started as an
 * operator starts them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "@frontoffice/db";
import type { CallLiveEvent, CallView, TelephonyEventInput } from "@frontoffice/domain";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import type { Kysely } from "kysely";
import { findFreePort } from "../src/app.js";
import type { AppRouter } from "../src/trpc/app-router.js";
import { GENERIC_SIGNATURE_HEADER, TWILIO_SIGNATURE_HEADER, signGeneric, twilioSignature } from "../src/modules/telephony/signatures.js";
import { PASSWORD } from "./harness.js";

const ALL_DAY = [{ start: "00:00", end: "24:00" }];
const EVERY_HOUR = { monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY, friday: ALL_DAY, saturday: ALL_DAY, sunday: ALL_DAY };

/**
 * Opens the office's phones round the clock, so routing does not depend on when the test runs,
 * and returns its first department with an extension (the preset's reception, 100).
 */
export async function openAllHours(db: Kysely<Database>, organizationId: string, officeId: string): Promise<{ id: string; extension: string }> {
  await db.updateTable("office").set({ call_hours: JSON.stringify(EVERY_HOUR) as never, call_holidays: JSON.stringify([]) as never }).where("id", "=", officeId).execute();
  const department = await db
    .selectFrom("department")
    .select(["id", "extension"])
    .where("organization_id", "=", organizationId)
    .where("office_id", "=", officeId)
    .where("extension", "is not", null)
    .orderBy("extension")
    .executeTakeFirstOrThrow();
  return { id: department.id, extension: department.extension! };
}

/** Puts a staff member in a department of the office and marks them available for calls. */
export async function onDuty(db: Kysely<Database>, organizationId: string, officeId: string, departmentId: string, staffId: string, at: Date): Promise<void> {
  await db.insertInto("staff_assignment").values({ organization_id: organizationId, staff_id: staffId, office_id: officeId, department_id: departmentId }).execute();
  await db
    .insertInto("staff_presence")
    .values({ staff_id: staffId, organization_id: organizationId, status: "available", changed_at: at, idle_since: at })
    .onConflict((conflict) => conflict.column("staff_id").doUpdateSet({ status: "available", changed_at: at, idle_since: at }))
    .execute();
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A generic event as a phone system delivers it: JSON, signed at `at` (now by default). */
export async function postGeneric(
  origin: string,
  endpoint: { id: string; secret: string },
  event: TelephonyEventInput | Record<string, unknown> | string,
  options: { at?: Date; signature?: string | null } = {},
): Promise<WebhookAnswer> {
  const body = typeof event === "string" ? event : JSON.stringify(event);
  const signature = options.signature === undefined ? signGeneric(endpoint.secret, body, options.at ?? new Date()) : options.signature;
  const response = await fetch(`${origin}/telephony/${endpoint.id}/events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { [GENERIC_SIGNATURE_HEADER]: signature }) },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * A Twilio webhook: form-encoded, signed over the public URL it was sent to (the URL pasted
 * into Twilio) and the parameters, with the account's auth token.
 */
export async function postTwilio(
  origin: string,
  endpoint: { id: string; secret: string },
  hook: "voice" | "status",
  params: Record<string, string>,
  options: { signature?: string | null; signedUrl?: string; query?: string } = {},
): Promise<{ status: number; text: string; contentType: string | null }> {
  const url = `${origin}/telephony/${endpoint.id}/twilio/${hook}${options.query ? `?${options.query}` : ""}`;
  const signature = options.signature === undefined ? twilioSignature(endpoint.secret, options.signedUrl ?? url, Object.entries(params)) : options.signature;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(signature === null ? {} : { [TWILIO_SIGNATURE_HEADER]: signature }) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, text: await response.text(), contentType: response.headers.get("content-type") };
}

/**
 * Signs in over HTTP as a browser does; returns the cookie header to send after. `from` is the
 * local address to connect from (any 127.x.y.z on Linux): sign-in is limited per address.
 */
export function signInOverHttp(origin: string, email: string, options: { password?: string; from?: string } = {}): Promise<string> {
  const body = JSON.stringify({ email, password: options.password ?? PASSWORD });
  const target = new URL("/api/auth/sign-in/email", origin);
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        ...(options.from ? { localAddress: options.from } : {}),
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode !== 200) return reject(new Error(`sign-in failed for ${email} at ${origin}: ${response.statusCode}`));
          resolve((response.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; "));
        });
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}

/**
 * A console's API client over real HTTP with a session cookie: subscriptions over server-sent
 * events (`httpSubscriptionLink` with the `eventsource` package, which lets the cookie through),
 * everything else batched.
 */
export function consoleClient(origin: string, cookie: string) {
  const withSession = (init: { headers?: unknown } | undefined) => ({ ...(init?.headers as Record<string, string> | undefined), cookie, origin });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${origin}/trpc`,
          EventSource,
          eventSourceOptions: () => ({ fetch: (url, init) => fetch(url, { ...init, headers: withSession(init) }) }),
        }),
        false: httpBatchLink({ url: `${origin}/trpc`, headers: () => ({ cookie, origin }) }),
      }),
    ],
  });
}

/**
 * What one console sees of an office's calls (`calls.live`): every update kept, and a way to
 * wait for the one a test expects (no time limit here: the test's own time-out fails it).
 */
export class LiveConsole {
  readonly seen: CallView[] = [];
  private snapshots = 0;
  private failure: unknown;
  private waiters: { match: (call: CallView) => boolean; resolve: (call: CallView) => void; reject: (error: unknown) => void }[] = [];
  private readyWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private readonly subscription: { unsubscribe(): void };

  constructor(client: ReturnType<typeof consoleClient>, officeId: string, onUpdate?: (call: CallView) => void) {
    this.subscription = client.calls.live.subscribe(
      { officeId },
      {
        onData: (data: unknown) => {
          // A tracked event arrives as { id, data }; a plain one as the event itself.
          const event = ((data as { data?: CallLiveEvent }).data ?? data) as CallLiveEvent;
          if (event.kind === "snapshot") {
            this.snapshots++;
            for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
            event.calls.forEach((call) => this.push(call));
          } else {
            onUpdate?.(event.call);
            this.push(event.call);
          }
        },
        onError: (error: unknown) => {
          this.failure = error;
          for (const waiter of [...this.readyWaiters.splice(0), ...this.waiters.splice(0)]) waiter.reject(error);
        },
      },
    );
  }

  private push(call: CallView): void {
    this.seen.push(call);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.match(call)) return true;
      waiter.resolve(call);
      return false;
    });
  }

  /** Resolves once the subscription has delivered its first snapshot. */
  ready(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure as Error);
    return this.snapshots > 0 ? Promise.resolve() : new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** The first update (seen already or to come) that matches. */
  waitFor(match: (call: CallView) => boolean): Promise<CallView> {
    const found = this.seen.find(match);
    if (found) return Promise.resolve(found);
    if (this.failure) return Promise.reject(this.failure as Error);
    return new Promise((resolve, reject) => this.waiters.push({ match, resolve, reject }));
  }

  close(): void {
    this.subscription.unsubscribe();
  }
}

const serverRoot = fileURLToPath(new URL("..", import.meta.url));

/** A server process as an operator starts it (`frontoffice serve`), from the sources. */
export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  output: string[];
}

export async function startServerProcess(databaseUrl: string, dataDir: string): Promise<ServerProcess> {
  const port = await findFreePort("127.0.0.1");
  const origin = `http://127.0.0.1:${port}`;
  // The CLI from source (tsx), so the processes run the code under test without a build first.
  const child = spawn(process.execPath, ["--conditions=@frontoffice/source", "--import", "tsx", "src/cli.ts", "serve"], {
    cwd: serverRoot,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // Both processes sign sessions with the same secret, as a cluster behind one address would.
      AUTH_SECRET: "two-servers-secret-two-servers-secret-0123",
      FRONTOFFICE_DATA_DIR: dataDir,
      FRONTOFFICE_WEB_DIST: join(dataDir, "no-web-client"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  // Ready when it answers /ready; a process that exits first fails the test with its output.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server process exited (${child.exitCode}):\n${output.join("").slice(-3000)}`);
    const ready = await fetch(`${origin}/ready`).then((response) => response.ok, () => false);
    if (ready) return { origin, child, output };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops a server process as an operator does (SIGTERM); one still running 15 s later is killed. */
export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
