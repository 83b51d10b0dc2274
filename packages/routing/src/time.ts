import { RoutingError } from "./errors.js";

/** An ISO 8601 instant with a `Z` or numeric offset: the same instant under every host time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds of an instant; `ROUTING_INVALID_INSTANT` for anything else (a local time included). */
export function instantMs(value: string, field: string): number {
  const ms = typeof value === "string" && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RoutingError("ROUTING_INVALID_INSTANT", `Not an ISO 8601 instant with an offset (${field}): ${String(value)}`, { field, value });
  return ms;
}
