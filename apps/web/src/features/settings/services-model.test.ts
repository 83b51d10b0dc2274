import { describe, expect, it } from "vitest";
import { EMPTY_SERVICE, formatPrice, parsePrice, priceToText, serviceFormErrors, serviceServerErrors, toServiceInput } from "./services-model";

const OFFICE = "0b7f5a8e-3c1d-4f6a-9b2e-1d2c3b4a5f60";
const STAFF = "5e3c1a2b-4d5e-4f60-8a7b-9c8d7e6f5a4b";

describe("service form model", () => {
  it("reads prices in minor units of the office currency, with a comma or a point", () => {
    expect(parsePrice("45", "EUR")).toBe(4500);
    expect(parsePrice("45,5", "EUR")).toBe(4550);
    expect(parsePrice(" 45.50 ", "EUR")).toBe(4550);
    expect(parsePrice("", "EUR")).toBeNull();
    expect(parsePrice("1500", "JPY")).toBe(1500);
    expect(parsePrice("12.345", "EUR")).toBeNaN();
    expect(parsePrice("abc", "EUR")).toBeNaN();
  });

  it("formats prices with Intl in the office currency and the reader's language", () => {
    expect(formatPrice("es", 4550, "EUR")).toMatch(/45,50\s€/);
    expect(formatPrice("en", 2500, "USD")).toBe("$25.00");
    expect(formatPrice("en", null, "USD")).toBeNull();
    expect(priceToText("es", 4550, "EUR")).toBe("45,50");
  });

  it("checks the form with the domain schema and places the issues beside fields", () => {
    const errors = serviceFormErrors({ officeId: OFFICE }, { ...EMPTY_SERVICE, name: " ", durationMinutes: "7", price: "x" }, "EUR");
    expect(errors.fields.name?.key).toBe("validation.required");
    expect(errors.fields.durationMinutes?.key).toBe("validation.duration_step");
    expect(errors.fields.price?.key).toBe("validation.invalid");
    expect(errors.fields.staffIds?.key).toBe("validation.staff_empty");

    const values = { ...EMPTY_SERVICE, name: "Blanqueamiento", durationMinutes: "60", price: "120", staffIds: [STAFF] };
    expect(serviceFormErrors({ officeId: OFFICE }, values, "EUR")).toEqual({ fields: {}, general: [] });
    expect(toServiceInput(OFFICE, values, "EUR")).toEqual({
      officeId: OFFICE,
      name: "Blanqueamiento",
      durationMinutes: 60,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      priceMinor: 12000,
      staffIds: [STAFF],
      resourceIds: [],
    });
  });

  it("puts the server's field issues beside their fields", () => {
    const placed = serviceServerErrors("VALIDATION_FAILED", [
      { path: ["staffIds", 0], key: "validation.staff_not_in_office" },
      { path: ["priceMinor"], key: "validation.too_big", params: { max: 100_000_000 } },
    ]);
    expect(placed?.fields.staffIds?.key).toBe("validation.staff_not_in_office");
    expect(placed?.fields.price?.key).toBe("validation.too_big");
    expect(serviceServerErrors("FORBIDDEN", [])).toBeUndefined();
  });
});
