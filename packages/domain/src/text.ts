/**
 * Folds text for forgiving search: lower case, accents removed (`José` → `jose`,
 * `Niccolò` → `niccolo`), runs of white space collapsed. The same function builds the stored
 * search text and the query, so both sides agree.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Digits only, for matching phone numbers however they were typed. */
export function digitsOnly(text: string): string {
  return text.replace(/\D+/g, "");
}
