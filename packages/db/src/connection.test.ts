import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql, type LogEvent } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEMORY_DATA_DIR, PGLITE_SUBDIR, createDatabase } from "./connection.js";
import { jsonb } from "./json.js";
import { LOCK_NAME } from "./lock.js";
import { migrateToLatest, migrations } from "./migrations/index.js";
import { createTestDatabase } from "./testing.js";

describe("createDatabase with PGlite in a data folder", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "fo-connection-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("creates the folder, keeps the data across a reopen, and releases the lock on close", async () => {
    const dataDir = path.join(root, "nested", "frontoffice");
    const events: LogEvent[] = [];
    const first = await createDatabase({ dataDir, log: (event) => events.push(event) });
    expect(first.dialect).toBe("pglite");
    expect(existsSync(path.join(dataDir, PGLITE_SUBDIR, "PG_VERSION"))).toBe(true);
    expect(existsSync(path.join(dataDir, LOCK_NAME))).toBe(true);
    expect(await migrateToLatest(first.db)).toEqual(Object.keys(migrations));
    await first.db
      .insertInto("organization")
      .values({ name: "Clínica Dental Retiro" })
      .execute();
    expect(events.some((event) => event.level === "query" && event.query.sql.startsWith("insert into \"organization\""))).toBe(true);
    await first.close();
    await first.close(); // twice is harmless
    expect(existsSync(path.join(dataDir, LOCK_NAME))).toBe(false);

    const second = await createDatabase({ dataDir });
    try {
      expect(await migrateToLatest(second.db)).toEqual([]);
      const rows = await second.db.selectFrom("organization").select("name").execute();
      expect(rows).toEqual([{ name: "Clínica Dental Retiro" }]);
    } finally {
      await second.close();
    }
  });

  it("keeps client data out of PGlite's errors, which end up in logs", async () => {
    const connection = await createTestDatabase("pglite");
    try {
      const error = await connection.db
        .insertInto("office")
        .values({
          organization_id: "00000000-0000-4000-8000-000000000000",
          name: "Secret Office",
          kind: "medical",
          locale: "es",
          time_zone: "Europe/Madrid",
          currency: "EUR",
          fiscal_name: "María García López",
          tax_id: "12345678Z",
          address: jsonb({ line1: "Calle de Goya 1", city: "Madrid", country: "ES" }),
        })
        .execute()
        .then(
          () => undefined,
          (caught: unknown) => caught as Error & Record<string, unknown>,
        );
      expect(error).toBeInstanceOf(Error);
      expect(error?.code).toBe("23503");
      expect(error).not.toHaveProperty("params");
      expect(JSON.stringify(error)).not.toContain("12345678Z");
    } finally {
      await connection.close();
    }
  });
});

describe("createDatabase", () => {
  it("opens an in-memory PGlite for memory:// and leaves no files", async () => {
    const connection = await createDatabase({ dataDir: MEMORY_DATA_DIR });
    try {
      const { rows } = await sql<{ answer: number }>`select 6 * 7 as answer`.execute(connection.db);
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await connection.close();
    }
    expect(existsSync("memory:")).toBe(false);
  });

  it("asks for a database URL or a data folder", async () => {
    await expect(createDatabase({})).rejects.toThrow(/needs a databaseUrl \(PostgreSQL\) or a dataDir/);
  });
});
