import { useState } from "react";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { newIdempotencyKey, outcomeUnknown } from "./sale-model";

/**
 * One attempt at moving money (recording a sale, a payment, refund, void, cancellation, count or
 * sign-off) and its idempotency key. The key is made when the attempt first reaches the server and
 * sent again on every retry of that attempt (a double click, or a retry after a lost answer), so
 * the server moves the money once. A final answer (done, declined, refused) ends the attempt; the next one gets a new key.
 */
export class MoneyAttempt {
  #key: string | null = null;
  readonly #makeKey: () => string;

  constructor(makeKey: () => string = newIdempotencyKey) {
    this.#makeKey = makeKey;
  }

  /** The key of the attempt under way (made on first use). */
  key(): string {
    this.#key ??= this.#makeKey();
    return this.#key;
  }

  /** After the server answered (`error` when it failed): keeps the key only when the outcome is unknown. */
  settle(error?: unknown): void {
    if (error === undefined || !outcomeUnknown(error)) this.#key = null;
  }
}

/** A `MoneyAttempt` that lives as long as the component. */
export function useMoneyAttempt(): MoneyAttempt {
  const [attempt] = useState(() => new MoneyAttempt());
  return attempt;
}

/**
 * A money-moving action behind a button or form: one attempt's key per try (see `MoneyAttempt`),
 * busy while it runs, the translated error when it fails. `run` gets the key; `onDone` follows a
 * success (refresh what changed).
 */
export function useMoneyAction<T>(run: (idempotencyKey: string) => Promise<T>, onDone?: (result: T) => Promise<unknown> | void) {
  const { t } = useI18n();
  const attempt = useMoneyAttempt();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await run(attempt.key());
      attempt.settle();
      await onDone?.(result);
      return result;
    } catch (caught) {
      attempt.settle(caught);
      setError(errorMessage(t, caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { start, busy, error, setError };
}
