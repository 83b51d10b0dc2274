export * from "./errors.js";
export { isE164, isExtension, parseExtension } from "./extension.js";
export { openStateAt, type OpenState } from "./hours.js";
export * from "./model.js";
export { callerPriority, callsAhead, DEFAULT_MAX_OVERFLOW_HOPS, pickTargets, route, ruleMatches } from "./route.js";
export { assertRoutingConfig, MAX_OVERFLOW_HOPS_LIMIT, MAX_TIMEOUT_SECONDS, overflowCycles, validateRoutingConfig } from "./validate.js";
export type { DateOverride, IsoDate, LocalInterval, TimeZoneId, Weekday, WeeklyHours } from "@frontoffice/scheduling";
