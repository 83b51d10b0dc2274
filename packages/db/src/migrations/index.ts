import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from "kysely";
import * as foundation from "./2026-11-23T0100-foundation.js";
import * as appointments from "./2026-11-23T0200-appointments.js";
import * as outbox from "./2026-11-23T0210-outbox.js";
import * as timeOff from "./2026-11-23T0300-time-off.js";
import * as resources from "./2026-11-23T0400-resources.js";
import * as agenda from "./2026-11-23T0410-agenda.js";
import * as bookingPolicy from "./2026-11-23T0420-booking-policy.js";
import * as payments from "./2026-11-23T0500-payments.js";
import * as agendaDoneOccurrences from "./2026-11-23T0520-agenda-done-occurrences.js";
import * as answers from "./2026-11-23T0600-answers.js";
import * as visitors from "./2026-11-23T0610-visitors.js";
import * as calls from "./2026-11-23T0700-calls.js";
import * as waitingRoom from "./2026-11-23T0710-waiting-room.js";
import * as callDefaultDepartment from "./2026-11-23T0720-call-default-department.js";

/**
 * Every migration, by name, in the order they run (names start with an ISO date and sort).
 * Imported explicitly rather than read from disk, so a bundled server carries them.
 * Add a new migration here; never edit or rename one that has shipped.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  "2026-11-23T0100-foundation": foundation,
  "2026-11-23T0200-appointments": appointments,
  "2026-11-23T0210-outbox": outbox,
  "2026-11-23T0300-time-off": timeOff,
  "2026-11-23T0400-resources": resources,
  "2026-11-23T0410-agenda": agenda,
  "2026-11-23T0420-booking-policy": bookingPolicy,
  "2026-11-23T0500-payments": payments,
  "2026-11-23T0520-agenda-done-occurrences": agendaDoneOccurrences,
  "2026-11-23T0600-answers": answers,
  "2026-11-23T0610-visitors": visitors,
  "2026-11-23T0700-calls": calls,
  "2026-11-23T0710-waiting-room": waitingRoom,
  "2026-11-23T0720-call-default-department": callDefaultDepartment,
};

const provider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};

/** A Kysely migrator over {@link migrations}; its bookkeeping is in `kysely_migration`. */
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider });
}

/**
 * A migration failed. Pending migrations run in one transaction, so none of this run's
 * migrations is applied: the database is as it was before the call.
 */
export class MigrationError extends Error {
  /** The migration that failed, if one did (not when, say, the database was unreachable). */
  readonly migration: string | undefined;

  constructor(migration: string | undefined, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      migration
        ? `Database migration "${migration}" failed: ${reason}. ` +
            "No migration was applied (they run in one transaction); fix the cause and migrate again."
        : `Database migrations could not run: ${reason}`,
      { cause },
    );
    this.name = "MigrationError";
    this.migration = migration;
  }
}

/**
 * Brings the database to the newest schema. Returns the names of the migrations applied in this
 * call (empty when it was already up to date); throws a {@link MigrationError} on failure.
 * Safe to call from several processes at once: Kysely takes a lock.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results = [] } = await createMigrator(db).migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(names(results, "Error")[0], error);
  }
  return names(results, "Success");
}

function names(results: readonly MigrationResult[], status: MigrationResult["status"]): string[] {
  return results.filter((result) => result.status === status).map((result) => result.migrationName);
}
