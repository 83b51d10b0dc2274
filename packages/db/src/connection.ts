import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PostgresDialect, type LogEvent } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { lockDataDir, type DataDirLock } from "./lock.js";
import type { Database } from "./schema.js";

export type DatabaseDialect = "pglite" | "postgres";

/** Give this as `dataDir` for a PGlite database that lives in memory only. */
export const MEMORY_DATA_DIR = "memory://";

/** Where PGlite keeps PostgreSQL's files inside a data folder; the lock sits beside it. */
export const PGLITE_SUBDIR = "pgdata";

export interface CreateDatabaseOptions {
  /** `postgres://…`: use a PostgreSQL server through a connection pool. Wins over `dataDir`. */
  databaseUrl?: string | undefined;
  /**
   * A folder for the embedded database (PGlite), created if missing and locked against other
   * processes; or {@link MEMORY_DATA_DIR}.
   */
  dataDir?: string | undefined;
  /** Kysely's query and error events, for the server's logger. */
  log?: ((event: LogEvent) => void) | undefined;
  /** Problems outside any query: an idle pool connection dropped, the data folder's lock lost. */
  onError?: ((error: Error) => void) | undefined;
  /** Largest number of pooled PostgreSQL connections (default 10). */
  maxConnections?: number | undefined;
}

export interface DatabaseConnection {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /** Closes the database and releases the data folder. Safe to call more than once. */
  close(): Promise<void>;
}

/** Extensions the migrations create; PGlite needs their code loaded up front. */
export const pgliteExtensions = { pg_trgm, btree_gist, unaccent };

/**
 * Opens the database: PostgreSQL when `databaseUrl` is given, otherwise PGlite in `dataDir`.
 * A data folder already open in another process throws `DataDirLockedError`.
 * Does not migrate: call `migrateToLatest(db)`.
 */
export async function createDatabase(options: CreateDatabaseOptions): Promise<DatabaseConnection> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  if (!options.dataDir) {
    throw new Error("createDatabase needs a databaseUrl (PostgreSQL) or a dataDir (embedded PGlite, or 'memory://').");
  }
  if (options.dataDir === MEMORY_DATA_DIR) {
    return pgliteConnection(await PGlite.create({ dataDir: MEMORY_DATA_DIR, extensions: pgliteExtensions }), options);
  }
  return openPGliteFolder(options.dataDir, options);
}

async function openPGliteFolder(dataDir: string, options: CreateDatabaseOptions): Promise<DatabaseConnection> {
  const folder = path.resolve(dataDir);
  await mkdir(folder, { recursive: true });
  let pglite: PGlite | undefined;
  const lock = await lockDataDir(folder, {
    onCompromised: (error) => {
      report(options, new Error(`Lost the lock on the data folder ${folder}; closing the database to protect it. ${error.message}`));
      void pglite?.close().catch(() => {});
    },
  });
  try {
    pglite = await PGlite.create({ dataDir: path.join(folder, PGLITE_SUBDIR), extensions: pgliteExtensions });
  } catch (error) {
    await lock.release();
    throw error;
  }
  return pgliteConnection(pglite, options, lock);
}

/** Wraps an open PGlite in Kysely; closing closes PGlite, then releases the lock if any. */
export function pgliteConnection(
  pglite: PGlite,
  options: Pick<CreateDatabaseOptions, "log"> = {},
  lock?: DataDirLock,
): DatabaseConnection {
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(withLeanErrors(pglite)),
    ...(options.log ? { log: options.log } : {}),
  });
  return { db, dialect: "pglite", close: once(async () => {
    try {
      await db.destroy();
    } finally {
      await lock?.release();
    }
  }) };
}

function openPostgres(databaseUrl: string, options: CreateDatabaseOptions): DatabaseConnection {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    application_name: "frontoffice",
    types: { getTypeParser: getTypeParser as typeof pg.types.getTypeParser },
  });
  // An idle client losing its connection (a server restart) must not crash the process.
  pool.on("error", (error) => report(options, error));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(options.log ? { log: options.log } : {}),
  });
  return { db, dialect: "postgres", close: once(() => db.destroy()) };
}

const INT8_OID = 20;

/**
 * `bigint` as a number when it fits, as PGlite reads it (node-postgres would give a string), so
 * both dialects return the same values.
 */
function getTypeParser(oid: number, format?: "text" | "binary"): unknown {
  if (oid === INT8_OID && format !== "binary") {
    return (value: string) => {
      const big = BigInt(value);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    };
  }
  return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
}

/**
 * PGlite attaches a query's parameters to its errors; those are client data, and errors end up
 * in logs. Strip them (node-postgres errors carry none).
 */
function withLeanErrors(pglite: PGlite): PGlite {
  return new Proxy(pglite, {
    get(target, property) {
      if (property === "query") {
        return async (...args: Parameters<PGlite["query"]>) => {
          try {
            return await target.query(...args);
          } catch (error) {
            if (error && typeof error === "object") {
              delete (error as { params?: unknown }).params;
              delete (error as { queryOptions?: unknown }).queryOptions;
            }
            throw error;
          }
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function report(options: CreateDatabaseOptions, error: Error): void {
  if (options.onError) options.onError(error);
  else console.error(`Frontoffice database: ${error.message}`);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
