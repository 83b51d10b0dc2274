import { createDatabase, migrateToLatest, seedDemo } from "@frontoffice/db";
import { hashPassword } from "better-auth/crypto";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createAuth } from "./auth.js";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { buildHttpServer } from "./http/server.js";
import { LiveHub } from "./live/hub.js";
import { remindersJob } from "./jobs/reminders.js";
import { waitlistOffersJob } from "./jobs/waitlist-offers.js";
import { callTimeoutsJob } from "./jobs/calls.js";
import { idempotencyPurgeJob } from "./modules/payments/idempotency.js";
import { visitorOnSiteReminderJob, visitorPurgeJob } from "./jobs/visitors.js";
import { OutboxRunner, createSenders } from "./outbox/index.js";
import type { Logger } from "./logger.js";

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The origins browsers may send credentials from: the public URL and this host's loopback names. */
function trustedOrigins(config: Config, port: number): string[] {
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
  if (config.environment === "development") origins.add("http://localhost:5173").add("http://127.0.0.1:5173");
  return [...origins];
}

/**
 * The secret that signs sessions. Without AUTH_SECRET (development, demos) on the embedded
 * database, one is made once and kept beside the data, so a restart keeps everyone signed in.
 */
async function resolveAuthSecret(config: Config, dialect: "pglite" | "postgres"): Promise<string> {
  if (config.authSecret || dialect !== "pglite") return config.authSecret ?? randomBytes(32).toString("hex");
  const file = join(config.dataDir, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** Asks the OS for a free port, so auth knows its own origin before the server listens. */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Opens the database (migrating it), optionally seeds the demo, and starts listening.
 * `close()` stops taking requests, waits for those in flight, then closes the database.
 */
export async function startServer(config: Config, logger: Logger, options: { demo?: boolean; clock?: Clock; jobs?: boolean } = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
    if (options.demo) await seedDemo(database.db, { now: clock.now(), hashPassword });

    const secret = await resolveAuthSecret(config, database.dialect);
    const port = config.port === 0 ? await findFreePort(config.host) : config.port;
    const url = config.publicUrl ?? `http://${config.host}:${port}`;
    const auth = createAuth({
      db: database.db,
      secret,
      baseUrl: url,
      trustedOrigins: trustedOrigins(config, port),
      secureCookies: config.environment === "production",
    });
    const live = await LiveHub.start(database, logger.child({ component: "live" }));
    const app = await buildHttpServer({ db: database.db, auth, clock, logger, live }, { publicUrl: url, webDist: config.webDist });
    await app.listen({ host: config.host, port });
    logger.info({ url, database: database.dialect }, `Frontoffice listening on ${url}`);
    // The job runner: reminders and the outbox (email through SMTP_URL, or only recorded; SMS sandbox).
    const senders = createSenders(config);
    const runner = new OutboxRunner({ db: database.db, clock, logger: logger.child({ component: "jobs" }), senders, jobs: [remindersJob(database.db), waitlistOffersJob(database.db), idempotencyPurgeJob(database.db), visitorPurgeJob(database.db), visitorOnSiteReminderJob(database.db), callTimeoutsJob(database.db, logger.child({ component: "calls" }))] });
    if (options.jobs !== false) {
      runner.start();
      logger.info({ mail: senders.email.transport, sms: senders.sms.transport }, "job runner started");
    }
    return {
      app,
      url,
      async close() {
        // Open subscriptions end first, or the server would wait for them to close.
        await live.stop();
        await app.close();
        await runner.stop();
        senders.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
