import { describe, expect, it } from "vitest";
import { isE164, isExtension, parseExtension } from "./index.js";

describe("extensions and numbers", () => {
  it("parses extensions as the department schema of @frontoffice/domain does", () => {
    expect(parseExtension(" 101 ")).toBe("101");
    expect(parseExtension("123456")).toBe("123456");
    expect(parseExtension("1")).toBeNull();
    expect(parseExtension("1234567")).toBeNull();
    expect(parseExtension("10a")).toBeNull();
    expect(isExtension("101")).toBe(true);
    expect(isExtension(" 101")).toBe(false);
    expect(isExtension(101)).toBe(false);
  });

  it("accepts only numbers already normalized to E.164", () => {
    expect(isE164("+34612345678")).toBe(true);
    expect(isE164("+390212345678")).toBe(true);
    expect(isE164("612345678")).toBe(false);
    expect(isE164("+34 612 345 678")).toBe(false);
    expect(isE164("+3461234")).toBe(false);
    expect(isE164(null)).toBe(false);
  });
});
