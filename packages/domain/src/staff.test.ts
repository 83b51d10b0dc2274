import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS, emailSchema, passwordSchema, setupInputSchema } from "./staff.js";
import { toFieldIssues } from "./validation.js";

describe("staff schemas", () => {
  it("normalizes emails", () => {
    expect(emailSchema.parse("  Ana.Garcia@Example.ES ")).toBe("ana.garcia@example.es");
    expect(emailSchema.safeParse("ana@").error?.issues[0]?.message).toBe("validation.email_invalid");
  });

  it("wants passwords of at least ten characters", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordSchema.safeParse("123456789").error?.issues[0]?.message).toBe("validation.password_too_short");
    expect(passwordSchema.parse("correct horse")).toBe("correct horse");
  });

  it("checks the whole first-run form and names each problem", () => {
    const result = setupInputSchema.safeParse({
      organizationName: "",
      office: {
        name: "Studio Legale Bianchi",
        kind: "legal",
        locale: "it",
        timeZone: "Europe/Rome",
        currency: "EUR",
        fiscalName: "Studio Legale Bianchi",
        taxId: "00905811006",
        address: { line1: "Via Roma 1", city: "Roma", country: "IT" },
      },
      owner: { name: "Giulia Bianchi", email: "giulia@", password: "short" },
    });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([
      { path: ["organizationName"], key: "validation.required", params: { min: 1 } },
      { path: ["owner", "email"], key: "validation.email_invalid" },
      { path: ["owner", "password"], key: "validation.password_too_short", params: { min: 10 } },
    ]);
  });

  it("keeps sessions to twelve hours at most and thirty idle minutes", () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(43_200);
    expect(SESSION_IDLE_SECONDS).toBe(1_800);
  });
});
