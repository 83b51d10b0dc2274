import { z } from "zod";
import { MAX_AMOUNT_MINOR } from "./amount-limits.js";
import { currencySchema } from "./office.js";

/**
 * Money as it travels between the web forms and the server: integer minor units (cents: `1999`
 * is €19.99) and an ISO 4217 currency (`currencySchema`). The arithmetic, rounding and tax rules
 * live in `@frontoffice/payments`; these are the shapes and their field messages.
 */

/** Zero or more minor units, up to `MAX_AMOUNT_MINOR`. */
export const amountMinorSchema = z.int("validation.amount_invalid").min(0, "validation.too_small").max(MAX_AMOUNT_MINOR, "validation.too_big");
/** One or more minor units, up to `MAX_AMOUNT_MINOR`. */
export const positiveAmountMinorSchema = z.int("validation.amount_invalid").min(1, "validation.too_small").max(MAX_AMOUNT_MINOR, "validation.too_big");

export const moneyInputSchema = z.strictObject({ amountMinor: amountMinorSchema, currency: currencySchema });
export type MoneyInput = z.input<typeof moneyInputSchema>;

/** VAT/IVA in basis points: 2100 = 21 %, 2200 = 22 %, 1000, 400, 0. */
export const taxRateBasisPointsSchema = z.int("validation.tax_rate_invalid").min(0, "validation.tax_rate_invalid").max(10_000, "validation.tax_rate_invalid");

/** Whether a quantity has at most three decimals (1, 1.5, 0.125). */
export function hasAtMostThreeDecimals(value: number): boolean {
  return Math.round(value * 1000) / 1000 === value;
}

/** A line's quantity: above zero, whole or with up to three decimals (hours, kilograms). */
export const quantitySchema = z
  .number("validation.quantity_invalid")
  .positive("validation.quantity_invalid")
  .max(1_000_000, "validation.too_big")
  .refine(hasAtMostThreeDecimals, "validation.quantity_invalid");

export const discountInputSchema = z.discriminatedUnion(
  "kind",
  [
    /** A percentage off the line in basis points: 1000 = 10 %. */
    z.strictObject({ kind: z.literal("percent"), basisPoints: z.int("validation.discount_invalid").min(0, "validation.discount_invalid").max(10_000, "validation.discount_invalid") }),
    /** An amount off the line, in minor units. */
    z.strictObject({ kind: z.literal("amount"), amountMinor: amountMinorSchema }),
  ],
  { error: "validation.discount_invalid" },
);
export type DiscountInput = z.input<typeof discountInputSchema>;

export const PRICE_MODES = ["tax_inclusive", "tax_exclusive"] as const;
export type PriceMode = (typeof PRICE_MODES)[number];
export const priceModeSchema = z.enum(PRICE_MODES, { error: "validation.price_mode_invalid" });

/** A free-form line of a sale: what it is, how many, at what price, discount and tax rate. */
export const lineItemInputSchema = z
  .strictObject({
    description: z.string().trim().min(1, "validation.required").max(200, "validation.too_long"),
    quantity: quantitySchema.default(1),
    /** Per unit, with or without tax as the office's prices are. */
    unitPriceMinor: amountMinorSchema,
    discount: discountInputSchema.optional(),
    taxRateBasisPoints: taxRateBasisPointsSchema,
  })
  .superRefine((line, context) => {
    // An amount off cannot exceed the line: quantity × unit price, rounded half up to the minor
    // unit, computed exactly (in thousandths of a unit, as @frontoffice/payments does).
    const lineMinor = (2n * BigInt(Math.round(line.quantity * 1000)) * BigInt(line.unitPriceMinor) + 1000n) / 2000n;
    if (line.discount?.kind === "amount" && BigInt(line.discount.amountMinor) > lineMinor) {
      context.addIssue({ code: "custom", path: ["discount", "amountMinor"], message: "validation.discount_invalid", input: line.discount.amountMinor });
    }
  });
export type LineItemInput = z.input<typeof lineItemInputSchema>;
