import type { Client, Office } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import {
  clientToForm,
  emptyAddress,
  emptyClientForm,
  emptyGuardian,
  emptyMatter,
  emptyPhone,
  formToInput,
  mapIssues,
  validateClientForm,
  type ClientFormValues,
} from "./form-model";

function office(overrides: Partial<Office> = {}): Office {
  return {
    id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01",
    organizationId: "2b1f5a77-6a55-4f3c-9b43-7f1f5b1d2c02",
    name: "Madrid",
    kind: "medical",
    locale: "es",
    timeZone: "Europe/Madrid",
    currency: "EUR",
    fiscalName: "Clínica Demo S.L.",
    taxId: "B12345674",
    address: { line1: "Calle Mayor 1", city: "Madrid", country: "ES" },
    phone: null,
    email: null,
    bookingPolicy: { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null },
    departments: [],
    ...overrides,
  };
}

const madrid = office();
const milan = office({ id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a02", name: "Milano", kind: "legal", locale: "it", address: { line1: "Via Dante 1", city: "Milano", country: "IT" } });

function form(patch: Partial<ClientFormValues> = {}, at: Office | undefined = madrid): ClientFormValues {
  return { ...emptyClientForm(at, "en"), givenName: "José", familyName: "Núñez", ...patch };
}

describe("emptyClientForm", () => {
  it("starts from the office: its language and the ID document its country uses", () => {
    expect(emptyClientForm(madrid, "en")).toMatchObject({ officeId: madrid.id, preferredLocale: "es", nationalIdType: "es_dni" });
    expect(emptyClientForm(milan, "en")).toMatchObject({ preferredLocale: "it", nationalIdType: "it_codice_fiscale" });
    expect(emptyClientForm(undefined, "en")).toMatchObject({ officeId: "", preferredLocale: "en", nationalIdType: "other" });
  });
});

describe("validateClientForm", () => {
  it("accepts a Spanish mobile typed without prefix in a Madrid office, and a valid DNI", () => {
    const values = form({ phones: [{ ...emptyPhone(), number: "612 345 678" }], nationalIdValue: "12345678-z" });
    const { input, errors } = validateClientForm(values, madrid);
    expect(errors).toEqual({ fields: {}, general: [] });
    expect(input.phones).toEqual([{ label: "mobile", number: "612 345 678" }]);
    expect(input.nationalId).toEqual({ type: "es_dni", value: "12345678-z" });
  });

  it("rejects the same national number when no office gives the country", () => {
    const values = form({ officeId: "", phones: [{ ...emptyPhone(), number: "612 345 678" }] });
    const { errors } = validateClientForm(values, undefined);
    const [key] = Object.keys(errors.fields);
    expect(key).toBe(`phones.${values.phones[0]?.key}.number`);
    expect(errors.fields[key as string]?.key).toBe("validation.phone_invalid");
  });

  it("puts an invalid DNI beside the ID number field", () => {
    const { errors } = validateClientForm(form({ nationalIdValue: "12345678A" }), madrid);
    expect(errors.fields.nationalIdValue?.key).toBe("validation.national_id_invalid");
  });

  it("asks for a name for a person and a company name for a company", () => {
    expect(validateClientForm(form({ givenName: " ", familyName: "" }), madrid).errors.fields.familyName?.key).toBe("validation.person_name_required");
    const company = validateClientForm(form({ kind: "company", companyName: "" }), madrid);
    expect(company.errors.fields.companyName?.key).toBe("validation.company_name_required");
  });

  it("leaves empty rows out and still finds the right row for an issue", () => {
    const blank = emptyPhone();
    const bad = { ...emptyPhone(), number: "12" };
    const { input, errors } = validateClientForm(form({ phones: [blank, bad] }), madrid);
    expect(input.phones).toHaveLength(1);
    expect(Object.keys(errors.fields)).toEqual([`phones.${bad.key}.number`]);
  });

  it("reports notes over the limit with the limit", () => {
    const { errors } = validateClientForm(form({ notes: "x".repeat(5001) }), madrid);
    expect(errors.fields.notes).toMatchObject({ key: "validation.too_long", params: { max: 5000 } });
  });

  it("checks the per-kind section of the selected office", () => {
    const values = form({ medical: { dateOfBirth: "2001-02-30", insuranceProvider: "", policyNumber: "P-1" } });
    const { errors } = validateClientForm(values, madrid);
    expect(errors.fields["medical.dateOfBirth"]?.key).toBe("validation.date_invalid");
    expect(errors.fields["medical.insuranceProvider"]?.key).toBe("validation.required");

    const matter = { ...emptyMatter(), reference: "2024/17", title: "" };
    const legal = validateClientForm(form({ legal: { matters: [matter] } }, milan), milan);
    expect(legal.errors.fields[`matters.${matter.key}.title`]?.key).toBe("validation.required");
  });

  it("checks guardians' phones with the office's country", () => {
    const school = office({ kind: "education" });
    const guardian = { ...emptyGuardian(), name: "Ana", phone: "600 000 00" };
    const { errors } = validateClientForm(form({ education: { dateOfBirth: "", grade: "", studentNumber: "", guardians: [guardian] } }, school), school);
    expect(errors.fields[`guardians.${guardian.key}.phone`]?.key).toBe("validation.phone_invalid");
  });

  it("requires the city and country of an address that was started", () => {
    const address = { ...emptyAddress(""), line1: "Calle Mayor 3" };
    const { errors } = validateClientForm(form({ addresses: [address] }), madrid);
    expect(errors.fields[`addresses.${address.key}.city`]?.key).toBe("validation.required");
    expect(errors.fields[`addresses.${address.key}.country`]?.key).toBe("validation.country_invalid");
  });
});

describe("formToInput", () => {
  it("replaces only the section of the office's kind and keeps the others", () => {
    const base = { business: { companyName: "Old Co" }, medical: { dateOfBirth: "1990-01-01" } };
    const values = form({ medical: { dateOfBirth: "", insuranceProvider: "Sanitas", policyNumber: "" } });
    const { input } = formToInput(values, "medical", base);
    expect(input.details).toEqual({ business: { companyName: "Old Co" }, medical: { dateOfBirth: undefined, insurance: { provider: "Sanitas", policyNumber: undefined } } });
  });

  it("removes a section that was emptied", () => {
    const { input } = formToInput(form(), "legal", { legal: { matters: [{ reference: "A", title: "B", status: "open" }] } });
    expect(input.details).toEqual({});
  });

  it("sends only the name fields of the client's kind", () => {
    const { input } = formToInput(form({ kind: "company", companyName: " Acme S.L. " }), null);
    expect(input).toMatchObject({ kind: "company", givenName: undefined, familyName: undefined, companyName: "Acme S.L." });
  });
});

describe("clientToForm", () => {
  it("loads a stored client and gives back the same input", () => {
    const client: Client = {
      id: "0b8a5d3e-9c1f-4f7e-8a2b-3c4d5e6f7a8b",
      organizationId: madrid.organizationId,
      officeId: madrid.id,
      kind: "person",
      givenName: "María",
      familyName: "Pérez",
      companyName: null,
      displayName: "María Pérez",
      phones: [{ label: "mobile", number: "+34612345678" }],
      emails: [{ label: "work", address: "maria@example.es" }],
      addresses: [],
      preferredLocale: "es",
      nationalId: { type: "es_dni", value: "12345678Z" },
      notes: "Prefers mornings",
      details: { medical: { dateOfBirth: "1980-05-17", insurance: { provider: "Sanitas", policyNumber: "A-1" } }, business: { companyName: "Keep" } },
      version: 3,
      archivedAt: null,
      createdAt: "2024-01-01T10:00:00.000Z",
      updatedAt: "2024-01-02T10:00:00.000Z",
    };
    const values = clientToForm(client, madrid);
    expect(values.phones[0]?.number).toBe("+34 612 34 56 78");
    const { input, errors } = validateClientForm(values, madrid, client.details);
    expect(errors).toEqual({ fields: {}, general: [] });
    expect(input).toMatchObject({
      givenName: "María",
      familyName: "Pérez",
      nationalId: { type: "es_dni", value: "12345678Z" },
      details: { medical: { dateOfBirth: "1980-05-17", insurance: { provider: "Sanitas", policyNumber: "A-1" } }, business: { companyName: "Keep" } },
    });
  });
});

describe("mapIssues", () => {
  it("maps server issues of clients.update, which are wrapped in `client`", () => {
    const rows = { phones: ["row-a"], emails: ["row-b"], addresses: [], matters: [], guardians: [] };
    const errors = mapIssues(
      [
        { path: ["client", "phones", 0, "number"], key: "validation.phone_invalid" },
        { path: ["client", "emails", 0, "address"], key: "validation.email_invalid" },
        { path: ["client", "nationalId", "value"], key: "validation.national_id_invalid" },
      ],
      rows,
      "client",
    );
    expect(Object.keys(errors.fields).sort()).toEqual(["emails.row-b.address", "nationalIdValue", "phones.row-a.number"]);
    expect(errors.general).toEqual([]);
  });

  it("keeps issues without a control (unknown fields, rows it cannot find) as general problems", () => {
    const rows = { phones: [], emails: [], addresses: [], matters: [], guardians: [] };
    const errors = mapIssues(
      [
        { path: [], key: "validation.unknown_field", params: { fields: "nickname" } },
        { path: ["phones", 4, "number"], key: "validation.phone_invalid" },
        { path: ["phones"], key: "validation.too_many", params: { max: 5 } },
      ],
      rows,
    );
    expect(errors.general.map((issue) => issue.key)).toEqual(["validation.unknown_field", "validation.phone_invalid"]);
    expect(errors.fields.phones?.key).toBe("validation.too_many");
  });

  it("keeps the first issue of a field", () => {
    const rows = { phones: [], emails: [], addresses: [], matters: [], guardians: [] };
    const errors = mapIssues(
      [
        { path: ["givenName"], key: "validation.too_long", params: { max: 100 } },
        { path: ["givenName"], key: "validation.invalid" },
      ],
      rows,
    );
    expect(errors.fields.givenName?.key).toBe("validation.too_long");
  });
});
