import { DomainError, type ErrorCode } from "@frontoffice/domain";

/** PostgreSQL's SQLSTATE for a unique violation (PGlite reports the same). */
const UNIQUE_VIOLATION = "23505";

/** The unique constraint a failed statement violated, or undefined for any other failure. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && typeof constraint === "string" ? constraint : undefined;
}

/**
 * Runs a write and lets the database decide what is unique: a violation of one of the named
 * constraints becomes its domain error (say `department_office_name_key` →
 * DEPARTMENT_NAME_TAKEN); anything else is thrown as it came. Inside a transaction the failed
 * statement has already aborted it, so the error must end the transaction, as a throw does.
 */
export async function translatingUniqueViolations<T>(codes: Readonly<Record<string, ErrorCode>>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    const code = constraint !== undefined && Object.hasOwn(codes, constraint) ? codes[constraint] : undefined;
    if (code) throw new DomainError(code, `unique constraint ${constraint}`, { constraint });
    throw error;
  }
}

/** PostgreSQL's SQLSTATE for an exclusion-constraint violation (PGlite reports the same). */
const EXCLUSION_VIOLATION = "23P01";

/** Whether a failed statement violated the named exclusion constraint (say, overlapping appointments). */
export function violatesExclusionConstraint(error: unknown, name: string): boolean {
  return violatesConstraint(error, EXCLUSION_VIOLATION, name);
}

/** PostgreSQL's SQLSTATE for a check violation, which a trigger may raise too (PGlite reports the same). */
const CHECK_VIOLATION = "23514";

/** Whether a failed statement violated the named check (say, a seat beyond a room's capacity). */
export function violatesCheckConstraint(error: unknown, name: string): boolean {
  return violatesConstraint(error, CHECK_VIOLATION, name);
}

function violatesConstraint(error: unknown, sqlstate: string, name: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === sqlstate && constraint === name;
}
