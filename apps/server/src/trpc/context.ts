import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Auth } from "../auth.js";
import type { Clock } from "../clock.js";
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
}

/** The services a server is built from; tests build them the same way. */
export interface ServerDependencies {
  db: Kysely<Database>;
  auth: Auth;
  clock: Clock;
  logger: Logger;
}
