import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** Never log these: credentials, cookies, personal data in request bodies. */
const REDACTED_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "res.headers['set-cookie']",
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "token",
  "*.token",
  // Card data never reaches a log, even from a request body logged by mistake.
  "card",
  "*.card",
  "cvc",
  "*.cvc",
];

/** The server's logger; `destination` (default: stdout) lets a test read what would be logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, base: { service: "frontoffice" } };
  return destination ? pino(options, destination) : pino(options);
}
