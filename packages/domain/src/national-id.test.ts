import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  NATIONAL_ID_TYPES,
  codiceFiscaleCheckChar,
  isValidCif,
  isValidCodiceFiscale,
  isValidDni,
  isValidNationalId,
  isValidNie,
  isValidNif,
  isValidPartitaIva,
  isValidVatNumber,
  normalizeIdentifier,
} from "./national-id.js";

/*
 * Every valid value below is a published example (a specimen card, a public company's or
 * agency's tax number, or the examples of python-stdnum's es/it test suites), and its check
 * character is worked out by hand in the comment beside it, not taken from the code under test.
 *
 * DNI letters, by remainder modulo 23:
 *   0 T  1 R  2 W  3 A  4 G  5 M  6 Y  7 F  8 P  9 D  10 X  11 B
 *  12 N 13 J 14 Z 15 S 16 Q 17 V 18 H 19 L 20 C 21 K  22 E
 */
const DNI_LETTERS_FROM_THE_BOE = "TRWAGMYFPDXBNJZSQVHLCKE";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((list) => list.join(""));

describe("DNI", () => {
  it.each([
    ["12345678Z", "12345678 = 23 × 536768 + 14 → Z (the usual textbook example)"],
    ["99999999R", "99999999 = 23 × 4347826 + 1 → R (the number on the DNI 3.0 specimen card)"],
    ["00000000T", "0 = 23 × 0 + 0 → T"],
    ["11111111H", "11111111 = 23 × 483091 + 18 → H (python-stdnum)"],
    ["54362315K", "54362315 = 23 × 2363578 + 21 → K (python-stdnum)"],
  ])("accepts %s (%s)", (value) => {
    expect(isValidDni(value)).toBe(true);
    expect(isValidNif(value)).toBe(true);
    expect(isValidNationalId("es_dni", value)).toBe(true);
  });

  it.each([
    ["12345678A", "the letter of 12345678 is Z"],
    ["11111111T", "the letter of 11111111 is H (python-stdnum)"],
    ["99999999I", "I is never a DNI letter"],
    ["1234567Z", "seven digits"],
    ["123456789Z", "nine digits"],
    ["Z12345678", "letter first"],
    ["12345678", "no letter"],
    ["", "empty"],
  ])("rejects %s (%s)", (value) => {
    expect(isValidDni(value)).toBe(false);
  });

  it("accepts the number as printed or typed: lower case, dots, dashes, spaces", () => {
    expect(isValidDni("12.345.678-z")).toBe(true);
    expect(isValidDni(" 12345678 z ")).toBe(true);
    expect(isValidDni("99 999 999/R")).toBe(true);
  });

  it("for any eight digits, exactly one of the 26 letters makes a valid DNI, and it is one of the 23", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (number) => {
        const eight = String(number).padStart(8, "0");
        const valid = [...ALPHABET].filter((letter) => isValidDni(`${eight}${letter}`));
        expect(valid).toHaveLength(1);
        expect(DNI_LETTERS_FROM_THE_BOE).toContain(valid[0]);
        expect(valid[0]).toBe(DNI_LETTERS_FROM_THE_BOE[number % 23]);
      }),
    );
  });

  it("changing any one digit of a valid DNI makes it invalid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.nat(7), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        const eight = String(number).padStart(8, "0");
        const valid = `${eight}${DNI_LETTERS_FROM_THE_BOE[number % 23]}`;
        const changed = `${eight.slice(0, position)}${(Number(eight[position]) + shift) % 10}${eight.slice(position + 1)}${valid[8]}`;
        expect(isValidDni(valid)).toBe(true);
        expect(isValidDni(changed)).toBe(false);
      }),
    );
  });
});

