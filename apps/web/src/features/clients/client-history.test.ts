import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { es } from "../../i18n/es";
import { createTranslator } from "../../i18n/translate";
import { describeEntry, summarizeValue } from "./client-history";

const t = createTranslator("en", en);
const list = (items: readonly string[]) => new Intl.ListFormat("en", { type: "conjunction" }).format(items);

describe("describeEntry", () => {
  const actor = { id: "s1", displayName: "Rosa Martín" };

  it("says who did what", () => {
    expect(describeEntry({ id: "1", action: "create", at: "2024-01-01T10:00:00Z", actor, changes: {} }, t, list)).toBe("Rosa Martín created the client");
    expect(describeEntry({ id: "2", action: "archive", at: "2024-01-01T10:00:00Z", actor: null, changes: {} }, t, list)).toBe("Someone archived the client");
  });

  it("names the changed fields, in the interface language, and counts the rest", () => {
    const changes = Object.fromEntries(["givenName", "phones", "notes", "nationalId", "emails", "version"].map((field) => [field, { from: null, to: "x" }]));
    expect(describeEntry({ id: "3", action: "update", at: "2024-01-01T10:00:00Z", actor, changes }, t, list)).toBe(
      "Rosa Martín changed: First name, Phone numbers, Notes, ID document, and 1 more field",
    );
    const tEs = createTranslator("es", es);
    const listEs = (items: readonly string[]) => new Intl.ListFormat("es", { type: "conjunction" }).format(items);
    expect(describeEntry({ id: "4", action: "update", at: "2024-01-01T10:00:00Z", actor, changes: { notes: { from: "", to: "Llamar" } } }, tEs, listEs)).toBe("Rosa Martín cambió: Notas");
  });
});

describe("summarizeValue", () => {
  it("renders recorded values readably", () => {
    expect(summarizeValue(null, t)).toBe("(empty)");
    expect(summarizeValue("+34612345678", t)).toBe("+34 612 34 56 78");
    expect(summarizeValue([{ label: "mobile", number: "+34612345678" }, { label: "work", number: "+390212345678" }], t)).toBe("+34 612 34 56 78, +39 02 1234 5678");
    expect(summarizeValue({ type: "es_dni", value: "12345678Z" }, t)).toBe("12345678Z");
    expect(summarizeValue({ line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" }, t)).toBe("Calle Mayor 1, 28013, Madrid");
    expect(summarizeValue({ medical: { dateOfBirth: "1980-05-17" } }, t)).toBe("medical: dateOfBirth: 1980-05-17");
  });
});
