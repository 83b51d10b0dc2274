import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Auth } from "../auth.js";
import type { AttemptLimiter } from "../http/attempt-limiter.js";
import type { Clock } from "../clock.js";
import type { LiveHub } from "../live/hub.js";
import type { Logger } from "../logger.js";

/** What every procedure gets; the authed middleware adds who is calling. */
export interface Context {
  db: Kysely<Database>;
  auth: Auth;
  clock: Clock;
  logger: Logger;
  requestId: string;
  /** The request's headers, for better-auth's session lookup. */
  headers: Headers;
  /** Live updates: changes made through any server process on this database, for subscriptions. */
  live: LiveHub;
  /**
   * Set by the HTTP server: limits the public kiosk procedures per client address. In-process
   * callers (jobs, tests' callers) have no client address and no limiter.
   */
  kioskAttempts?: AttemptLimiter;
}

/** The services a server is built from; tests build them the same way. */
export interface ServerDependencies {
  db: Kysely<Database>;
  auth: Auth;
  clock: Clock;
  logger: Logger;
  live: LiveHub;
}