describe("NIE", () => {
  it.each([
    ["X1234567L", "X → 0: 01234567 = 23 × 53676 + 19 → L"],
    ["Y1234567X", "Y → 1: 11234567 = 23 × 488459 + 10 → X"],
    ["Z1234567R", "Z → 2: 21234567 = 23 × 923242 + 1 → R"],
    ["X1111111G", "X → 0: 01111111 = 23 × 48309 + 4 → G (python-stdnum)"],
    ["X-5253868-R", "X → 0: 05253868 = 23 × 228429 + 1 → R (python-stdnum)"],
  ])("accepts %s (%s)", (value) => {
    expect(isValidNie(value)).toBe(true);
    expect(isValidNif(value)).toBe(true);
    expect(isValidNationalId("es_nie", value)).toBe(true);
  });

  it.each([
    ["X1111111A", "the letter is G (python-stdnum)"],
    ["X1234567M", "the letter is L"],
    ["W1234567L", "W is not a NIE prefix"],
    ["X12345678L", "eight digits"],
    ["12345678Z", "a DNI is not a NIE"],
  ])("rejects %s (%s)", (value) => {
    expect(isValidNie(value)).toBe(false);
  });

  it("a NIE is valid exactly when the DNI with X, Y, Z replaced by 0, 1, 2 is", () => {
    fc.assert(
      fc.property(fc.constantFrom("X", "Y", "Z"), digits(7), fc.constantFrom(...ALPHABET), (prefix, seven, letter) => {
        expect(isValidNie(`${prefix}${seven}${letter}`)).toBe(isValidDni(`${"XYZ".indexOf(prefix)}${seven}${letter}`));
      }),
    );
  });
});

describe("NIF of people without DNI or NIE (K, L, M)", () => {
  it.each([
    ["L1111111G", "1111111 = 23 × 48309 + 4 → G (python-stdnum: valid NIF, neither DNI, NIE nor CIF)"],
    ["M-1234567-L", "1234567 = 23 × 53676 + 19 → L (python-stdnum: valid NIF but not a CIF)"],
    ["K1234567L", "1234567 = 23 × 53676 + 19 → L"],
  ])("accepts %s (%s)", (value) => {
    expect(isValidNif(value)).toBe(true);
    expect(isValidNationalId("es_nif", value)).toBe(true);
    expect(isValidDni(value)).toBe(false);
    expect(isValidNie(value)).toBe(false);
    expect(isValidCif(value)).toBe(false);
  });

  it.each([
    ["L1111111C", "the letter is G (python-stdnum)"],
    ["M1234567K", "the letter is L"],
    ["K123456L", "six digits"],
  ])("rejects %s (%s)", (value) => {
    expect(isValidNif(value)).toBe(false);
  });

  it("uses the DNI letter of the seven digits", () => {
    fc.assert(
      fc.property(fc.constantFrom("K", "L", "M"), digits(7), fc.constantFrom(...ALPHABET), (prefix, seven, letter) => {
        expect(isValidNif(`${prefix}${seven}${letter}`)).toBe(isValidDni(`0${seven}${letter}`));
      }),
    );
  });
});

/*
 * CIF control: over the seven digits, the digits in odd places (1st, 3rd, 5th, 7th) are doubled
 * and their digits added; the digits in even places are added as they are. The control digit
 * is (10 − sum mod 10) mod 10 and the control letter is that index in "JABCDEFGHI".
 */
