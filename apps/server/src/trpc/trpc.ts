import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  DomainError,
  ERROR_CODES,
  SESSION_MAX_AGE_SECONDS,
  can,
  isErrorCode,
  toFieldIssues,
  type ErrorCode,
  type FieldIssue,
  type Permission,
} from "@frontoffice/domain";
import { CLIENT_IP_HEADER } from "../auth.js";
import type { Context } from "./context.js";
import { findActiveStaffByUser } from "../modules/session/queries.js";

/**
 * Every procedure declares who may call it: `public`, `signed-in` (any staff member), or a
 * permission from the matrix in domain. A procedure that declares nothing is denied.
 */
export interface ProcedureMeta {
  access?: "public" | "signed-in" | Permission;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Subscriptions (the console's live calls) over server-sent events: a ping keeps proxies from
    // dropping a quiet stream and lets the browser notice a dead one (it reconnects after 25 s
    // without a byte); each stream ends after 15 minutes and the browser reconnects at once,
    // so the session and permission checks run again (sessions idle out after 30 minutes).
    sse: {
      ping: { enabled: true, intervalMs: 10_000 },
      client: { reconnectAfterInactivityMs: 25_000 },
      maxDurationMs: 15 * 60_000,
    },
    errorFormatter({ shape, error }) {
      const { code, issues } = describeError(error);
      const details = publicDetails(error.cause);
      return {
        ...shape,
        message: code === "INTERNAL" ? "Internal error" : shape.message,
        data: { ...shape.data, code, issues, ...(details ? { details } : {}), stack: undefined },
      };
    },
  });

/**
 * The details of a domain error a client may see: only those listed here (say, the next free
 * slots of an APPOINTMENT_CONFLICT, or the services a slot step does not fit). Everything else
 * in `details` stays on the server.
 */
const PUBLIC_DETAILS = ["nextSlots", "overlappingAppointments", "misfitServices", "declineCode", "paymentId", "balanceMinor", "thresholdMinor", "refundable", "routingProblems"] as const;

export function publicDetails(cause: unknown): Record<string, unknown> | undefined {
  if (!(cause instanceof DomainError) || !cause.details) return undefined;
  const picked = Object.fromEntries(PUBLIC_DETAILS.filter((key) => key in cause.details!).map((key) => [key, cause.details![key]]));
  return Object.keys(picked).length > 0 ? picked : undefined;
}

export function describeError(error: TRPCError): { code: ErrorCode; issues: FieldIssue[] | undefined } {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return { code: cause.code, issues: cause.details?.issues as FieldIssue[] | undefined };
  }
  // Input parsing failed: a ZodError, or tRPC's standard-schema error carrying zod's issues.
  const issues = cause instanceof z.ZodError ? cause.issues : (cause as { issues?: unknown } | undefined)?.issues;
  if (error.code === "BAD_REQUEST" && Array.isArray(issues)) {
    return { code: "VALIDATION_FAILED", issues: toFieldIssues(issues as z.core.$ZodIssue[]) };
  }
  const byTransport = (Object.keys(ERROR_CODES) as ErrorCode[]).find((key) => ERROR_CODES[key] === error.code);
  const code = error.code === "UNAUTHORIZED" ? "UNAUTHENTICATED" : byTransport ?? "INTERNAL";
  return { code: isErrorCode(error.message) ? error.message : code, issues: undefined };
}

/** Domain errors become tRPC errors with the matching transport code; the rest are logged. */
const errorBoundary = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: ERROR_CODES[cause.code], message: cause.code, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      ctx.logger.error({ path, err: trimError(cause ?? result.error) }, "procedure failed");
    }
  }
  return result;
});

/** PGlite's errors carry a huge minified stack line; keep logs readable. */
function trimError(error: unknown): { message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const stack = error.stack?.split("\n").slice(0, 8).map((line) => line.slice(0, 300)).join("\n");
  return { message: error.message, code: (error as { code?: string }).code, stack };
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const base = t.procedure.use(errorBoundary);

/**
 * Resolves the session and the staff member, and checks the procedure's declared access.
 * Runs before input parsing, so an unauthorized caller learns nothing about the input.
 */
const guard = t.middleware(async ({ ctx, meta, next }) => {
  const access = meta?.access;
  if (!access || access === "public") throw new DomainError("FORBIDDEN", "procedure declares no staff access");

  const session = await ctx.auth.api.getSession({ headers: ctx.headers });
  if (!session) throw new DomainError("UNAUTHENTICATED");
  const startedAt = new Date(session.session.createdAt).getTime();
  if (ctx.clock.now().getTime() - startedAt > SESSION_MAX_AGE_SECONDS * 1000) {
    await ctx.auth.api.revokeSession({ headers: ctx.headers, body: { token: session.session.token } });
    throw new DomainError("SESSION_EXPIRED");
  }
  const staff = await findActiveStaffByUser(ctx.db, session.user.id);
  if (!staff) throw new DomainError("FORBIDDEN", "no active staff member for this user");
  if (access !== "signed-in" && !can(staff.roles, access)) {
    throw new DomainError("FORBIDDEN", `missing permission ${access}`);
  }
  return next({
    ctx: {
      session,
      staff,
      organizationId: staff.organizationId,
      logger: ctx.logger.child({ staffId: staff.id, organizationId: staff.organizationId }),
    },
  });
});

export const publicProcedure = base.meta({ access: "public" });
/**
 * A public procedure limited per client address (the socket's, which the HTTP server sets; a
 * client's header cannot spoof it). Runs before input parsing, so a refused call does nothing.
 */
export const kioskProcedure = publicProcedure.use(({ ctx, next }) => {
  const address = ctx.headers.get(CLIENT_IP_HEADER);
  if (ctx.kioskAttempts && address && !ctx.kioskAttempts.attempt(address, ctx.clock.now().getTime())) {
    throw new DomainError("RATE_LIMITED", "too many kiosk calls from this address");
  }
  return next();
});
export const signedInProcedure = base.meta({ access: "signed-in" }).use(guard);
/** A procedure that needs a permission from the matrix; its input is parsed after the check. */
export const permittedProcedure = (permission: Permission) => base.meta({ access: permission }).use(guard);
