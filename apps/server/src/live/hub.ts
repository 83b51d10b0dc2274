import type { DatabaseConnection, Unlisten } from "@frontoffice/db";
import type { Logger } from "../logger.js";
import { CALLS_CHANNEL, parseCallNotice, type CallNotice } from "./calls.js";

/** What a subscriber is told: a changed call, or `resync` when notices may have been lost. */
export type CallSignal = { kind: "notice"; notice: CallNotice } | { kind: "resync" };

type CallListener = (signal: CallSignal) => void;

/** Most signals a slow subscriber may have waiting before it is told to resync instead. */
const MAX_QUEUED_SIGNALS = 1_000;

/**
 * The process's one ear on the database's live channels, fanning each notification out to the
 * consoles subscribed on this process. Every server process has its own hub listening on the same
 * database, so a change made through any process reaches the consoles of all of them
 * (PostgreSQL LISTEN/NOTIFY; on the embedded database there is only one process).
 */
export class LiveHub {
  private readonly callListeners = new Map<string, Set<CallListener>>();
  private unlisten: Unlisten | undefined;
  private closed = false;
  /** Wakes every waiting iterator (on stop, so open subscriptions end and the server can close). */
  private readonly wakers = new Set<() => void>();

  private constructor(private readonly logger: Logger) {}

  /** Starts listening; call it before the server takes requests. */
  static async start(connection: Pick<DatabaseConnection, "listen">, logger: Logger): Promise<LiveHub> {
    const hub = new LiveHub(logger);
    hub.unlisten = await connection.listen(CALLS_CHANNEL, (payload) => hub.dispatch(payload), {
      onReconnect: () => hub.broadcast({ kind: "resync" }),
    });
    return hub;
  }

  /** Listens to the calls of one office; returns the function that stops it. */
  subscribeCalls(organizationId: string, officeId: string, listener: CallListener): () => void {
    const key = `${organizationId}/${officeId}`;
    let listeners = this.callListeners.get(key);
    if (!listeners) {
      listeners = new Set();
      this.callListeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      const current = this.callListeners.get(key);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.callListeners.delete(key);
    };
  }

  /**
   * The signals of one office as an async iterable, subscribed from the moment of the call (so
   * nothing is missed between a snapshot read after it and the first signal), until `signal`
   * aborts. A subscriber that falls far behind gets one `resync` instead of an unbounded queue.
   */
  callSignals(organizationId: string, officeId: string, abort: AbortSignal | undefined): AsyncIterable<CallSignal> {
    const queue: CallSignal[] = [];
    let wake: (() => void) | undefined;
    let overflowed = false;
    const unsubscribe = this.subscribeCalls(organizationId, officeId, (signal) => {
      if (overflowed) return;
      if (queue.length >= MAX_QUEUED_SIGNALS) {
        overflowed = true;
        queue.length = 0;
        queue.push({ kind: "resync" });
      } else {
        queue.push(signal);
      }
      wake?.();
    });
    const stopped = () => abort?.aborted === true || this.closed;
    const wakeUp = () => wake?.();
    abort?.addEventListener("abort", wakeUp, { once: true });
    this.wakers.add(wakeUp);
    const wakers = this.wakers;
    return {
      [Symbol.asyncIterator]: async function* () {
        try {
          while (!stopped()) {
            const next = queue.shift();
            if (next) {
              if (next.kind === "resync") overflowed = false;
              yield next;
              continue;
            }
            await new Promise<void>((resolve) => (wake = resolve));
            wake = undefined;
          }
        } finally {
          wakers.delete(wakeUp);
          abort?.removeEventListener("abort", wakeUp);
          unsubscribe();
        }
      },
    };
  }

  /** How many listeners this process has, for tests and health. */
  get subscriberCount(): number {
    let count = 0;
    for (const listeners of this.callListeners.values()) count += listeners.size;
    return count;
  }

  /** Stops listening and ends every open subscription of this process. */
  async stop(): Promise<void> {
    this.closed = true;
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    for (const wakeUp of [...this.wakers]) wakeUp();
    this.callListeners.clear();
    await unlisten?.().catch(() => {});
  }

  private dispatch(payload: string): void {
    const notice = parseCallNotice(payload);
    if (!notice) {
      this.logger.warn({ channel: CALLS_CHANNEL }, "ignored a malformed live notification");
      return;
    }
    const listeners = this.callListeners.get(`${notice.organizationId}/${notice.officeId}`);
    if (!listeners) return;
    for (const listener of [...listeners]) listener({ kind: "notice", notice });
  }

  private broadcast(signal: CallSignal): void {
    for (const listeners of this.callListeners.values()) for (const listener of [...listeners]) listener(signal);
  }
}
