import { describe, expect, it } from "vitest";
import { initialSetupValues, mapSetupIssues, validateSetup, type SetupFormValues } from "./setup-model";

function filled(patch: Partial<SetupFormValues> = {}): SetupFormValues {
  return {
    ...initialSetupValues("es", ["es-ES"], "Europe/Madrid"),
    organizationName: "Clínica Salud",
    name: "Madrid Centro",
    fiscalName: "Clínica Salud S.L.",
    taxId: "B12345674",
    line1: "Calle Mayor 1",
    city: "Madrid",
    ownerName: "Marta Gómez",
    ownerEmail: "Marta@Example.es",
    password: "una-clave-larga",
    passwordRepeat: "una-clave-larga",
    ...patch,
  };
}

describe("initialSetupValues", () => {
  it("starts from the browser's region, time zone and the interface language", () => {
    expect(initialSetupValues("es", ["es-ES", "en"], "Europe/Madrid")).toMatchObject({ locale: "es", country: "ES", currency: "EUR", timeZone: "Europe/Madrid" });
    expect(initialSetupValues("en", ["en-GB"], "Europe/London")).toMatchObject({ country: "GB", currency: "GBP" });
    expect(initialSetupValues("it", ["it"], undefined)).toMatchObject({ country: "IT", currency: "EUR", timeZone: "" });
  });
});

describe("validateSetup", () => {
  it("accepts a complete first run and builds the API input", () => {
    const { input, errors } = validateSetup(filled());
    expect(errors).toEqual({ fields: {}, general: [] });
    expect(input.office).toMatchObject({ kind: "medical", locale: "es", timeZone: "Europe/Madrid", currency: "EUR", address: { country: "ES", line2: undefined } });
    expect(input.office.phone).toBeUndefined();
  });

  it("puts each problem beside its field", () => {
    const { errors } = validateSetup(filled({ organizationName: " ", timeZone: "Mars/Olympus", ownerEmail: "marta", password: "short", passwordRepeat: "other", country: "" }));
    expect(errors.fields.organizationName?.key).toBe("validation.required");
    expect(errors.fields.timeZone?.key).toBe("validation.time_zone_invalid");
    expect(errors.fields.ownerEmail?.key).toBe("validation.email_invalid");
    expect(errors.fields.password).toMatchObject({ key: "validation.password_too_short", params: { min: 10 } });
    expect(errors.fields.passwordRepeat?.key).toBe("setup.passwordMismatch");
    expect(errors.fields.country?.key).toBe("validation.country_invalid");
  });

  it("maps the server's issues by input path, and keeps the rest as general problems", () => {
    const errors = mapSetupIssues([
      { path: ["office", "address", "city"], key: "validation.required" },
      { path: ["owner", "email"], key: "validation.email_invalid" },
      { path: ["office"], key: "validation.unknown_field", params: { fields: "fax" } },
    ]);
    expect(Object.keys(errors.fields).sort()).toEqual(["city", "ownerEmail"]);
    expect(errors.general).toHaveLength(1);
  });
});
