/**
 * How better-auth's models and camelCase fields map to our tables and snake_case columns.
 * Spread it into the options: `betterAuth({ database: { db, type: "postgres" }, ...betterAuthSchema })`,
 * and add `storage: "database"` (with `window`/`max`) to `rateLimit` to keep limits in
 * `auth_rate_limit`. Field names not listed (id, name, email, image, token, scope, password,
 * identifier, value, key, count) are the same on both sides.
 */
export const betterAuthSchema = {
  user: {
    modelName: "auth_user",
    fields: {
      emailVerified: "email_verified",
      createdAt: "created_at",
      updatedAt: "updated_at",
    },
  },
  session: {
    modelName: "auth_session",
    fields: {
      userId: "user_id",
      expiresAt: "expires_at",
      ipAddress: "ip_address",
      userAgent: "user_agent",
      createdAt: "created_at",
      updatedAt: "updated_at",
    },
  },
  account: {
    modelName: "auth_account",
    fields: {
      userId: "user_id",
      accountId: "account_id",
      providerId: "provider_id",
      accessToken: "access_token",
      refreshToken: "refresh_token",
      idToken: "id_token",
      accessTokenExpiresAt: "access_token_expires_at",
      refreshTokenExpiresAt: "refresh_token_expires_at",
      createdAt: "created_at",
      updatedAt: "updated_at",
    },
  },
  verification: {
    modelName: "auth_verification",
    fields: {
      expiresAt: "expires_at",
      createdAt: "created_at",
      updatedAt: "updated_at",
    },
  },
  rateLimit: {
    modelName: "auth_rate_limit",
    fields: {
      lastRequest: "last_request",
    },
  },
} as const;
