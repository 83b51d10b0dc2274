import { pino, type Logger } from "pino";

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
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    base: { service: "frontoffice" },
  });
}
