import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_NOTES_LENGTH,
  MAX_PHONES,
  clientDisplayName,
  clientInputSchema,
  clientInputSchemaFor,
  clientSearchSchema,
  clientSearchText,
  clientUpdateSchema,
  isoDateSchema,
  type ClientInput,
} from "./client.js";
import { foldForSearch } from "./text.js";
import { toFieldIssues, type FieldIssue } from "./validation.js";

const spain = clientInputSchemaFor("ES");
const italy = clientInputSchemaFor("IT");

const person: ClientInput = { kind: "person", givenName: "José", familyName: "García Pérez" };

function issues(input: unknown, schema = spain): FieldIssue[] {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return toFieldIssues(result.error?.issues ?? [], input);
}

describe("clientInputSchemaFor: one problem each", () => {
  it("wants a name for a person", () => {
    expect(issues({ kind: "person" })).toEqual([{ path: ["familyName"], key: "validation.person_name_required" }]);
    expect(issues({ givenName: "  ", familyName: "" })).toEqual([{ path: ["familyName"], key: "validation.person_name_required" }]);
  });

  it("is content with either a given or a family name", () => {
    expect(spain.parse({ givenName: "Cher" }).givenName).toBe("Cher");
    expect(spain.parse({ familyName: "Rossi" }).familyName).toBe("Rossi");
  });

  it("wants a company name for a company", () => {
    expect(issues({ kind: "company", givenName: "Ana" })).toEqual([{ path: ["companyName"], key: "validation.company_name_required" }]);
    expect(spain.parse({ kind: "company", companyName: "Telefónica, S.A." }).companyName).toBe("Telefónica, S.A.");
  });

  it("rejects a phone that is no number of the office's country", () => {
    expect(issues({ ...person, phones: [{ number: "+34 612 345 678" }, { number: "12345" }] })).toEqual([
      { path: ["phones", 1, "number"], key: "validation.phone_invalid" },
    ]);
    expect(issues({ ...person, phones: [{ number: "612 abc" }] })).toEqual([{ path: ["phones", 0, "number"], key: "validation.phone_invalid" }]);
    expect(issues({ ...person, phones: [{ number: "" }] })).toEqual([{ path: ["phones", 0, "number"], key: "validation.required", params: { min: 1 } }]);
  });

  it("rejects a DNI whose letter does not match", () => {
    expect(issues({ ...person, nationalId: { type: "es_dni", value: "12345678A" } })).toEqual([
      { path: ["nationalId", "value"], key: "validation.national_id_invalid" },
    ]);
    expect(issues({ ...person, nationalId: { type: "passport", value: "AB123456" } })).toEqual([{ path: ["nationalId", "type"], key: "validation.invalid" }]);
  });

  it("limits notes to 5000 characters", () => {
    expect(MAX_NOTES_LENGTH).toBe(5000);
    expect(spain.parse({ ...person, notes: "x".repeat(5000) }).notes).toHaveLength(5000);
    expect(issues({ ...person, notes: "x".repeat(5001) })).toEqual([{ path: ["notes"], key: "validation.too_long", params: { max: 5000 } }]);
  });

  it("rejects fields it does not know, at every level", () => {
    expect(issues({ ...person, isAdmin: true })).toEqual([{ path: [], key: "validation.unknown_field", params: { fields: "isAdmin" } }]);
    expect(issues({ ...person, phones: [{ number: "612345678", extension: "12" }] })).toEqual([
      { path: ["phones", 0], key: "validation.unknown_field", params: { fields: "extension" } },
    ]);
    expect(issues({ ...person, details: { medical: { bloodType: "0+" } } })).toEqual([
      { path: ["details", "medical"], key: "validation.unknown_field", params: { fields: "bloodType" } },
    ]);
    expect(issues({ ...person, details: { education: { guardians: [{ name: "Ana", age: 40 }] } } })).toEqual([
      { path: ["details", "education", "guardians", 0], key: "validation.unknown_field", params: { fields: "age" } },
    ]);
  });

  it("takes five phones at most", () => {
    expect(MAX_PHONES).toBe(5);
    const phones = (count: number) => Array.from({ length: count }, (_, index) => ({ number: `61234567${index}` }));
    expect(spain.parse({ ...person, phones: phones(5) }).phones).toHaveLength(5);
    expect(issues({ ...person, phones: phones(6) })).toEqual([{ path: ["phones"], key: "validation.too_many", params: { max: 5 } }]);
  });

  it("names a missing field as required and a wrongly typed one as invalid", () => {
    expect(issues({ ...person, notes: 42, phones: [{}] })).toEqual([
      { path: ["phones", 0, "number"], key: "validation.required" },
      { path: ["notes"], key: "validation.invalid" },
    ]);
  });

  it("rejects what is not an object at all", () => {
    expect(issues("José")).toEqual([{ path: [], key: "validation.invalid" }]);
    expect(issues(null)).toEqual([{ path: [], key: "validation.required" }]);
  });
});

