/**
 * Counts attempts per key (a client address) in fixed windows. It lives in this process's memory
 * only: each server process counts on its own and a restart forgets, so behind several processes
 * the effective limit is per process. Good enough to stop guessing from one address; better-auth's
 * database-backed limiter covers sign-in.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    /** Past this many tracked keys, expired windows are dropped so memory stays bounded. */
    private readonly pruneAbove = 10_000,
  ) {}

  /** Records one attempt for `key` at `now` (ms); false when the key has used up its window. */
  attempt(key: string, now: number): boolean {
    const current = this.windows.get(key);
    if (!current || now - current.startedAt >= this.windowMs) {
      if (this.windows.size >= this.pruneAbove) this.prune(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    if (current.count >= this.max) return false;
    current.count += 1;
    return true;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}

/** Kiosk calls one address may make a minute: a busy lobby stays far below, guessing does not. */
export const KIOSK_ATTEMPTS_PER_MINUTE = 30;

export const createKioskLimiter = () => new AttemptLimiter(KIOSK_ATTEMPTS_PER_MINUTE, 60_000);
