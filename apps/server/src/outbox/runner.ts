/**
 * The job runner: delivers the outbox and runs periodic jobs (reminders), in the server
 * process, on PGlite and on PostgreSQL alike.
 *
 * Why not graphile-worker or pg-boss: both need node-postgres connections of their own (a pool,
 * a LISTEN connection, advisory locks held across statements), and the embedded database is
 * PGlite, a single in-process connection with no node-postgres driver, so neither runs on it.
 * What a queue must do here fits in one table and one statement: claim due rows with
 * `FOR UPDATE SKIP LOCKED` under a lease (`locked_until`), which is safe with several server
 * processes on one PostgreSQL, and survives a crash or a restart because the state is in the
 * rows, not in memory. Polling (a couple of seconds) instead of LISTEN is fine for reminders.
 */
import type { Kysely } from "kysely";
import type { Database, OutboxMessageRow } from "@frontoffice/db";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { buryAbandonedMessages, claimDueMessages, markFailed, markSent } from "./queries.js";
import { describeSendFailure, type Senders } from "./senders.js";

/** Work the runner does on a schedule, such as queueing reminders. Must be safe to run twice. */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

export interface OutboxRunnerOptions {
  db: Kysely<Database>;
  senders: Senders;
  clock: Clock;
  logger: Logger;
  jobs?: PeriodicJob[];
  /** Messages claimed at a time. */
  batchSize?: number;
  /** How long a claim holds; after it another runner may retry the message. */
  leaseMs?: number;
  /** Pause between polls when the outbox is empty. */
  pollMs?: number;
  /** First retry after this long, doubling each attempt up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  dead: number;
}

export class OutboxRunner {
  private readonly options: Required<Omit<OutboxRunnerOptions, "jobs">> & { jobs: PeriodicJob[] };
  private readonly lastRun = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Not polling (never started, or stopped). */
  private stopped = true;
  /** `stop()` was called: a round in progress ends after the message in hand. */
  private stopRequested = false;

  constructor(options: OutboxRunnerOptions) {
    this.options = { batchSize: 20, leaseMs: 5 * 60_000, pollMs: 2_000, backoffBaseMs: 60_000, backoffMaxMs: 6 * 3_600_000, jobs: [], ...options };
  }

  /** Starts polling in the background; `stop()` ends it. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the work in hand (a batch being sent) to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule(this.options.pollMs);
      });
    }, delay);
    this.timer.unref();
  }

  /** One round: the periodic jobs that are due, then the outbox until nothing is due. */
  async tick(): Promise<void> {
    try {
      await this.runDueJobs();
      while (!this.stopRequested) {
        const report = await this.deliverBatch();
        if (report.sent + report.retrying + report.dead < this.options.batchSize) break;
      }
    } catch (error) {
      this.options.logger.error({ err: safeError(error) }, "job runner round failed");
    }
  }

  /** Runs each periodic job whose interval has passed (all of them on the first round). */
  async runDueJobs(): Promise<void> {
    const now = this.options.clock.now();
    for (const job of this.options.jobs) {
      const last = this.lastRun.get(job.name);
      if (last !== undefined && now.getTime() - last < job.everyMs) continue;
      this.lastRun.set(job.name, now.getTime());
      try {
        await job.run(now);
      } catch (error) {
        this.options.logger.error({ job: job.name, err: safeError(error) }, "periodic job failed");
      }
    }
  }

  /** Claims one batch of due messages and sends each; never logs recipients or bodies. */
  async deliverBatch(): Promise<DeliveryReport> {
    const { db, clock, logger, leaseMs, batchSize } = this.options;
    const now = clock.now();
    const buried = await buryAbandonedMessages(db, now);
    if (buried > 0) logger.warn({ count: buried }, "outbox messages abandoned during their last attempt");
    const lease = new Date(now.getTime() + leaseMs);
    const claimed = await claimDueMessages(db, now, lease, batchSize);
    const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
    for (const message of claimed) {
      // The lease as stored, so the update below matches it exactly (microseconds included).
      const heldUntil = message.locked_until ?? lease;
      const outcome = await this.deliver(message, heldUntil);
      report[outcome] += 1;
    }
    return report;
  }

  private async deliver(message: OutboxMessageRow, lease: Date): Promise<keyof DeliveryReport> {
    const { db, clock, logger, senders } = this.options;
    const sender = senders[message.channel];
    const log = { messageId: message.id, channel: message.channel, attempt: message.attempts, transport: sender.transport };
    try {
      await sender.send({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        subject: message.subject,
        bodyText: message.body_text,
        bodyHtml: message.body_html,
        locale: message.locale,
      });
    } catch (error) {
      const reason = describeSendFailure(error);
      const last = message.attempts >= message.max_attempts;
      const retryAt = last ? undefined : new Date(clock.now().getTime() + this.backoff(message.attempts));
      await markFailed(db, message.id, lease, reason, retryAt);
      logger.warn({ ...log, retryAt, reason }, last ? "message dead after its last attempt" : "message failed, will retry");
      return last ? "dead" : "retrying";
    }
    await markSent(db, message.id, lease, clock.now(), sender.transport);
    logger.info(log, "message sent");
    return "sent";
  }

  /** Delay before the next attempt after `attempts` failed ones: base · 2^(attempts-1), capped. */
  backoff(attempts: number): number {
    return Math.min(this.options.backoffBaseMs * 2 ** Math.max(0, attempts - 1), this.options.backoffMaxMs);
  }
}

function safeError(error: unknown): { message: string; code?: string } {
  if (!(error instanceof Error)) return { message: describeSendFailure(error) };
  return { message: describeSendFailure(error), code: (error as { code?: string }).code };
}
