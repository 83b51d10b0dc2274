import { fileURLToPath } from "node:url";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** PostgreSQL server; without it the embedded PGlite database is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    FRONTOFFICE_DATA_DIR: z.string().min(1).optional(),
    /** Signs session cookies. Required in production; made and kept in the data folder otherwise. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** The address browsers use to reach the server, e.g. https://desk.example.org. */
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
    /** Where the built web client is; defaults to apps/web/dist beside this app. */
    FRONTOFFICE_WEB_DIST: z.string().min(1).optional(),
    /** Outgoing mail server, e.g. smtps://user:pass@mail.example.org:465; without it mail is only recorded. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, "must start with smtp:// or smtps:// and name a host")
      .optional(),
    /** The sender of outgoing mail, e.g. "Clínica Sol <citas@example.org>". */
    MAIL_FROM: z
      .string()
      .regex(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address, optionally as Name <address>")
      .default("Frontoffice <no-reply@localhost>"),
  });

export interface Config {
  environment: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Unset outside production: the server then makes one (see resolveAuthSecret). */
  authSecret: string | undefined;
  publicUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  webDist: string;
  /** Unset: outgoing mail is recorded in the outbox as sent with transport "log", and goes nowhere. */
  smtpUrl: string | undefined;
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and checks the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  // Checked apart from the schema so it is reported together with any other problem.
  if (environment.NODE_ENV === "production" && !environment.AUTH_SECRET) {
    problems.push("AUTH_SECRET: is required when NODE_ENV=production");
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  return {
    environment: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.FRONTOFFICE_DATA_DIR ?? fileURLToPath(new URL("../.data/frontoffice", import.meta.url)),
    authSecret: env.AUTH_SECRET,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    webDist: env.FRONTOFFICE_WEB_DIST ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
  };
}
