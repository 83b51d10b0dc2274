import { describe, expect, it } from "vitest";
import { maskRecipient, outboxListSchema } from "./outbox.js";

describe("outbox", () => {
  it("masks recipients: the first letter and domain of an email, the last two digits of a phone", () => {
    expect(maskRecipient("email", "lucia.martin@example.com")).toBe("l•••@example.com");
    expect(maskRecipient("email", "nobody")).toBe("•••");
    expect(maskRecipient("sms", "+34 612 345 678")).toBe("••••••••• 78");
    expect(maskRecipient("sms", "1")).toBe("•••");
  });

  it("filters by known statuses and channels only", () => {
    expect(outboxListSchema.safeParse({ status: "dead", channel: "sms" }).success).toBe(true);
    expect(outboxListSchema.safeParse({ status: "lost" }).success).toBe(false);
  });
});
