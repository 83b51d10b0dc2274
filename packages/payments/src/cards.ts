import type { PaymentErrorCode } from "./errors.js";

/**
 * Card checks that need no card number kept: Luhn, the brand from the number's leading digits,
 * expiry against a date passed in, and the security code's length. Only a `CardSummary` (a
 * gateway's token, brand, last four digits and expiry) ever leaves the place the number was
 * typed.
 */

export const CARD_BRANDS = ["visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay", "maestro"] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** All we ever keep about a card. */
export interface CardSummary {
  /** The gateway's token for the card or payment: never the number. */
  readonly token: string;
  readonly brand: CardBrand;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
}

interface BrandRule {
  readonly brand: CardBrand;
  /** Inclusive ranges of leading digits, all of one length per range. */
  readonly prefixes: readonly (readonly [string, string])[];
  readonly lengths: readonly number[];
  readonly cvcLength: number;
}

/** In order: the first match wins (Discover's co-branded 622126–622925 before UnionPay's 62). */
const BRAND_RULES: readonly BrandRule[] = [
  { brand: "amex", prefixes: [["34", "34"], ["37", "37"]], lengths: [15], cvcLength: 4 },
  { brand: "diners", prefixes: [["300", "305"], ["36", "36"], ["38", "39"]], lengths: [14, 15, 16, 17, 18, 19], cvcLength: 3 },
  { brand: "jcb", prefixes: [["3528", "3589"]], lengths: [16, 17, 18, 19], cvcLength: 3 },
  { brand: "visa", prefixes: [["4", "4"]], lengths: [13, 16, 19], cvcLength: 3 },
  { brand: "maestro", prefixes: [["5018", "5018"], ["5020", "5020"], ["5038", "5038"], ["5893", "5893"], ["6304", "6304"], ["6759", "6759"], ["6761", "6763"]], lengths: [12, 13, 14, 15, 16, 17, 18, 19], cvcLength: 3 },
  { brand: "mastercard", prefixes: [["51", "55"], ["2221", "2720"]], lengths: [16], cvcLength: 3 },
  { brand: "discover", prefixes: [["6011", "6011"], ["644", "649"], ["65", "65"], ["622126", "622925"]], lengths: [16, 17, 18, 19], cvcLength: 3 },
  { brand: "unionpay", prefixes: [["62", "62"], ["81", "81"]], lengths: [16, 17, 18, 19], cvcLength: 3 },
];

/** The digits of a number as typed, with spaces and dashes dropped (`"4242 4242-4242 4242"`). */
export function cardDigits(number: string): string {
  return number.replace(/[\s-]/g, "");
}

/** The Luhn (mod 10) check of a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let total = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

function ruleFor(digits: string): BrandRule | undefined {
  return BRAND_RULES.find((rule) =>
    rule.prefixes.some(([low, high]) => {
      const head = digits.slice(0, low.length);
      return head.length === low.length && head >= low && head <= high;
    }),
  );
}

/** The brand the leading digits belong to, or `undefined` (whatever the length and check digit). */
export function cardBrand(number: string): CardBrand | undefined {
  return ruleFor(cardDigits(number))?.brand;
}

/** How many digits the brand's security code has: 4 for American Express, 3 for the others. */
export function cvcLength(brand: CardBrand): number {
  return BRAND_RULES.find((rule) => rule.brand === brand)!.cvcLength;
}

/** Whether the number has a known brand, a length that brand issues, and a valid check digit. */
export function isValidCardNumber(number: string): boolean {
  const digits = cardDigits(number);
  const rule = ruleFor(digits);
  return rule !== undefined && rule.lengths.includes(digits.length) && luhnValid(digits);
}

/**
 * Whether a card expiring at the end of `expMonth`/`expYear` has expired on `today` (an ISO
 * date, `"2026-11-23"`, in the office's time zone). A card is good through the last day of its
 * month. Two-digit years are read as 20xx.
 */
export function isCardExpired(expMonth: number, expYear: number, today: string): boolean {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const fullYear = expYear < 100 ? 2000 + expYear : expYear;
  return fullYear < year || (fullYear === year && expMonth < month);
}

export interface CardInput {
  /** As typed: spaces and dashes are allowed. */
  readonly number: string;
  readonly expMonth: number;
  /** Four digits, or two (20xx). */
  readonly expYear: number;
  readonly cvc: string;
}

export type CardProblem = Extract<PaymentErrorCode, "CARD_NUMBER_INVALID" | "CARD_EXPIRY_INVALID" | "CARD_EXPIRED" | "CARD_CVC_INVALID">;

export type CardCheck =
  | { readonly ok: true; readonly brand: CardBrand; readonly last4: string; readonly expMonth: number; readonly expYear: number }
  | { readonly ok: false; readonly problems: readonly { readonly field: "number" | "expiry" | "cvc"; readonly code: CardProblem }[] };

/**
 * Every check at once, for a form: number (brand, length, Luhn), expiry (a real month, not
 * ended on `today`, at most 20 years ahead) and security code (digits, the brand's length).
 * The result holds no card number.
 */
export function checkCard(card: CardInput, today: string): CardCheck {
  const digits = cardDigits(card.number);
  const rule = ruleFor(digits);
  const problems: { field: "number" | "expiry" | "cvc"; code: CardProblem }[] = [];
  if (!rule || !rule.lengths.includes(digits.length) || !luhnValid(digits)) problems.push({ field: "number", code: "CARD_NUMBER_INVALID" });

  const expYear = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12 || !Number.isInteger(expYear) || expYear > thisYear + 20) {
    problems.push({ field: "expiry", code: "CARD_EXPIRY_INVALID" });
  } else if (isCardExpired(card.expMonth, expYear, today)) {
    problems.push({ field: "expiry", code: "CARD_EXPIRED" });
  }

  const cvcDigits = rule ? rule.cvcLength : undefined;
  if (!/^\d{3,4}$/.test(card.cvc) || (cvcDigits !== undefined && card.cvc.length !== cvcDigits)) problems.push({ field: "cvc", code: "CARD_CVC_INVALID" });

  if (problems.length > 0 || !rule) return { ok: false, problems };
  return { ok: true, brand: rule.brand, last4: digits.slice(-4), expMonth: card.expMonth, expYear };
}

/** The number as it may be shown: `•••• 4242`. */
export function maskCardNumber(last4: string): string {
  return `•••• ${last4}`;
}
