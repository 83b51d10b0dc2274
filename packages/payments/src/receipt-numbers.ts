import { PaymentError } from "./errors.js";

/**
 * Receipt numbering: what a tax inspector in Spain or Italy asks of it. Every office numbers its
 * documents in series: one for sales (`F`, or `S` for simplified invoices) and one for refunds
 * and corrections (`R`); each series starts again at 1 every year and runs consecutively without
 * gaps or repeats. A correction is a new document in the correction series that references the
 * original sale: a receipt is never edited.
 *
 * A number reads `2026-F-000123`: the year, the series code (1–3 capital letters) and the
 * sequence, six digits (up to 999999 a year per series and office).
 *
 * The counter itself (one row per office, series and year, incremented inside the payment's
 * transaction) belongs to the server: `nextReceiptNumber` is what it does with the row.
 */

export const RECEIPT_KINDS = ["sale", "correction"] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** The series codes an office uses for each kind of document. */
export type ReceiptSeriesCodes = Readonly<Record<ReceiptKind, string>>;

export const DEFAULT_RECEIPT_SERIES: ReceiptSeriesCodes = { sale: "F", correction: "R" };

export const MAX_RECEIPT_SEQUENCE = 999_999;

const SERIES_CODE = /^[A-Z]{1,3}$/;
const RECEIPT_NUMBER = /^(\d{4})-([A-Z]{1,3})-(\d{6})$/;

export interface ReceiptNumberParts {
  readonly year: number;
  readonly series: string;
  readonly sequence: number;
}

/** `{ year: 2026, series: "F", sequence: 123 }` → `"2026-F-000123"`. */
export function formatReceiptNumber(parts: ReceiptNumberParts): string {
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999 || !SERIES_CODE.test(parts.series) || !Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_RECEIPT_SEQUENCE) {
    throw new PaymentError("RECEIPT_NUMBER_INVALID", "a receipt number has a 4-digit year, a 1–3 letter series and a sequence from 1 to 999999", { ...parts });
  }
  return `${parts.year}-${parts.series}-${String(parts.sequence).padStart(6, "0")}`;
}

/** The parts of `"2026-F-000123"`, or `RECEIPT_NUMBER_INVALID`. */
export function parseReceiptNumber(value: string): ReceiptNumberParts {
  const match = RECEIPT_NUMBER.exec(value);
  if (!match || Number(match[3]) === 0) throw new PaymentError("RECEIPT_NUMBER_INVALID", `not a receipt number: ${value}`, { value });
  return { year: Number(match[1]), series: match[2]!, sequence: Number(match[3]) };
}

export function isReceiptNumber(value: string): boolean {
  return RECEIPT_NUMBER.test(value) && !value.endsWith("-000000");
}

/** A series' counter: the last sequence used in `year` (0 before the first document). */
export interface ReceiptCounter {
  readonly year: number;
  readonly series: string;
  readonly last: number;
}

/**
 * The number after `counter`, and the counter to store. Refuses a series that has used
 * 999999 with `RECEIPT_SEQUENCE_EXHAUSTED`.
 */
export function nextReceiptNumber(counter: ReceiptCounter): { number: string; counter: ReceiptCounter } {
  if (counter.last >= MAX_RECEIPT_SEQUENCE) {
    throw new PaymentError("RECEIPT_SEQUENCE_EXHAUSTED", `series ${counter.series} has no numbers left in ${counter.year}`, { series: counter.series, year: counter.year });
  }
  const next = { ...counter, last: counter.last + 1 };
  return { number: formatReceiptNumber({ year: next.year, series: next.series, sequence: next.last }), counter: next };
}

export interface SequenceReport {
  /** True when every series of every year runs 1, 2, 3… with no gap and no repeat. */
  readonly ok: boolean;
  /** Numbers missing inside (and before the highest number of) a series and year. */
  readonly missing: readonly string[];
  /** Numbers that occur more than once. */
  readonly duplicates: readonly string[];
  /** Entries that are not receipt numbers. */
  readonly invalid: readonly string[];
}

/**
 * Checks that `numbers` (in any order, possibly several series and years) are consecutive from 1
 * and gap-free in each series and year, as an inspector would.
 */
export function checkReceiptSequence(numbers: Iterable<string>): SequenceReport {
  const seen = new Map<string, Set<number>>();
  const duplicates = new Set<string>();
  const invalid: string[] = [];
  for (const value of numbers) {
    if (!isReceiptNumber(value)) {
      invalid.push(value);
      continue;
    }
    const { year, series, sequence } = parseReceiptNumber(value);
    const key = `${year}-${series}`;
    const sequences = seen.get(key) ?? new Set<number>();
    if (sequences.has(sequence)) duplicates.add(value);
    sequences.add(sequence);
    seen.set(key, sequences);
  }
  const missing: string[] = [];
  for (const [key, sequences] of [...seen.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [year, series] = key.split("-") as [string, string];
    let highest = 0;
    for (const sequence of sequences) highest = Math.max(highest, sequence);
    for (let sequence = 1; sequence < highest; sequence++) {
      if (!sequences.has(sequence)) missing.push(formatReceiptNumber({ year: Number(year), series, sequence }));
    }
  }
  return { ok: missing.length === 0 && duplicates.size === 0 && invalid.length === 0, missing, duplicates: [...duplicates].sort(), invalid };
}

/** What a correction needs to know of the document it corrects. */
export interface ReceiptReference {
  readonly number: string;
  readonly kind: ReceiptKind;
  /** Its total, in minor units (positive). */
  readonly total: number;
  /** What earlier corrections of it already gave back, in minor units. */
  readonly corrected: number;
}

/**
 * Refuses (`RECEIPT_CORRECTION_INVALID`) a correction that is not numbered in the office's
 * correction series, that corrects anything but a sale, or that would give back more than is
 * left of the sale.
 */
export function assertCorrection(correction: { readonly number: string; readonly total: number }, original: ReceiptReference, series: ReceiptSeriesCodes = DEFAULT_RECEIPT_SERIES): void {
  const { series: code } = parseReceiptNumber(correction.number);
  const problem =
    code !== series.correction ? "a correction is numbered in the correction series"
    : original.kind !== "sale" ? "only a sale can be corrected"
    : !Number.isSafeInteger(correction.total) || correction.total <= 0 || correction.total > original.total - original.corrected ? "a correction gives back at most what is left of the sale"
    : undefined;
  if (problem) throw new PaymentError("RECEIPT_CORRECTION_INVALID", problem, { number: correction.number, original: original.number });
}

/** Refuses series codes that are not 1–3 capital letters or that the two kinds share. */
export function assertSeriesCodes(series: ReceiptSeriesCodes): ReceiptSeriesCodes {
  if (!SERIES_CODE.test(series.sale) || !SERIES_CODE.test(series.correction) || series.sale === series.correction) {
    throw new PaymentError("RECEIPT_NUMBER_INVALID", "series codes are 1–3 capital letters, different for sales and corrections", { ...series });
  }
  return series;
}
