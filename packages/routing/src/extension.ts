/**
 * Extensions and caller numbers. The rules themselves live in `@frontoffice/domain` (the
 * department schema's extension, `normalizePhone` for E.164); these helpers only apply them.
 */
import { departmentInputSchema, normalizePhone } from "@frontoffice/domain";
import { RoutingError } from "./errors.js";

const extensionSchema = departmentInputSchema.shape.extension.unwrap();

/** The extension as typed (`" 101 "` → `"101"`), or null when it is not 2 to 6 digits. */
export function parseExtension(input: string): string | null {
  const result = extensionSchema.safeParse(input);
  return result.success ? result.data : null;
}

/** Whether `value` is an extension exactly as stored: 2 to 6 digits, nothing around them. */
export function isExtension(value: unknown): value is string {
  return typeof value === "string" && parseExtension(value) === value;
}

/** Whether `value` is a valid E.164 number as `normalizePhone` writes it (`+34612345678`). */
export function isE164(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("+") && normalizePhone(value) === value;
}

/** Throws `ROUTING_INVALID_EXTENSION` unless `value` is an extension as stored. */
export function assertExtension(value: unknown, field: string): asserts value is string {
  if (!isExtension(value)) throw new RoutingError("ROUTING_INVALID_EXTENSION", `Not an extension (2 to 6 digits): ${String(value)}`, { value, field });
}
