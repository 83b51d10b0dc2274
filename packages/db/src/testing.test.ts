import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrations } from "./migrations/index.js";
import { createTestDatabase, pgliteTemplate, testTargets } from "./testing.js";

describe("testTargets", () => {
  it("always has PGlite, and PostgreSQL exactly when TEST_DATABASE_URL is set", () => {
    expect(testTargets()).toEqual(process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);
  });
});

describe.each(testTargets())("createTestDatabase on %s", (target) => {
  it("gives each test its own migrated database", async () => {
    const started = performance.now();
    const [one, two] = await Promise.all([createTestDatabase(target), createTestDatabase(target)]);
    console.warn(`two ${target} test databases: ${Math.round(performance.now() - started)} ms`);
    try {
      expect(one.dialect).toBe(target);
      const applied = await one.db.selectFrom("kysely_migration" as never).select("name" as never).execute();
      expect(applied.map((row) => (row as { name: string }).name)).toEqual(Object.keys(migrations));

      await one.db.insertInto("organization").values({ name: "Only in one" }).execute();
      expect(await one.db.selectFrom("organization").select("name").execute()).toEqual([{ name: "Only in one" }]);
      expect(await two.db.selectFrom("organization").select("name").execute()).toEqual([]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("cleans up on close", async () => {
    const database = await createTestDatabase(target);
    const { name } = database;
    await sql`select 1`.execute(database.db);
    await database.close();
    await database.close();
    if (target === "pglite") {
      expect(name).toBeUndefined();
      return;
    }
    expect(name).toMatch(/^fo_test_/);
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query("select datname from pg_database where datname = $1", [name]);
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

describe("the PGlite template", () => {
  it("is built or read once per process", async () => {
    expect(await pgliteTemplate()).toBe(await pgliteTemplate());
    const started = performance.now();
    const database = await createTestDatabase("pglite");
    const elapsed = performance.now() - started;
    await database.close();
    console.warn(`one PGlite test database from the template: ${Math.round(elapsed)} ms`);
  });
});
