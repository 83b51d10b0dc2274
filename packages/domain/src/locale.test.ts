import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES, localeSchema, pickLocale } from "./locale.js";

describe("pickLocale", () => {
  it.each([
    [["es-ES", "en-US"], "es"],
    [["it"], "it"],
    [["en-GB"], "en"],
    [["fr-FR", "it-IT", "es"], "it"],
    [["ES-mx"], "es"],
    [["it_IT.UTF-8"], "it"],
    [["es_ES"], "es"],
    [["de-DE", "fr"], "en"],
    [["*"], "en"],
    [["esperanto"], "en"],
    [[], "en"],
  ] as const)("%j → %s", (tags, expected) => {
    expect(pickLocale(tags)).toBe(expected);
  });

  it("falls back to English", () => {
    expect(DEFAULT_LOCALE).toBe("en");
    expect(LOCALES).toEqual(["en", "es", "it"]);
  });
});

describe("localeSchema", () => {
  it("accepts the three languages and names the problem otherwise", () => {
    for (const locale of LOCALES) expect(localeSchema.parse(locale)).toBe(locale);
    expect(localeSchema.safeParse("fr").error?.issues[0]?.message).toBe("validation.locale_invalid");
  });
});
