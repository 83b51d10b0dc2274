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

/** A function that stops listening. */
export type Unlisten = () => Promise<void>;

export interface ListenOptions {
  /**
   * PostgreSQL only: the listening connection was lost and is back. Notifications sent meanwhile
   * are lost, so a listener should reload what it shows.
   */
  onReconnect?: () => void;
}

export interface DatabaseConnection {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /**
   * LISTENs on a channel: `onPayload` gets each `pg_notify(channel, payload)` committed by anyone
   * on this database, other server processes included. On PostgreSQL one dedicated connection
   * (outside the pool) carries every channel and comes back by itself after a drop; on PGlite it is
   * PGlite's own listen. Call it at start-up, before requests run (on PGlite a LISTEN issued inside
   * someone's open transaction would be rolled back with it).
   */
  listen(channel: string, onPayload: (payload: string) => void, options?: ListenOptions): Promise<Unlisten>;
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
  return {
    db,
    dialect: "pglite",
    listen: async (channel, onPayload) => {
      const unlisten = await pglite.listen(quoteChannel(channel), onPayload);
      return () => unlisten();
    },
    close: once(async () => {
      try {
        await db.destroy();
      } finally {
        await lock?.release();
      }
    }),
  };
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
  const listener = new PostgresListener(databaseUrl, options);
  return {
    db,
    dialect: "postgres",
    listen: (channel, onPayload, listenOptions) => listener.listen(channel, onPayload, listenOptions),
    close: once(async () => {
      await listener.close();
      await db.destroy();
    }),
  };
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** Channel names are identifiers in LISTEN; ours are plain lower-case words. */
function quoteChannel(channel: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  return channel;
}

interface ChannelListener {
  onPayload: (payload: string) => void;
  onReconnect: (() => void) | undefined;
}

/**
 * One connection, outside the pool, LISTENing on every channel asked for. When it drops (a server
 * restart, a network cut) it reconnects with a growing delay (up to 10 s), LISTENs again and tells
 * each listener, which reloads: what was notified in between is gone.
 */
class PostgresListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly channels = new Map<string, Set<ChannelListener>>();
  private closed = false;
  private retryDelay = 250;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly options: CreateDatabaseOptions,
  ) {}

  async listen(channel: string, onPayload: (payload: string) => void, options: ListenOptions = {}): Promise<Unlisten> {
    if (this.closed) throw new Error("The database is closed.");
    const name = quoteChannel(channel);
    const entry: ChannelListener = { onPayload, onReconnect: options.onReconnect };
    let listeners = this.channels.get(name);
    const first = !listeners;
    if (!listeners) {
      listeners = new Set();
      this.channels.set(name, listeners);
    }
    listeners.add(entry);
    const client = await this.connect();
    if (first) await client.query(`listen ${name}`);
    return async () => {
      const current = this.channels.get(name);
      if (!current?.delete(entry) || current.size > 0) return;
      this.channels.delete(name);
      await this.client?.query(`unlisten ${name}`).catch(() => {});
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "frontoffice-listen" });
      client.on("notification", (message) => {
        const listeners = this.channels.get(message.channel);
        if (!listeners || message.payload === undefined) return;
        for (const listener of listeners) listener.onPayload(message.payload);
      });
      client.on("error", (error) => this.lost(client, error));
      client.on("end", () => this.lost(client, new Error("the listening connection ended")));
      try {
        await client.connect();
      } catch (error) {
        client.removeAllListeners();
        throw error;
      } finally {
        this.connecting = undefined;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    client.removeAllListeners();
    client.on("error", () => {});
    void client.end().catch(() => {});
    report(this.options, new Error(`Lost the database connection that listens for live updates; reconnecting. ${error.message}`));
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.reconnect();
    }, this.retryDelay);
    this.retryTimer.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
  }

  private async reconnect(): Promise<void> {
    try {
      const client = await this.connect();
      for (const channel of this.channels.keys()) await client.query(`listen ${channel}`);
      this.retryDelay = 250;
      for (const listeners of this.channels.values()) for (const listener of listeners) listener.onReconnect?.();
    } catch {
      this.client?.removeAllListeners();
      this.client = undefined;
      this.scheduleReconnect();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    if (client) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  }
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
