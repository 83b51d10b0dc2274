import { ERROR_CODES, LOCALES, VALIDATION_KEYS, type Locale } from "@frontoffice/domain";
import { describe, expect, it as test } from "vitest";
import { en } from "./en";
import { es } from "./es";
import { it } from "./it";
import { createTranslator, placeholdersOf } from "./translate";
import type { MessageValue } from "./types";

const catalogs: Record<Locale, Readonly<Record<string, MessageValue>>> = { en, es, it };
const englishKeys = Object.keys(en).sort();

function textsOf(value: MessageValue): string[] {
  return typeof value === "string" ? [value] : Object.values(value).filter((text): text is string => typeof text === "string");
}

describe("translations", () => {
  test("every supported locale has a catalog", () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const catalog = catalogs[locale];

      test("has exactly the English keys", () => {
        const keys = Object.keys(catalog).sort();
        expect(englishKeys.filter((key) => !keys.includes(key)), "missing keys").toEqual([]);
        expect(keys.filter((key) => !englishKeys.includes(key)), "keys English does not have").toEqual([]);
      });

      test("has no empty message", () => {
        const empty = Object.entries(catalog)
          .filter(([, value]) => textsOf(value).length === 0 || textsOf(value).some((text) => text.trim() === ""))
          .map(([key]) => key);
        expect(empty).toEqual([]);
      });

      test("plural messages have the forms the language needs", () => {
        for (const [key, value] of Object.entries(catalog)) {
          const source = en[key as keyof typeof en];
          if (typeof source === "string") {
            expect(typeof value, key).toBe("string");
            continue;
          }
          expect(typeof value, key).toBe("object");
          const forms = value as unknown as Record<string, string | undefined>;
          const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.filter((form) => form !== "many");
          for (const form of needed) expect(forms[form] ?? forms.other, `${key}.${form}`).toBeTruthy();
          expect(forms.other, `${key}.other`).toBeTruthy();
        }
      });

      test("uses the same placeholders as English", () => {
        const mismatched = Object.entries(catalog)
          .filter(([key, value]) => placeholdersOf(value).join() !== placeholdersOf(en[key as keyof typeof en]).join())
          .map(([key]) => key);
        expect(mismatched).toEqual([]);
      });

      test("translates every validation key the domain can produce", () => {
        expect(VALIDATION_KEYS.filter((key) => !Object.hasOwn(catalog, key))).toEqual([]);
      });

      test("translates every domain error code", () => {
        const codes = Object.keys(ERROR_CODES);
        expect(codes.length).toBeGreaterThan(0);
        expect(codes.filter((code) => !Object.hasOwn(catalog, `errors.${code}`))).toEqual([]);
      });
    });
  }

  test("Spanish and Italian are actually translated, not copies of English", () => {
    for (const catalog of [es, it]) {
      const same = englishKeys.filter((key) => JSON.stringify(catalog[key as keyof typeof en]) === JSON.stringify(en[key as keyof typeof en]));
      // Brand names and codes may stay the same; prose must not.
      expect(same.length / englishKeys.length).toBeLessThan(0.05);
    }
  });
});

describe("createTranslator", () => {
  test("fills placeholders and formats numbers for the locale", () => {
    const t = createTranslator("es", es);
    expect(t("field.notesCount", { count: 1234, max: 5000 })).toBe("1234 de 5000 caracteres");
    const tEn = createTranslator("en", en);
    expect(tEn("field.notesCount", { count: 1234, max: 5000 })).toBe("1,234 of 5,000 characters");
    expect(tEn("clientForm.editTitle", { name: "José Núñez" })).toBe("Edit José Núñez");
  });

  test("picks plural forms with Intl.PluralRules", () => {
    const tEn = createTranslator("en", en);
    expect(tEn("form.fixErrors", { count: 1 })).toBe("1 field needs your attention.");
    expect(tEn("form.fixErrors", { count: 3 })).toBe("3 fields need your attention.");
    const tIt = createTranslator("it", it);
    expect(tIt("form.fixErrors", { count: 1 })).toBe("C'è 1 campo da controllare.");
    expect(tIt("form.fixErrors", { count: 2 })).toBe("Ci sono 2 campi da controllare.");
    // Spanish has a "many" category for large round numbers; it falls back to "other".
    const tEs = createTranslator("es", es);
    expect(tEs("clients.shown", { count: 1_000_000 })).toBe("1.000.000 clientes");
  });

  test("falls back for unknown run-time keys", () => {
    const t = createTranslator("it", it);
    expect(t.dynamic("validation.no_such_key", undefined, "validation.invalid")).toBe("Questo valore non è valido.");
    expect(t.dynamic("validation.too_long", { max: 100 })).toBe("Usa al massimo 100 caratteri.");
    expect(t.issue({ key: "validation.too_long", params: { max: 100 } })).toBe("Usa al massimo 100 caratteri.");
    expect(t.issue({ key: "validation.no_such_key" })).toBe("Questo valore non è valido.");
    expect(t.issue(undefined)).toBeNull();
  });
});

describe("interface locales", () => {
  test("match domain's LOCALES and pickLocale", async () => {
    const { INTERFACE_LOCALES, pickInterfaceLocale } = await import("./locales");
    const { pickLocale } = await import("@frontoffice/domain");
    expect([...INTERFACE_LOCALES]).toEqual([...LOCALES]);
    for (const tags of [["es-ES", "en"], ["it-IT"], ["fr-FR", "it"], ["de"], [], ["EN-gb"]]) {
      expect(pickInterfaceLocale(tags)).toBe(pickLocale(tags));
    }
  });
});