describe("CIF", () => {
  it.each([
    ["A28015865", "Telefónica, S.A.: 2·2=4, 0, 5·2=10→1, 6·2=12→3 → 8; 8+1+8 = 17; 25 → 5"],
    ["A39000013", "Banco Santander, S.A.: 3·2=6, 0, 0, 1·2=2 → 8; 9+0+0 = 9; 17 → 3"],
    ["B64717838", "python-stdnum: 6·2=12→3, 7·2=14→5, 7·2=14→5, 3·2=6 → 19; 4+1+8 = 13; 32 → 8"],
    ["B-58378431", "python-stdnum: 5·2=10→1, 3·2=6, 8·2=16→7, 3·2=6 → 20; 8+7+4 = 19; 39 → 1"],
    ["A11111119", "python-stdnum: 2+2+2+2 = 8; 1+1+1 = 3; 11 → 9"],
    ["J99216582", "python-stdnum: 9·2=18→9, 2·2=4, 6·2=12→3, 8·2=16→7 → 23; 9+1+5 = 15; 38 → 2"],
  ])("accepts %s with a control digit (%s)", (value) => {
    expect(isValidCif(value)).toBe(true);
    expect(isValidNif(value)).toBe(true);
  });

  it.each([
    ["Q2826000H", "Agencia Estatal de Administración Tributaria: 2·2=4, 2·2=4, 0, 0 → 8; 8+6+0 = 14; 22 → 8 → H"],
    ["Q2866001G", "Cruz Roja Española: 2·2=4, 6·2=12→3, 0, 1·2=2 → 9; 8+6+0 = 14; 23 → 7 → G"],
  ])("accepts %s with a control letter (%s)", (value) => {
    expect(isValidCif(value)).toBe(true);
    expect(isValidNif(value)).toBe(true);
  });

  it("accepts either control form for entity types that may use both (G: foundations)", () => {
    // 1234567: 1·2=2, 3·2=6, 5·2=10→1, 7·2=14→5 → 14; 2+4+6 = 12; 26 → 4 → D
    expect(isValidCif("G12345674")).toBe(true);
    expect(isValidCif("G1234567D")).toBe(true);
    expect(isValidCif("G12345675")).toBe(false);
    expect(isValidCif("G1234567E")).toBe(false);
  });

  it.each([
    ["A28015866", "the control digit is 5"],
    ["A2801586E", "E is the letter for 5, but companies of type A use the digit"],
    ["Q28260008", "8 is the right digit, but public bodies of type Q use the letter H"],
    ["Q2826000A", "the control letter is H"],
    ["A11111118", "the control digit is 9 (python-stdnum)"],
    ["J99216583", "the control digit is 2 (python-stdnum)"],
    ["I1234567D", "I is not an entity type"],
    ["A2801586", "six digits and a control"],
  ])("rejects %s (%s)", (value) => {
    expect(isValidCif(value)).toBe(false);
  });

  it("for digit-only types exactly one digit is valid; for letter-only types exactly one letter", () => {
    fc.assert(
      fc.property(fc.constantFrom(..."ABEHPQRSNW"), digits(7), (entity, seven) => {
        const controls = [..."0123456789", ..."ABCDEFGHIJ"].filter((control) => isValidCif(`${entity}${seven}${control}`));
        expect(controls).toHaveLength(1);
        expect(/\d/.test(controls[0] as string)).toBe("ABEH".includes(entity));
      }),
    );
  });
});

/*
 * Codice fiscale check character (DM 23 December 1976): characters in odd places (1st, 3rd…)
 * take the values of the "dispari" table, those in even places their rank (digits 0–9, letters
 * A=0 … Z=25); the sum modulo 26 is the check letter (0 = A).
 *
 * RSSMRA85T10A562S (the usual example, Mario Rossi):
 *   odd   R8 S12 R8 8→19 T14 0→1 5→13 2→5  = 80
 *   even  S18 M12 A0 5 1 A0 6              = 42
 *   122 mod 26 = 18 → S
 * MRTMTT25D09F205Z (Italian Wikipedia's example, Matteo Moretti):
 *   odd   M18 T14 T14 2→5 D7 9→21 2→5 5→13 = 97
 *   even  R17 M12 T19 5 0 F5 0             = 58
 *   155 mod 26 = 25 → Z
 * Omocodia of the first, replacing digits from the right (0–9 → L M N P Q R S T U V):
 *   RSSMRA85T10A56N?  place 15: 2 (odd 5) → N (odd 20): 122 + 15 = 137, mod 26 = 7 → H
 *   RSSMRA85T10A5SN?  place 14: 6 (even 6) → S (even 18): 137 + 12 = 149, mod 26 = 19 → T
 */
