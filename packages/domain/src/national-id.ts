/**
 * Checksums of the national identity and tax numbers our offices meet most: Spanish DNI, NIE,
 * NIF and CIF; Italian codice fiscale and partita IVA. Inputs are normalized first (case,
 * spaces, dashes), so staff can type them as printed on the card.
 */

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** The control letter of a DNI (or NIE, with X/Y/Z read as 0/1/2) number. */
export function dniLetter(number: number): string {
  return DNI_LETTERS[number % 23] as string;
}

export function normalizeIdentifier(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]/g, "");
}

/** Spanish DNI: eight digits and the letter of their remainder modulo 23. */
export function isValidDni(value: string): boolean {
  const id = normalizeIdentifier(value);
  const match = /^(\d{8})([A-Z])$/.exec(id);
  if (!match) return false;
  return dniLetter(Number(match[1])) === match[2];
}

/** Spanish NIE: X, Y or Z (standing for 0, 1, 2), seven digits and the DNI letter. */
export function isValidNie(value: string): boolean {
  const id = normalizeIdentifier(value);
  const match = /^([XYZ])(\d{7})([A-Z])$/.exec(id);
  if (!match) return false;
  const prefix = "XYZ".indexOf(match[1] as string);
  return dniLetter(Number(`${prefix}${match[2]}`)) === match[3];
}

/** The check digit of a CIF's seven digits (entity types that take a letter use "JABCDEFGHI"[digit]). */
export function cifCheckDigit(sevenDigits: string): number {
  let sum = 0;
  for (let index = 0; index < 7; index++) {
    const digit = Number(sevenDigits[index]);
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  return (10 - (sum % 10)) % 10;
}

/** Spanish CIF (companies): a letter for the entity type, seven digits, a digit or letter check. */
export function isValidCif(value: string): boolean {
  const id = normalizeIdentifier(value);
  const match = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(id);
  if (!match) return false;
  const [, entity, digits, control] = match as unknown as [string, string, string, string];
  const checkDigit = cifCheckDigit(digits);
  const checkLetter = "JABCDEFGHI"[checkDigit];
  if ("PQRSNW".includes(entity)) return control === checkLetter;
  if ("ABEH".includes(entity)) return control === String(checkDigit);
  return control === String(checkDigit) || control === checkLetter;
}

/** Spanish NIF: the tax number of a person (DNI, NIE, or K/L/M forms) or a company (CIF). */
export function isValidNif(value: string): boolean {
  const id = normalizeIdentifier(value);
  if (/^[KLM]\d{7}[A-Z]$/.test(id)) {
    return dniLetter(Number(id.slice(1, 8))) === id[8];
  }
  return isValidDni(id) || isValidNie(id) || isValidCif(id);
}

const CF_ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function cfEvenValue(char: string): number {
  return /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
}

/** The check character of the first fifteen characters of a codice fiscale. */
export function codiceFiscaleCheckChar(first15: string): string {
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const char = first15[index] as string;
    sum += index % 2 === 0 ? (CF_ODD[char] ?? 0) : cfEvenValue(char);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * Italian codice fiscale of a person: 16 characters with a check character. Omocodia (digits
 * replaced by letters LMNPQRSTUV to break collisions) is accepted.
 */
export function isValidCodiceFiscale(value: string): boolean {
  const id = normalizeIdentifier(value);
  const shape =
    /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
  if (!shape.test(id)) return false;
  return codiceFiscaleCheckChar(id.slice(0, 15)) === id[15];
}

/** Italian partita IVA (VAT number): eleven digits, Luhn-style check digit. */
export function isValidPartitaIva(value: string): boolean {
  const id = normalizeIdentifier(value).replace(/^IT/, "");
  if (!/^\d{11}$/.test(id)) return false;
  return partitaIvaCheckDigit(id.slice(0, 10)) === Number(id[10]);
}

/** The check digit of a partita IVA's first ten digits (Luhn-style). */
export function partitaIvaCheckDigit(tenDigits: string): number {
  let sum = 0;
  for (let index = 0; index < 10; index++) {
    let digit = Number(tenDigits[index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export const NATIONAL_ID_TYPES = ["es_dni", "es_nie", "es_nif", "it_codice_fiscale", "other"] as const;
export type NationalIdType = (typeof NATIONAL_ID_TYPES)[number];

/** Validates a national id of a given type; `other` accepts any 3-32 letters and digits. */
export function isValidNationalId(type: NationalIdType, value: string): boolean {
  switch (type) {
    case "es_dni":
      return isValidDni(value);
    case "es_nie":
      return isValidNie(value);
    case "es_nif":
      return isValidNif(value);
    case "it_codice_fiscale":
      return isValidCodiceFiscale(value);
    case "other":
      return /^[A-Z0-9]{3,32}$/.test(normalizeIdentifier(value));
  }
}

/**
 * A company's VAT number: Spanish (`ES` + NIF), Italian (`IT` + partita IVA) are checked by
 * checksum; other EU forms by shape (two-letter country and 2-13 characters).
 */
export function isValidVatNumber(value: string): boolean {
  const id = normalizeIdentifier(value);
  if (id.startsWith("ES")) return isValidNif(id.slice(2));
  if (id.startsWith("IT")) return /^\d{11}$/.test(id.slice(2)) && isValidPartitaIva(id.slice(2));
  if (/^\d{11}$/.test(id)) return isValidPartitaIva(id);
  if (/^[A-Z]\d{7}[0-9A-Z]$|^\d{8}[A-Z]$/.test(id)) return isValidNif(id);
  return /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(id);
}
