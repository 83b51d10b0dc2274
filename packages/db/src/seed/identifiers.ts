/**
 * Valid-format identifiers for the demo: each computed with its country's check rule, so the
 * application's validators accept them. None belongs to a real person or company on purpose;
 * any match would be chance.
 */
import type { Random } from "./random.js";

const DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** Spanish DNI: eight digits and the letter of their remainder modulo 23. */
export function dni(random: Random): string {
  const number = random.int(10_000_000, 79_999_999);
  return `${number}${DNI_LETTERS[number % 23]}`;
}

/** Spanish NIE (foreign residents): X, Y or Z for 0, 1, 2, seven digits, the DNI letter. */
export function nie(random: Random): string {
  const prefix = random.int(0, 2);
  const digits = random.digits(7);
  return `${"XYZ"[prefix]}${digits}${DNI_LETTERS[Number(`${prefix}${digits}`) % 23]}`;
}

/** Spanish CIF of a limited company (S.L., letter B): seven digits and a check digit. */
export function cif(random: Random): string {
  const digits = random.digits(7);
  let sum = 0;
  for (let index = 0; index < 7; index++) {
    const digit = Number(digits[index]);
    if (index % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  return `B${digits}${(10 - (sum % 10)) % 10}`;
}

/** Italian partita IVA: seven digits, a tax office code, a Luhn-style check digit. */
export function partitaIva(random: Random): string {
  const first10 = `${random.digits(7)}${random.pick(["153", "155", "156", "159"])}`;
  let sum = 0;
  for (let index = 0; index < 10; index++) {
    let digit = Number(first10[index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${first10}${(10 - (sum % 10)) % 10}`;
}

/** Irish VAT number: IE, seven digits, a check letter (weights 8 to 2, modulo 23). */
export function irishVat(random: Random): string {
  const digits = random.digits(7);
  let sum = 0;
  for (let index = 0; index < 7; index++) sum += Number(digits[index]) * (8 - index);
  return `IE${digits}${"WABCDEFGHIJKLMNOPQRSTUV"[sum % 23]}`;
}

/** US employer identification number, with a Massachusetts (Andover) prefix. */
export function ein(random: Random): string {
  return `04-${random.digits(7)}`;
}

const CF_MONTHS = "ABCDEHLMPRST";
const CF_ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

function letters(name: string): { consonants: string; vowels: string } {
  const plain = name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
  return { consonants: plain.replace(/[AEIOU]/g, ""), vowels: plain.replace(/[^AEIOU]/g, "") };
}

/**
 * Italian codice fiscale of a person: three letters of the surname, three of the name, the
 * birth date (day + 40 for women), the birthplace's cadastral code, a check character.
 */
export function codiceFiscale(person: {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  female: boolean;
  placeCode: string;
}): string {
  const surname = letters(person.familyName);
  const surnameCode = `${surname.consonants}${surname.vowels}XXX`.slice(0, 3);
  const name = letters(person.givenName);
  const nameCode =
    name.consonants.length >= 4
      ? `${name.consonants[0]}${name.consonants[2]}${name.consonants[3]}`
      : `${name.consonants}${name.vowels}XXX`.slice(0, 3);
  const [year, month, day] = person.dateOfBirth.split("-") as [string, string, string];
  const dayCode = String(Number(day) + (person.female ? 40 : 0)).padStart(2, "0");
  const first15 = `${surnameCode}${nameCode}${year.slice(2)}${CF_MONTHS[Number(month) - 1]}${dayCode}${person.placeCode}`;
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const char = first15[index] as string;
    sum += index % 2 === 0 ? (CF_ODD[char] ?? 0) : /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
  }
  return `${first15}${String.fromCharCode(65 + (sum % 26))}`;
}