const CF_DISPARI: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const referenceCheckChar = (first15: string) =>
  ALPHABET[
    [...first15].reduce(
      (sum, char, index) => sum + (index % 2 === 0 ? (CF_DISPARI[char] as number) : /\d/.test(char) ? Number(char) : ALPHABET.indexOf(char)),
      0,
    ) % 26
  ] as string;

const OMOCODIA = "LMNPQRSTUV";
const cfDigit = fc.constantFrom(..."0123456789", ...OMOCODIA);
const cfLetter = fc.constantFrom(...ALPHABET);
const validCodiceFiscale = fc
  .tuple(
    fc.array(cfLetter, { minLength: 6, maxLength: 6 }),
    fc.array(cfDigit, { minLength: 2, maxLength: 2 }),
    fc.constantFrom(..."ABCDEHLMPRST"),
    fc.array(cfDigit, { minLength: 2, maxLength: 2 }),
    cfLetter,
    fc.array(cfDigit, { minLength: 3, maxLength: 3 }),
  )
  .map(([name, year, month, day, place, town]) => {
    const first15 = [...name, ...year, month, ...day, place, ...town].join("");
    return `${first15}${referenceCheckChar(first15)}`;
  });

describe("codice fiscale", () => {
  it.each([
    ["RSSMRA85T10A562S", "122 mod 26 = 18 → S"],
    ["MRTMTT25D09F205Z", "155 mod 26 = 25 → Z"],
    ["RSSMRA85T10A56NH", "omocodia of the last digit: 137 mod 26 = 7 → H"],
    ["RSSMRA85T10A5SNT", "omocodia of the last two digits: 149 mod 26 = 19 → T"],
    ["rssmra 85t10 a562s", "as typed: lower case and spaces"],
  ])("accepts %s (%s)", (value) => {
    expect(isValidCodiceFiscale(value)).toBe(true);
    expect(isValidNationalId("it_codice_fiscale", value)).toBe(true);
  });

  it("computes the check character of the published examples", () => {
    expect(codiceFiscaleCheckChar("RSSMRA85T10A562")).toBe("S");
    expect(codiceFiscaleCheckChar("MRTMTT25D09F205")).toBe("Z");
    expect(codiceFiscaleCheckChar("RSSMRA85T10A56N")).toBe("H");
  });

  it.each([
    ["RSSMRA85T10A562T", "the check character is S"],
    ["RSSMRA85T10A56NS", "with omocodia the check character becomes H"],
    ["RSSMRA85Z10A562S", "Z is not a month letter"],
    ["RSSMRA85T10A5A2S", "A is not an omocodia letter"],
    ["RSSMRA85T10A562", "fifteen characters"],
    ["RSSMRA85T10A562SS", "seventeen characters"],
    ["00905811006", "a partita IVA is not a personal codice fiscale"],
  ])("rejects %s (%s)", (value) => {
    expect(isValidCodiceFiscale(value)).toBe(false);
  });

  it("accepts every well-formed code whose check character follows the ministerial tables", () => {
    fc.assert(
      fc.property(validCodiceFiscale, (code) => {
        expect(isValidCodiceFiscale(code)).toBe(true);
        expect(codiceFiscaleCheckChar(code.slice(0, 15))).toBe(code[15]);
      }),
    );
  });

  it("changing any single character of a valid codice fiscale makes it invalid", () => {
    fc.assert(
      fc.property(
        fc.oneof(validCodiceFiscale, fc.constantFrom("RSSMRA85T10A562S", "MRTMTT25D09F205Z", "RSSMRA85T10A56NH")),
        fc.nat(15),
        fc.constantFrom(..."0123456789", ...ALPHABET),
        (code, position, replacement) => {
          fc.pre(code[position] !== replacement);
          const changed = `${code.slice(0, position)}${replacement}${code.slice(position + 1)}`;
          expect(isValidCodiceFiscale(changed)).toBe(false);
        },
      ),
    );
  });
});

