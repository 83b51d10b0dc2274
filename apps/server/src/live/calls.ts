import { sql, type Kysely } from "kysely";
import type { Database } from "@frontoffice/db";

/** The PostgreSQL channel every change to a call is announced on. */
export const CALLS_CHANNEL = "fo_calls";

/** That a call changed: who may see it (organization, office) and which version it reached. */
export interface CallNotice {
  organizationId: string;
  officeId: string;
  callId: string;
  version: number;
}

/**
 * Announces a changed call to every server process's consoles. Pass the transaction that made the
 * change: PostgreSQL delivers the notification only when it commits, and never if it rolls back,
 * so a console is never told of a change that did not happen. Only ids travel; each process loads
 * the call itself (the payload limit is 8,000 bytes, and a call's view is read under permissions).
 */
export async function notifyCallChanged(db: Kysely<Database>, notice: CallNotice): Promise<void> {
  const payload = JSON.stringify({ o: notice.organizationId, f: notice.officeId, c: notice.callId, v: notice.version });
  await sql`select pg_notify(${CALLS_CHANNEL}, ${payload})`.execute(db);
}

/** Reads a notification's payload; anything else on the channel is ignored (undefined). */
export function parseCallNotice(payload: string): CallNotice | undefined {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    const { o, f, c, v } = value;
    if (typeof o === "string" && typeof f === "string" && typeof c === "string" && typeof v === "number") {
      return { organizationId: o, officeId: f, callId: c, version: v };
    }
  } catch {
    // Not ours.
  }
  return undefined;
}
