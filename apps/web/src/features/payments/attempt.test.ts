import { describe, expect, it } from "vitest";
import { MoneyAttempt } from "./attempt";

const serverError = (code: string) => Object.assign(new Error(code), { name: "TRPCClientError", data: { code } });

describe("MoneyAttempt", () => {
  const keys = () => {
    let made = 0;
    return () => `key-${++made}`;
  };

  it("sends the same key on every try of one attempt", () => {
    const attempt = new MoneyAttempt(keys());
    expect(attempt.key()).toBe("key-1");
    expect(attempt.key()).toBe("key-1");
  });

  it("keeps the key when the answer was lost, so the retry cannot charge twice", () => {
    const attempt = new MoneyAttempt(keys());
    attempt.key();
    attempt.settle(serverError("INTERNAL"));
    expect(attempt.key()).toBe("key-1");
    attempt.settle(Object.assign(new TypeError("Failed to fetch"), { name: "TypeError" }));
    expect(attempt.key()).toBe("key-1");
  });

  it("starts a new attempt after a final answer: done, declined or refused", () => {
    const attempt = new MoneyAttempt(keys());
    attempt.key();
    attempt.settle(serverError("PAYMENT_DECLINED"));
    expect(attempt.key()).toBe("key-2");
    attempt.settle(serverError("DAY_CLOSED"));
    expect(attempt.key()).toBe("key-3");
    attempt.settle();
    expect(attempt.key()).toBe("key-4");
  });

  it("makes UUIDs by default", () => {
    expect(new MoneyAttempt().key()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
