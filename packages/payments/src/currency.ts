import { PaymentError } from "./errors.js";

/**
 * Active ISO 4217 currency codes (fund and precious-metal codes left out), with their minor-unit
 * exponent: how many decimals the currency has. A table rather than `Intl`, whose digits come
 * from CLDR and differ from ISO 4217 for a few currencies, and which differs between runtimes.
 */
const ACTIVE_CURRENCIES =
  "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
  "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP " +
  "GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD " +
  "KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN " +
  "NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP " +
  "SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND " +
  "VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

/** Currencies whose minor unit is not the cent (exponent 2). */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

const KNOWN: ReadonlySet<string> = new Set(ACTIVE_CURRENCIES.split(" "));

/** An ISO 4217 code such as `"EUR"`. */
export type CurrencyCode = string;

/** Every currency the package accepts, sorted. */
export const CURRENCY_CODES: readonly CurrencyCode[] = [...KNOWN].sort();

export function isKnownCurrency(value: unknown): value is CurrencyCode {
  return typeof value === "string" && KNOWN.has(value);
}

/** Refuses an unknown code with `CURRENCY_UNKNOWN`; returns it otherwise. */
export function assertCurrency(currency: unknown): CurrencyCode {
  if (!isKnownCurrency(currency)) throw new PaymentError("CURRENCY_UNKNOWN", `unknown currency ${String(currency)}`, { currency });
  return currency;
}

/** How many decimals the currency has: EUR and USD 2, JPY 0, KWD 3. */
export function minorUnitExponent(currency: CurrencyCode): number {
  return EXPONENT_EXCEPTIONS[assertCurrency(currency)] ?? 2;
}
