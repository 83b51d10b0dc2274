import { productInputSchema, toFieldIssues, type FieldIssue } from "@frontoffice/domain";
import { toDecimalString, money } from "@frontoffice/payments";
import { parseAmountMinor } from "./sale-model";

/** A product as the catalog form holds it: text as typed. */
export interface ProductDraft {
  name: string;
  /** In the currency's units: "24.20". */
  price: string;
  /** A percentage: "21", "4", "10.5". */
  taxRate: string;
}

/** "21" → 2100 basis points; up to two decimals, 0–100 %; null otherwise. */
export function parseTaxRate(text: string): number | null {
  const trimmed = text.trim().replace(",", ".").replace(/\s*%$/, "");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return null;
  const basisPoints = Math.round(Number(trimmed) * 100);
  return basisPoints <= 10_000 ? basisPoints : null;
}

export function draftOf(product: { name: string; unitPriceMinor: number; taxRateBasisPoints: number }, currency: string): ProductDraft {
  return { name: product.name, price: toDecimalString(money(product.unitPriceMinor, currency)), taxRate: String(product.taxRateBasisPoints / 100) };
}

export type ProductField = "name" | "price" | "taxRate";

/** The `products.create` input, or the field issues (the domain schema's keys) to show. */
export function productInputFrom(draft: ProductDraft, officeId: string, currency: string): { ok: true; input: { officeId: string; name: string; unitPriceMinor: number; taxRateBasisPoints: number } } | { ok: false; issues: Partial<Record<ProductField, FieldIssue>> } {
  const issues: Partial<Record<ProductField, FieldIssue>> = {};
  const unitPriceMinor = parseAmountMinor(draft.price, currency);
  const taxRateBasisPoints = parseTaxRate(draft.taxRate);
  if (unitPriceMinor === null || draft.price.trim() === "") issues.price = { path: ["unitPriceMinor"], key: "validation.amount_invalid" };
  if (taxRateBasisPoints === null) issues.taxRate = { path: ["taxRateBasisPoints"], key: "validation.tax_rate_invalid" };
  const parsed = productInputSchema.safeParse({ officeId, name: draft.name, unitPriceMinor: unitPriceMinor ?? 0, taxRateBasisPoints: taxRateBasisPoints ?? 0 });
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error.issues)) {
      if (issue.path[0] === "name") issues.name ??= issue;
    }
  }
  if (Object.keys(issues).length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, input: { officeId, name: parsed.data.name, unitPriceMinor: parsed.data.unitPriceMinor, taxRateBasisPoints: parsed.data.taxRateBasisPoints } };
}
