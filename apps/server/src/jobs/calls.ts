/**
 * The call time-out job: every 5 seconds, each ringing or queued call is looked at again.
 * One that waited past its department's time-out goes where the department overflows to (another
 * department with one more hop, voicemail or a call-back request; the hop limit ends the round
 * at voicemail); a queued call is put through as soon as a member of its department is free.
 *
 * Safe with two server processes on one PostgreSQL: each call is claimed with
 * `FOR UPDATE SKIP LOCKED` in its own transaction, and the change is the same conditional update
 * the console's actions use, so a call answered meanwhile is left alone.
 */
import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Logger } from "../logger.js";
import { routedAt } from "../modules/calls/routing-state.js";
import { reroute, waitedSeconds } from "../modules/calls/service.js";
import type { PeriodicJob } from "../outbox/runner.js";

/** Calls looked at in one run, at most (the next run takes the rest). */
const BATCH = 200;

export interface CallTimeoutReport {
  /** Calls sent on after their time-out (overflow, voicemail, call-back). */
  overflowed: number;
  /** Queued calls put through to a member who became free. */
  connected: number;
}

/** Waiting calls routed to a department, oldest first (each is claimed, or skipped when another process has it). */
function waitingCalls(db: Kysely<Database>, organizationId: string | undefined) {
  let query = db.selectFrom("call").select("id").where("status", "in", ["ringing", "queued"]).where("department_id", "is not", null);
  if (organizationId) query = query.where("organization_id", "=", organizationId);
  return query.orderBy("offered_at").limit(BATCH).execute();
}

/** Looks at every waiting call (of one organization, when given) once at `now`. */
export async function runCallTimeouts(db: Kysely<Database>, now: Date, logger?: Logger, organizationId?: string): Promise<CallTimeoutReport> {
  const report: CallTimeoutReport = { overflowed: 0, connected: 0 };
  for (const candidate of await waitingCalls(db, organizationId)) {
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("call")
          .selectAll()
          .where("id", "=", candidate.id)
          .where("status", "in", ["ringing", "queued"])
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row || !row.department_id) return undefined;
        const department = await trx.selectFrom("department").select("timeout_seconds").where("id", "=", row.department_id).executeTakeFirst();
        if (!department) return undefined;
        const waited = waitedSeconds(row, now);
        const timedOut = waited >= department.timeout_seconds;
        if (row.status === "ringing" && !timedOut) return undefined;
        // Timed out: sent on (counting from now where it lands). Queued: put through only when
        // someone is free, still waiting since it got there.
        const changed = await reroute(
          trx,
          row,
          { departmentId: row.department_id, overflowHops: row.overflow_hops, waitedSeconds: waited, since: new Date(routedAt(row)), ...(timedOut ? {} : { onlyIf: (decision) => decision.action === "ring" }) },
          { statuses: [row.status] },
          now,
        );
        if (!changed) return undefined;
        return timedOut ? "overflowed" : "connected";
      });
      if (outcome) report[outcome] += 1;
    } catch (error) {
      logger?.warn({ callId: candidate.id, err: error instanceof Error ? error.message : String(error) }, "call time-out failed");
    }
  }
  return report;
}

export function callTimeoutsJob(db: Kysely<Database>, logger?: Logger): PeriodicJob {
  return { name: "call-timeouts", everyMs: 5_000, run: (now) => runCallTimeouts(db, now, logger) };
}
