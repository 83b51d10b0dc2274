import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "./phone.js";

describe("normalizePhone", () => {
  it.each([
    // Spain: nine digits, mobiles 6/7, landlines 8/9
    ["612 34 56 78", "ES", "+34612345678"],
    ["912-345-678", "ES", "+34912345678"],
    ["0034 612 345 678", "ES", "+34612345678"],
    ["+34 612 34 56 78", "ES", "+34612345678"],
    ["+34 (91) 234 56 78", undefined, "+34912345678"],
    // Italy: landlines keep their leading 0, mobiles start with 3
    ["06 1234 5678", "IT", "+390612345678"],
    ["333 123 4567", "IT", "+393331234567"],
    ["+39 06 1234 5678", undefined, "+390612345678"],
    ["0039 333 1234567", "IT", "+393331234567"],
    // Ireland: the trunk 0 is dropped
    ["087 123 4567", "IE", "+353871234567"],
    ["(01) 234 5678", "IE", "+35312345678"],
    ["+353 87 123 4567", undefined, "+353871234567"],
    // United States
    ["(201) 555-0123", "US", "+12015550123"],
    ["201.555.0123", "US", "+12015550123"],
    ["+1 201 555 0123", undefined, "+12015550123"],
    ["011 34 612 345 678", "US", "+34612345678"],
    // An international number typed in another country's office
    ["+39 333 123 4567", "ES", "+393331234567"],
    ["  +34612345678  ", undefined, "+34612345678"],
  ] as const)("%s (office in %s) → %s", (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  it.each([
    ["612345678", undefined, "a national number without a country"],
    ["abc", "ES", "letters"],
    ["612 345 678 ext. 12", "ES", "an extension"],
    ["61234567a", "ES", "a stray letter"],
    ["12", "ES", "too short"],
    ["+34 1234", undefined, "too short for Spain"],
    ["6123456789", "ES", "ten digits in Spain"],
    ["012345678", "ES", "no Spanish number starts with 0"],
    ["(123) 456-7890", "US", "no US area code starts with 1"],
    ["555-0123", "US", "seven digits without an area code"],
    ["+999 12345678", undefined, "no such country code"],
    ["+".repeat(3), undefined, "only plus signs"],
    ["1".repeat(40), "ES", "too long"],
    ["", "ES", "empty"],
    ["   ", "ES", "blank"],
  ] as const)("rejects %s (office in %s): %s", (input, country, _reason) => {
    expect(normalizePhone(input, country)).toBeNull();
  });
});

describe("formatPhone", () => {
  it("formats an E.164 number in the international convention", () => {
    expect(formatPhone("+34612345678")).toBe("+34 612 34 56 78");
    expect(formatPhone("+12015550123")).toBe("+1 201 555 0123");
  });

  it("returns what it cannot parse unchanged", () => {
    expect(formatPhone("not a phone")).toBe("not a phone");
  });
});
