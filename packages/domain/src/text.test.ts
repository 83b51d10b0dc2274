import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitsOnly, foldForSearch } from "./text.js";

describe("foldForSearch", () => {
  it.each([
    ["José", "jose"],
    ["Niccolò", "niccolo"],
    ["ÑANDÚ", "nandu"],
    ["  María \t\n  Pérez  ", "maria perez"],
    ["François Müller", "francois muller"],
    ["Pietà, Perché, Così", "pieta, perche, cosi"],
    ["Jose\u0301", "jose"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it("folds precomposed and decomposed spellings alike", () => {
    expect(foldForSearch("Ren\u00e9e")).toBe(foldForSearch("Rene\u0301e"));
  });

  const anyText = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme-composite" }));

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it("removes every combining mark and leaves no upper case, leading, trailing or doubled space", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = foldForSearch(text);
        expect(folded).not.toMatch(/\p{M}/u);
        expect(folded).toBe(folded.toLowerCase());
        expect(folded).not.toMatch(/^\s|\s$|\s\s/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("digitsOnly", () => {
  it("keeps the digits", () => {
    expect(digitsOnly("+34 (612) 34-56-78")).toBe("34612345678");
    expect(digitsOnly("none")).toBe("");
  });
});
