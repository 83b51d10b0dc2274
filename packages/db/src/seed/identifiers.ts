/**
 * Valid-format identifiers for the demo: each computed with its country's check rule, so the
 * application's validators accept them. None belongs to a real person or company on purpose;
 * any match would be chance.
 */
import { cifCheckDigit, codiceFiscaleCheckChar, dniLetter, partitaIvaCheckDigit } from "@frontoffice/domain";
import type { Random } from "./random.js";

/** Spanish DNI: eight digits and the letter of their remainder modulo 23. */
export function dni(random: Random): string {
  const number = random.int(10_000_000, 79_999_999);
  return `${number}${dniLetter(number)}`;
}

/** Spanish NIE (foreign residents): X, Y or Z for 0, 1, 2, seven digits, the DNI letter. */
export function nie(random: Random): string {
  const prefix = random.int(0, 2);
  const digits = random.digits(7);
  return `${"XYZ"[prefix]}${digits}${dniLetter(Number(`${prefix}${digits}`))}`;
}

/** Spanish CIF of a limited company (S.L., letter B): seven digits and a check digit. */
export function cif(random: Random): string {
  const digits = random.digits(7);
  return `B${digits}${cifCheckDigit(digits)}`;
}

/** Italian partita IVA: seven digits, a tax office code, a Luhn-style check digit. */
export function partitaIva(random: Random): string {
  const first10 = `${random.digits(7)}${random.pick(["153", "155", "156", "159"])}`;
  return `${first10}${partitaIvaCheckDigit(first10)}`;
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
  return `${first15}${codiceFiscaleCheckChar(first15)}`;
}
