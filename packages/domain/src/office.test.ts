import { describe, expect, it } from "vitest";
import { LOCALES } from "./locale.js";
import {
  OFFICE_KINDS,
  OFFICE_PRESETS,
  addressSchema,
  currencySchema,
  departmentCreateSchema,
  departmentInputSchema,
  departmentUpdateSchema,
  isCurrency,
  isTimeZone,
  isValidTaxId,
  officeDetailsSchema,
  officeInputSchema,
  officeUpdateSchema,
  organizationUpdateSchema,
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

describe("isValidTaxId", () => {
  it.each([
    ["ES", "B64717838", "a CIF"],
    ["ES", "b-6471783-8", "a CIF typed with dashes and in lower case"],
    ["ES", "ESB64717838", "a CIF written as a VAT number"],
    ["ES", "12345678Z", "a DNI (a professional in their own name)"],
    ["ES", "X1234567L", "a NIE"],
    ["IT", "01114601006", "a partita IVA"],
    ["IT", "IT 01114601006", "a partita IVA written as a VAT number"],
    ["IT", "RSSMRA85T10A562S", "the codice fiscale of a professional"],
    ["IE", "IE1234567W", "an Irish VAT number, by shape"],
    ["US", "04-1234567", "an EIN, by shape"],
    ["us", "04-1234567", "with a lower-case country"],
  ])("accepts in %s %j (%s)", (country, value) => {
    expect(isValidTaxId(country, value)).toBe(true);
  });

  it.each([
    ["ES", "B64717839", "a CIF with the wrong check digit"],
    ["ES", "12345678A", "a DNI with the wrong letter"],
    ["ES", "01114601006", "an Italian partita IVA in Spain"],
    ["IT", "01114601007", "a partita IVA with the wrong check digit"],
    ["IT", "B64717838", "a Spanish CIF in Italy"],
    ["IT", "ES01114601006", "another country's prefix"],
    ["US", "ABCD", "no digit at all"],
    ["US", "1", "too short"],
    ["US", "04-1234567-89012345678901", "too long"],
    ["US", "04#1234567", "a character no tax id has"],
  ])("refuses in %s %j (%s)", (country, value) => {
    expect(isValidTaxId(country, value)).toBe(false);
  });
});

describe("tax ids in office input", () => {
  it("checks the tax id by the address's country", () => {
    const italian = { ...madridClinic, address: { ...madridClinic.address, country: "IT" } };
    expect(toFieldIssues(officeInputSchema.safeParse(italian).error?.issues ?? [])).toEqual([{ path: ["taxId"], key: "validation.tax_id_invalid" }]);
    expect(officeInputSchema.safeParse({ ...italian, taxId: "01114601006" }).success).toBe(true);
  });

  it("reports a bad tax id beside the other fields' problems, all at once", () => {
    const result = officeInputSchema.safeParse({ ...madridClinic, taxId: "B64717839", timeZone: "Mars/Olympus_Mons", currency: "XQZ" });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual(
      expect.arrayContaining([
        { path: ["timeZone"], key: "validation.time_zone_invalid" },
        { path: ["currency"], key: "validation.currency_invalid" },
        { path: ["taxId"], key: "validation.tax_id_invalid" },
      ]),
    );
  });

  it("does not guess at a tax id while the country itself is wrong", () => {
    const result = officeInputSchema.safeParse({ ...madridClinic, taxId: "x", address: { ...madridClinic.address, country: "Spain" } });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([
      { path: ["taxId"], key: "validation.tax_id_invalid", params: { min: 2 } },
      { path: ["address", "country"], key: "validation.country_invalid" },
    ]);
  });
});

describe("office updates", () => {
  const { kind: _kind, ...details } = madridClinic;
  const id = "5b0c3f0e-8d7a-4c1e-9a51-3f5e2b7c9d10";

  it("takes every field but the kind", () => {
    expect(officeDetailsSchema.parse(details)).toEqual(details);
    expect(officeUpdateSchema.parse({ id, office: details })).toEqual({ id, office: details });
  });

  it("refuses a change of kind, which is fixed once the office exists", () => {
    const result = officeUpdateSchema.safeParse({ id, office: { ...details, kind: "legal" } });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([{ path: ["office"], key: "validation.unknown_field", params: { fields: "kind" } }]);
  });

  it("checks the tax id, time zone and currency, naming each field under office", () => {
    const result = officeUpdateSchema.safeParse({ id: "nope", office: { ...details, taxId: "B00000001", timeZone: "Europe/Atlantis", currency: "EURO" } });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual(
      expect.arrayContaining([
        { path: ["id"], key: "validation.id_invalid" },
        { path: ["office", "timeZone"], key: "validation.time_zone_invalid" },
        { path: ["office", "currency"], key: "validation.currency_invalid" },
        { path: ["office", "taxId"], key: "validation.tax_id_invalid" },
      ]),
    );
  });
});

describe("department and organization input", () => {
  const officeId = "5b0c3f0e-8d7a-4c1e-9a51-3f5e2b7c9d10";

  it("names the office a new department belongs to", () => {
    expect(departmentCreateSchema.parse({ officeId, name: " Ortodoncia ", extension: "110" })).toEqual({ officeId, name: "Ortodoncia", extension: "110" });
    expect(toFieldIssues(departmentCreateSchema.safeParse({ officeId: "madrid", name: "", extension: "1" }).error?.issues ?? [])).toEqual([
      { path: ["name"], key: "validation.required", params: { min: 1 } },
      { path: ["extension"], key: "validation.extension_invalid" },
      { path: ["officeId"], key: "validation.id_invalid" },
    ]);
  });

  it("updates a department by id; no extension means none", () => {
    expect(departmentUpdateSchema.parse({ id: officeId, name: "Ortodoncia" })).toEqual({ id: officeId, name: "Ortodoncia" });
  });

  it("renames an organization within the setup's limits", () => {
    expect(organizationUpdateSchema.parse({ name: "  Grupo Sol " })).toEqual({ name: "Grupo Sol" });
    expect(toFieldIssues(organizationUpdateSchema.safeParse({ name: "x".repeat(121) }).error?.issues ?? [])).toEqual([
      { path: ["name"], key: "validation.too_long", params: { max: 120 } },
    ]);
  });
});
