import { createAuthClient } from "better-auth/react";

/** better-auth on the same origin, at /api/auth. */
export const authClient = createAuthClient({
  baseURL: typeof window === "undefined" ? "http://localhost" : window.location.origin,
});
