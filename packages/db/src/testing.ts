/**
 * Fresh, migrated databases for tests: `@frontoffice/db/testing`.
 *
 * PGlite: the migrations run once into an in-memory database whose files are dumped as a
 * template; every test database is loaded from that template (well under a second, against
 * several seconds for initdb and migrations). The template is also cached on disk (in the OS
 * temporary folder, keyed by the PGlite version and the migrations' code), so each test process
 * after the first skips building it.
 *
 * PostgreSQL: from `TEST_DATABASE_URL`, each test database is a new database (`fo_test_…`),
 * migrated, and dropped on close.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { LogEvent } from "kysely";
import pg from "pg";
import { createDatabase, pgliteConnection, pgliteExtensions, type DatabaseConnection, type DatabaseDialect } from "./connection.js";
import { migrateToLatest, migrations } from "./migrations/index.js";

export type TestTarget = DatabaseDialect;

export interface TestDatabase extends DatabaseConnection {
  /** The PostgreSQL database's name (`fo_test_…`); undefined on PGlite. */
  name: string | undefined;
}

export interface TestDatabaseOptions {
  log?: (event: LogEvent) => void;
  /** `false` for an empty database (no migration applied), to test migrations themselves. */
  migrate?: boolean;
}

/** `['pglite']`, plus `'postgres'` when `TEST_DATABASE_URL` is set: for `describe.each`. */
export function testTargets(): TestTarget[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A new, empty, fully migrated database. Close it when done (`afterEach`/`afterAll`). */
export async function createTestDatabase(target: TestTarget, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (target === "pglite") {
    const template = await pgliteTemplate(options.migrate === false ? "empty" : "migrated");
    const pglite = await PGlite.create({ loadDataDir: template, extensions: pgliteExtensions });
    return { ...pgliteConnection(pglite, options), name: undefined };
  }
  return createPostgresTestDatabase(options);
}

// --- PGlite templates ------------------------------------------------------------------------

export type TemplateKind = "empty" | "migrated";

const templates = new Map<TemplateKind, Promise<Blob>>();

/**
 * A template's files (a tar): `empty` is a fresh PGlite (initdb done), `migrated` has every
 * migration applied. Each is built or read from the disk cache once per process.
 */
export function pgliteTemplate(kind: TemplateKind = "migrated"): Promise<Blob> {
  let template = templates.get(kind);
  if (!template) {
    template = loadOrBuildTemplate(kind).catch((error: unknown) => {
      templates.delete(kind);
      throw error;
    });
    templates.set(kind, template);
  }
  return template;
}

const CACHE_DIR = path.join(tmpdir(), "frontoffice-db-templates");

async function loadOrBuildTemplate(kind: TemplateKind): Promise<Blob> {
  const key = kind === "empty" ? hash(pgliteVersion()) : migrationsKey();
  const file = key ? path.join(CACHE_DIR, `${kind}-${key}.tar`) : undefined;
  if (file) {
    try {
      return new Blob([await readFile(file)]);
    } catch {
      // Not cached yet.
    }
  }
  const pglite =
    kind === "empty"
      ? await PGlite.create({ dataDir: "memory://", extensions: pgliteExtensions })
      : await PGlite.create({ loadDataDir: await pgliteTemplate("empty"), extensions: pgliteExtensions });
  const connection = pgliteConnection(pglite);
  try {
    if (kind === "migrated") await migrateToLatest(connection.db);
    const dump = await pglite.dumpDataDir("none");
    if (file) {
      await cacheTemplate(kind, file, dump).catch(() => {
        // A read-only or full temporary folder only costs speed.
      });
    }
    return dump;
  } finally {
    await connection.close();
  }
}

async function cacheTemplate(kind: TemplateKind, file: string, dump: Blob): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  // Written aside, then renamed: a process reading the cache never sees half a file.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  // Older templates of the same kind (other migrations, another PGlite) are of no more use.
  for (const entry of await readdir(CACHE_DIR)) {
    const old = path.join(CACHE_DIR, entry);
    if (old !== file && entry.startsWith(`${kind}-`) && entry.endsWith(".tar")) await rm(old, { force: true });
  }
}

function hash(...parts: (string | Buffer)[]): string {
  const digest = createHash("sha256");
  for (const part of parts) digest.update(part).update("\0");
  return digest.digest("hex").slice(0, 16);
}

/**
 * Changes when PGlite or any migration file changes. Undefined when the migrations' sources are
 * not beside this file (a bundle): then the template is only kept in memory.
 */
function migrationsKey(): string | undefined {
  const folder = fileURLToPath(new URL("./migrations/", import.meta.url));
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => /\.[cm]?[jt]s$/.test(file) && !/\.test\./.test(file)).sort();
  } catch {
    return undefined;
  }
  if (!Object.keys(migrations).every((name) => files.some((file) => file.startsWith(name)))) return undefined;
  return hash(pgliteVersion(), ...files.flatMap((file) => [file, readFileSync(path.join(folder, file))]));
}

function pgliteVersion(): string {
  // The package's exports hide package.json: find it from the resolved entry.
  let folder = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  for (;;) {
    if (readdirSync(folder).includes("package.json")) {
      const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "@electric-sql/pglite") return manifest.version ?? "unknown";
    }
    const parent = path.dirname(folder);
    if (parent === folder) return "unknown";
    folder = parent;
  }
}

// --- PostgreSQL --------------------------------------------------------------------------------

let sequence = 0;

async function createPostgresTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error("The 'postgres' test target needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  }
  const name = `fo_test_${process.pid}_${++sequence}_${randomBytes(3).toString("hex")}`;
  await admin(url, `create database ${name}`);
  const connection = await createDatabase({ databaseUrl: withDatabase(url, name), log: options.log, maxConnections: 5 });
  try {
    if (options.migrate !== false) await migrateToLatest(connection.db);
  } catch (error) {
    await connection.close();
    await admin(url, `drop database if exists ${name} with (force)`);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    ...connection,
    name,
    close: () =>
      (closed ??= (async () => {
        try {
          await connection.close();
        } finally {
          await admin(url, `drop database if exists ${name} with (force)`);
        }
      })()),
  };
}

/** Runs one statement on the server named by `url` (CREATE/DROP DATABASE cannot be pooled). */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "frontoffice-tests" });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// Deterministic generators of realistic data, shared by the demo seed, tests and benchmarks.
export { Random } from "./seed/random.js";
export { cif, codiceFiscale, dni, nie, partitaIva } from "./seed/identifiers.js";
