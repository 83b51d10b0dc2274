import { betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import type { Kysely } from "kysely";
import { betterAuthSchema, type Database } from "@frontoffice/db";
import { MIN_PASSWORD_LENGTH, SESSION_IDLE_SECONDS } from "@frontoffice/domain";

/** The header the server sets from the socket's address; clients cannot spoof it. */
export const CLIENT_IP_HEADER = "x-frontoffice-client-ip";

export interface AuthOptions {
  db: Kysely<Database>;
  secret: string;
  baseUrl: string;
  trustedOrigins: string[];
  secureCookies: boolean;
}

/**
 * better-auth over our own Kysely database: users, credential accounts (scrypt hashes, a
 * memory-hard function) and sessions live in the auth_* tables.
 *
 * Sessions slide: each request after a minute pushes the end 30 minutes out, so 30 idle
 * minutes end a session; the 12-hour ceiling is enforced by the tRPC context, which knows
 * when the session began.
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    database: { db: options.db, type: "postgres" },
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    trustedOrigins: options.trustedOrigins,
    emailAndPassword: {
      enabled: true,
      // Staff accounts are created by setup and by managers, never by strangers.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    session: {
      ...betterAuthSchema.session,
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: 60,
      cookieCache: { enabled: false },
    },
    user: betterAuthSchema.user,
    account: betterAuthSchema.account,
    verification: betterAuthSchema.verification,
    rateLimit: {
      enabled: true,
      ...betterAuthSchema.rateLimit,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/change-password": { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: options.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: options.secureCookies },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    hooks: {
      // A changed password ends every other session, whatever the client asked for.
      before: createAuthMiddleware(async (context) => {
        if (context.path === "/change-password" && context.body && typeof context.body === "object") {
          return { context: { body: { ...context.body, revokeOtherSessions: true } } };
        }
        return undefined;
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