/*
 * Partita IVA: the digits in odd places are added; those in even places are doubled, less 9
 * when over 9; the eleventh digit is (10 − sum mod 10) mod 10.
 *   00905811006 (Eni S.p.A.):           odd 0+9+5+1+0 = 15; even 0,0,16→7,2,0 = 9;  24 → 6
 *   00488410010 (Telecom Italia S.p.A.): odd 0+4+8+1+0 = 13; even 0,16→7,8,0,2 = 17; 30 → 0
 */
describe("partita IVA", () => {
  it.each([["00905811006"], ["00488410010"], ["IT00905811006"], ["IT 00488410010"]])("accepts %s", (value) => {
    expect(isValidPartitaIva(value)).toBe(true);
  });

  it.each([["00905811007"], ["00488410011"], ["0090581100"], ["009058110061"], ["0090581100A"], [""]])("rejects %s", (value) => {
    expect(isValidPartitaIva(value)).toBe(false);
  });

  it("changing any single digit of a valid partita IVA makes it invalid", () => {
    fc.assert(
      fc.property(fc.constantFrom("00905811006", "00488410010"), fc.nat(10), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        const changed = `${number.slice(0, position)}${(Number(number[position]) + shift) % 10}${number.slice(position + 1)}`;
        expect(isValidPartitaIva(changed)).toBe(false);
      }),
    );
  });
});

describe("VAT numbers", () => {
  it.each([
    ["ESA28015865", true, "Spanish company"],
    ["ES A-28015865", true, "as printed"],
    ["ES12345678Z", true, "Spanish self-employed person (DNI)"],
    ["ESX1234567L", true, "Spanish resident foreigner (NIE)"],
    ["IT00905811006", true, "Italian partita IVA"],
    ["00905811006", true, "bare partita IVA"],
    ["A28015865", true, "bare CIF"],
    ["DE123456789", true, "other EU forms are checked by shape"],
    ["ESA28015866", false, "bad CIF control"],
    ["ES12345678A", false, "bad DNI letter"],
    ["IT00905811007", false, "bad partita IVA check digit"],
    ["ITIT00905811006", false, "the country prefix only once"],
    ["IT0090581100", false, "ten digits"],
    ["D", false, "too short"],
  ])("%s → %s (%s)", (value, expected) => {
    expect(isValidVatNumber(value)).toBe(expected);
  });
});

describe("national ids by type", () => {
  it("knows every type it lists", () => {
    expect(NATIONAL_ID_TYPES).toEqual(["es_dni", "es_nie", "es_nif", "it_codice_fiscale", "other"]);
  });

  it("checks each type by its own rule", () => {
    expect(isValidNationalId("es_dni", "X1234567L")).toBe(false);
    expect(isValidNationalId("es_nie", "12345678Z")).toBe(false);
    expect(isValidNationalId("es_nif", "A28015865")).toBe(true);
    expect(isValidNationalId("es_nif", "X1234567L")).toBe(true);
    expect(isValidNationalId("it_codice_fiscale", "12345678Z")).toBe(false);
  });

  it("accepts 3 to 32 letters and digits for other documents", () => {
    expect(isValidNationalId("other", "P-1234567")).toBe(true);
    expect(isValidNationalId("other", "ab")).toBe(false);
    expect(isValidNationalId("other", "A".repeat(33))).toBe(false);
    expect(isValidNationalId("other", "ÑÑÑ123")).toBe(false);
  });

  it("normalizes case and separators, and keeps letters and digits", () => {
    expect(normalizeIdentifier(" x-1234567.l ")).toBe("X1234567L");
    expect(normalizeIdentifier("es b/58378431")).toBe("ESB58378431");
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normalizeIdentifier(text);
        expect(normalizeIdentifier(once)).toBe(once);
        expect(once).not.toMatch(/[\s.\-/]/);
      }),
    );
  });
});
