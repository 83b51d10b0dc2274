import type { Office } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import { clearField, initialOfficeValues, mapOfficeIssues, officeFormErrors, officeToForm, toOfficeDetails, toOfficeInput } from "./office-form-model";

const madrid: Office = {
  id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01",
  organizationId: "2b1f5a77-6a55-4f3c-9b43-7f1f5b1d2c02",
  name: "Clínica Dental Retiro",
  kind: "medical",
  locale: "es",
  timeZone: "Europe/Madrid",
  currency: "EUR",
  fiscalName: "Clínica Dental Retiro, S.L.",
  taxId: "B12345674",
  address: { line1: "Calle de Alcalá 180", line2: "Local 2", city: "Madrid", postalCode: "28028", country: "ES" },
  phone: "+34914021835",
  email: null,
  bookingPolicy: { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null },
  departments: [],
};

describe("office form values", () => {
  it("round-trips an office, leaving out what is blank", () => {
    const values = officeToForm(madrid);
    expect(values).toMatchObject({ name: "Clínica Dental Retiro", line2: "Local 2", region: "", email: "" });
    expect(toOfficeInput(values)).toEqual({
      name: madrid.name,
      kind: "medical",
      locale: "es",
      timeZone: "Europe/Madrid",
      currency: "EUR",
      fiscalName: madrid.fiscalName,
      taxId: "B12345674",
      address: { line1: "Calle de Alcalá 180", line2: "Local 2", city: "Madrid", postalCode: "28028", region: undefined, country: "ES" },
      phone: "+34914021835",
      email: undefined,
    });
  });

  it("sends every detail but the kind when changing an office", () => {
    const details = toOfficeDetails({ ...officeToForm(madrid), kind: "legal" });
    expect(details).not.toHaveProperty("kind");
    expect(details.name).toBe(madrid.name);
  });

  it("starts a new office from the browser's region and time zone", () => {
    expect(initialOfficeValues("it", ["it-IT"], "Europe/Rome")).toMatchObject({ locale: "it", country: "IT", currency: "EUR", timeZone: "Europe/Rome", name: "" });
  });
});

describe("office form checks", () => {
  it("checks the tax id against the address's country, as the server does", () => {
    const values = { ...officeToForm(madrid), country: "IT" };
    expect(officeFormErrors(values, "update").fields.taxId?.key).toBe("validation.tax_id_invalid");
    expect(officeFormErrors({ ...values, taxId: "01114601006" }, "update")).toEqual({ fields: {}, general: [] });
  });

  it("puts a bad time zone and currency beside their fields", () => {
    const errors = officeFormErrors({ ...officeToForm(madrid), timeZone: "Mars/Olympus", currency: "EURO" }, "create");
    expect(errors.fields.timeZone?.key).toBe("validation.time_zone_invalid");
    expect(errors.fields.currency?.key).toBe("validation.currency_invalid");
  });

  it("maps the server's issues: from the office when creating, under `office` when updating", () => {
    const issue = { key: "validation.tax_id_invalid" };
    expect(mapOfficeIssues([{ ...issue, path: ["taxId"] }], "create").fields.taxId).toBeDefined();
    expect(mapOfficeIssues([{ ...issue, path: ["office", "taxId"] }], "update").fields.taxId).toBeDefined();
    expect(mapOfficeIssues([{ path: ["office", "address", "city"], key: "validation.required" }], "update").fields.city).toBeDefined();
    expect(mapOfficeIssues([{ path: ["id"], key: "validation.id_invalid" }], "update").general).toHaveLength(1);
  });

  it("clears a field's problem once it changes, and nothing else", () => {
    const errors = mapOfficeIssues([{ path: ["taxId"], key: "validation.tax_id_invalid" }, { path: ["city"], key: "validation.required" }, { path: ["address", "city"], key: "validation.required" }], "create");
    const cleared = clearField(errors, "taxId");
    expect(Object.keys(cleared.fields)).toEqual(["city"]);
    expect(cleared.general).toEqual(errors.general);
    expect(clearField(cleared, "taxId")).toBe(cleared);
  });
});