describe("clientInputSchemaFor: every problem at once", () => {
  it("reports phones and names beside other fields' problems", () => {
    const input = {
      kind: "person",
      givenName: "",
      phones: [{ number: "612 345 678" }, { number: "999" }],
      emails: [{ address: "jose@" }],
      nationalId: { type: "es_dni", value: "12345678A" },
      notes: "x".repeat(5001),
      details: { education: { guardians: [{ name: "Ana", phone: "12" }] } },
      nickname: "Pepe",
    };
    expect(issues(input)).toEqual(
      expect.arrayContaining([
        { path: ["familyName"], key: "validation.person_name_required" },
        { path: ["phones", 1, "number"], key: "validation.phone_invalid" },
        { path: ["emails", 0, "address"], key: "validation.email_invalid" },
        { path: ["nationalId", "value"], key: "validation.national_id_invalid" },
        { path: ["notes"], key: "validation.too_long", params: { max: 5000 } },
        { path: ["details", "education", "guardians", 0, "phone"], key: "validation.phone_invalid" },
        { path: [], key: "validation.unknown_field", params: { fields: "nickname" } },
      ]),
    );
    expect(issues(input)).toHaveLength(7);
  });

  it("reports a missing company name beside a bad VAT number", () => {
    expect(issues({ kind: "company", details: { business: { vatNumber: "ESA28015866" } } })).toEqual(
      expect.arrayContaining([
        { path: ["companyName"], key: "validation.company_name_required" },
        { path: ["details", "business", "vatNumber"], key: "validation.vat_number_invalid" },
      ]),
    );
  });

  it("does not second-guess the names when the names themselves are wrong", () => {
    expect(issues({ kind: "person", givenName: "x".repeat(101) })).toEqual([{ path: ["givenName"], key: "validation.too_long", params: { max: 100 } }]);
    expect(issues({ kind: "robot" })).toEqual([{ path: ["kind"], key: "validation.invalid" }]);
  });

  it("reports each field once at most", () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 7 }));
    fc.assert(
      fc.property(fc.record({ kind: field, givenName: field, familyName: field, companyName: field, notes: field, phones: field }, { requiredKeys: [] }), (input) => {
        const result = spain.safeParse(input);
        if (result.success) return;
        const paths = toFieldIssues(result.error.issues).map((issue) => JSON.stringify(issue.path));
        expect(new Set(paths).size).toBe(paths.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("clientInputSchemaFor: normalization", () => {
  it("normalizes a complete Spanish client", () => {
    const client = spain.parse({
      kind: "person",
      givenName: "  José ",
      familyName: "García Pérez",
      phones: [{ number: "612 34 56 78" }, { label: "work", number: "+39 06 1234 5678" }],
      emails: [{ address: "  Jose.Garcia@Example.ES " }],
      addresses: [{ line1: "Calle Mayor 1", city: "Madrid", country: "es" }],
      preferredLocale: "es",
      nationalId: { type: "es_dni", value: "12.345.678-z" },
      notes: "Prefers mornings.",
    });
    expect(client).toEqual({
      kind: "person",
      officeId: null,
      givenName: "José",
      familyName: "García Pérez",
      phones: [
        { label: "mobile", number: "+34612345678" },
        { label: "work", number: "+390612345678" },
      ],
      emails: [{ label: "home", address: "jose.garcia@example.es" }],
      addresses: [{ label: "home", line1: "Calle Mayor 1", city: "Madrid", country: "ES" }],
      preferredLocale: "es",
      nationalId: { type: "es_dni", value: "12345678Z" },
      notes: "Prefers mornings.",
      details: {},
    });
  });

  it("fills defaults for a minimal client", () => {
    expect(spain.parse({ familyName: "Rossi" })).toEqual({
      kind: "person",
      officeId: null,
      familyName: "Rossi",
      phones: [],
      emails: [],
      addresses: [],
      preferredLocale: "en",
      nationalId: null,
      notes: "",
      details: {},
    });
  });

  it("reads national numbers with the office's country", () => {
    expect(italy.parse({ ...person, phones: [{ number: "333 123 4567" }] }).phones[0]?.number).toBe("+393331234567");
    expect(issues({ ...person, phones: [{ number: "333 123 4567" }] })).toEqual([{ path: ["phones", 0, "number"], key: "validation.phone_invalid" }]);
    expect(clientInputSchemaFor("US").parse({ ...person, phones: [{ number: "(201) 555-0123" }] }).phones[0]?.number).toBe("+12015550123");
    expect(clientInputSchemaFor("IE").parse({ ...person, phones: [{ number: "087 123 4567" }] }).phones[0]?.number).toBe("+353871234567");
  });

  it("takes only international numbers without a country", () => {
    const anywhere = clientInputSchemaFor();
    expect(anywhere.parse({ ...person, phones: [{ number: "+34 612 345 678" }] }).phones[0]?.number).toBe("+34612345678");
    expect(issues({ ...person, phones: [{ number: "612 345 678" }] }, anywhere)).toEqual([{ path: ["phones", 0, "number"], key: "validation.phone_invalid" }]);
  });

  it("upper-cases a codice fiscale and accepts omocodia", () => {
    expect(italy.parse({ ...person, nationalId: { type: "it_codice_fiscale", value: "rssmra85t10a56nh" } }).nationalId).toEqual({
      type: "it_codice_fiscale",
      value: "RSSMRA85T10A56NH",
    });
  });

  it("normalizes guardians' phones and emails, and treats blank optional fields as not given", () => {
    const client = italy.parse({
      ...person,
      details: {
        education: {
          student: { dateOfBirth: "", grade: "3B", studentNumber: " " },
          guardians: [
            { name: "Giulia Bianchi", relationship: "madre", phone: "06 1234 5678", email: " Giulia@Example.IT " },
            { name: "Marco Bianchi", phone: "", email: "" },
          ],
        },
        business: { vatNumber: " " },
      },
    });
    expect(client.details).toEqual({
      education: {
        student: { grade: "3B" },
        guardians: [
          { name: "Giulia Bianchi", relationship: "madre", phone: "+390612345678", email: "giulia@example.it" },
          { name: "Marco Bianchi" },
        ],
      },
      business: {},
    });
  });

  it("checks the per-kind sections", () => {
    expect(spain.parse({ ...person, details: { medical: { dateOfBirth: "1985-12-10", insurance: { provider: "Sanitas" } } } }).details.medical).toEqual({
      dateOfBirth: "1985-12-10",
      insurance: { provider: "Sanitas" },
    });
    expect(issues({ ...person, details: { medical: { dateOfBirth: "1985-02-30" } } })).toEqual([
      { path: ["details", "medical", "dateOfBirth"], key: "validation.date_invalid" },
    ]);
    expect(spain.parse({ ...person, details: { legal: { matters: [{ reference: "2024/17", title: "Herencia" }] } } }).details.legal).toEqual({
      matters: [{ reference: "2024/17", title: "Herencia", status: "open" }],
    });
    expect(spain.parse({ kind: "company", companyName: "Telefónica", details: { business: { vatNumber: "es a-28015865" } } }).details.business).toEqual({
      vatNumber: "ESA28015865",
    });
  });

  it("keeps the office id and leaves the raw input schema unnormalized", () => {
    const officeId = "6f1c2f3e-6a0c-4f7e-9c1a-2b3c4d5e6f70";
    expect(spain.parse({ ...person, officeId }).officeId).toBe(officeId);
    expect(issues({ ...person, officeId: "office-1" })).toEqual([{ path: ["officeId"], key: "validation.id_invalid" }]);
    expect(clientInputSchema.parse({ ...person, phones: [{ number: "612 34 56 78" }] }).phones[0]?.number).toBe("612 34 56 78");
  });
});

describe("other client schemas", () => {
  it("validates calendar dates", () => {
    expect(isoDateSchema.parse(" 2024-02-29 ")).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "2024-13-01", "24-01-01", "2024-1-1", "abc"]) {
      expect(toFieldIssues(isoDateSchema.safeParse(bad).error?.issues ?? [])).toEqual([{ path: [], key: "validation.date_invalid" }]);
    }
  });

  it("wants an id and a version for an update", () => {
    const result = clientUpdateSchema.safeParse({ id: "nope", version: 0, client: { ...person, extra: 1 } });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([
      { path: ["id"], key: "validation.id_invalid" },
      { path: ["version"], key: "validation.too_small", params: { min: 1 } },
      { path: ["client"], key: "validation.unknown_field", params: { fields: "extra" } },
    ]);
  });

  it("gives search sensible defaults and limits", () => {
    expect(clientSearchSchema.parse({})).toEqual({ query: "", status: "active", limit: 25 });
    expect(clientSearchSchema.safeParse({ limit: 101 }).success).toBe(false);
  });
});

describe("display name and search text", () => {
  it("shows people by their names and companies by the company name", () => {
    expect(clientDisplayName({ kind: "person", givenName: "José", familyName: "García" })).toBe("José García");
    expect(clientDisplayName({ kind: "person", givenName: undefined, familyName: "García" })).toBe("García");
    expect(clientDisplayName({ kind: "company", givenName: "Ana", familyName: undefined, companyName: "Telefónica" })).toBe("Telefónica");
    expect(clientDisplayName({ kind: "person", givenName: null, familyName: "Rossi", companyName: null })).toBe("Rossi");
    expect(clientDisplayName({ kind: "company", companyName: null })).toBe("");
  });

  it("finds a client by folded name, phone as typed or in E.164, email and national id", () => {
    const client = spain.parse({
      ...person,
      phones: [{ number: "612 34 56 78" }],
      emails: [{ address: "Jose@Example.es" }],
      nationalId: { type: "es_dni", value: "12345678z" },
    });
    const text = clientSearchText(client);
    for (const query of ["jose garcia", "GARCÍA", "+34612345678", "34612345678", "jose@example.es", "12345678Z"]) {
      expect(text).toContain(foldForSearch(query));
    }
    expect(foldForSearch(text)).toBe(text);
  });
});
