import { describe, expect, it } from "vitest";
import { LOCALES } from "./locale.js";
import {
  OFFICE_KINDS,
  OFFICE_PRESETS,
  addressSchema,
  currencySchema,
  departmentInputSchema,
  isCurrency,
  isTimeZone,
  officeInputSchema,
  timeZoneSchema,
  type OfficeInput,
} from "./office.js";
import { toFieldIssues } from "./validation.js";

const madridClinic: OfficeInput = {
  name: "Clínica Sol",
  kind: "medical",
  locale: "es",
  timeZone: "Europe/Madrid",
  currency: "EUR",
  fiscalName: "Clínica Sol S.L.",
  taxId: "B64717838",
  address: { line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" },
};

describe("officeInputSchema", () => {
  it("accepts a complete office", () => {
    expect(officeInputSchema.parse(madridClinic)).toEqual(madridClinic);
  });

  it("upper-cases currency and country codes", () => {
    const office = officeInputSchema.parse({ ...madridClinic, currency: "eur", address: { ...madridClinic.address, country: "es" } });
    expect(office.currency).toBe("EUR");
    expect(office.address.country).toBe("ES");
  });

  it.each(["Mars/Olympus_Mons", "Europe/Madridd", "GMT+1", "Madrid", "Europe/../etc/passwd", ""])("rejects the time zone %j", (timeZone) => {
    const result = officeInputSchema.safeParse({ ...madridClinic, timeZone });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([
      timeZone ? { path: ["timeZone"], key: "validation.time_zone_invalid" } : { path: ["timeZone"], key: "validation.required", params: { min: 1 } },
    ]);
  });

  it.each(["EURO", "XQZ", "€", "12", ""])("rejects the currency %j", (currency) => {
    const result = officeInputSchema.safeParse({ ...madridClinic, currency });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([{ path: ["currency"], key: "validation.currency_invalid" }]);
  });

  it("rejects an unknown kind, locale and field, all at once", () => {
    const result = officeInputSchema.safeParse({ ...madridClinic, kind: "bakery", locale: "fr", fax: "91 000 00 00" });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual(
      expect.arrayContaining([
        { path: ["kind"], key: "validation.office_kind_invalid" },
        { path: ["locale"], key: "validation.locale_invalid" },
        { path: [], key: "validation.unknown_field", params: { fields: "fax" } },
      ]),
    );
  });

  it("requires an address with a two-letter country", () => {
    const result = addressSchema.safeParse({ line1: " ", city: "Roma", country: "Italia" });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([
      { path: ["line1"], key: "validation.required", params: { min: 1 } },
      { path: ["country"], key: "validation.country_invalid" },
    ]);
  });
});

describe("time zones and currencies", () => {
  it.each(["Europe/Madrid", "Europe/Rome", "Europe/Dublin", "America/New_York", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+1", "UTC"])(
    "knows %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
      expect(timeZoneSchema.parse(` ${zone} `)).toBe(zone);
    },
  );

  it.each(["EUR", "USD", "GBP", "CHF"])("knows %s", (code) => {
    expect(isCurrency(code)).toBe(true);
    expect(currencySchema.parse(code.toLowerCase())).toBe(code);
  });

  it("rejects lower-case codes in the plain check (the schema upper-cases first)", () => {
    expect(isCurrency("eur")).toBe(false);
  });
});

describe("office presets", () => {
  it("covers every kind of office", () => {
    expect(Object.keys(OFFICE_PRESETS).sort()).toEqual([...OFFICE_KINDS].sort());
  });

  it.each(OFFICE_KINDS)("%s has departments in every language, with the same extensions", (kind) => {
    const preset = OFFICE_PRESETS[kind];
    const extensions = preset.departments.en.map((department) => department.extension);
    for (const locale of LOCALES) {
      const departments = preset.departments[locale];
      expect(departments.length).toBeGreaterThan(0);
      expect(departments.map((department) => department.extension)).toEqual(extensions);
      expect(new Set(departments.map((department) => department.name)).size).toBe(departments.length);
      for (const department of departments) expect(departmentInputSchema.parse(department)).toEqual(department);
    }
  });

  it("names departments in the office's own language", () => {
    expect(OFFICE_PRESETS.medical.departments.es[0]?.name).toBe("Recepción");
    expect(OFFICE_PRESETS.medical.departments.it[0]?.name).toBe("Accettazione");
  });

  it("points each kind at its client form section", () => {
    expect(OFFICE_PRESETS.medical.clientDetails).toBe("medical");
    expect(OFFICE_PRESETS.legal.clientDetails).toBe("legal");
    expect(OFFICE_PRESETS.education.clientDetails).toBe("education");
    expect(OFFICE_PRESETS.small_business.clientDetails).toBe("business");
  });
});

describe("departmentInputSchema", () => {
  it("takes extensions of two to six digits", () => {
    expect(departmentInputSchema.safeParse({ name: "Sales", extension: "1" }).error?.issues[0]?.message).toBe("validation.extension_invalid");
    expect(departmentInputSchema.safeParse({ name: "Sales", extension: "1234567" }).success).toBe(false);
    expect(departmentInputSchema.parse({ name: " Sales ", extension: "401" })).toEqual({ name: "Sales", extension: "401" });
  });
});
