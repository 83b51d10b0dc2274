import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "./connection.js";
import { createTestDatabase, testTargets, type TestDatabase } from "./testing.js";

/** Waits until `received` has `count` payloads (notifications arrive asynchronously). */
async function waitFor(received: string[], count: number): Promise<void> {
  for (let attempt = 0; attempt < 200 && received.length < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.each(testTargets())("listen on %s", (target) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("hears what is notified once the transaction commits, and nothing from one rolled back", async () => {
    database = await createTestDatabase(target);
    const received: string[] = [];
    const unlisten = await database.listen("fo_test_channel", (payload) => received.push(payload));

    await database.db.transaction().execute(async (trx) => {
      await sql`select pg_notify('fo_test_channel', 'committed')`.execute(trx);
    });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`select pg_notify('fo_test_channel', 'rolled back')`.execute(trx);
        throw new Error("roll back");
      })
      .catch(() => {});
    await sql`select pg_notify('fo_test_channel', 'second')`.execute(database.db);
    await sql`select pg_notify('fo_other_channel', 'elsewhere')`.execute(database.db);
    await waitFor(received, 2);
    expect(received).toEqual(["committed", "second"]);

    await unlisten();
    await sql`select pg_notify('fo_test_channel', 'after unlisten')`.execute(database.db);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual(["committed", "second"]);
  });

  it("refuses a channel name that is not a plain identifier", async () => {
    database = await createTestDatabase(target);
    await expect(database.listen("bad channel; drop table call", () => {})).rejects.toThrow(/channel/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("listen on postgres across connections", () => {
  it("hears a notification sent by another connection to the same database, and comes back after its connection is killed", async () => {
    const database = await createTestDatabase("postgres");
    const other = await createDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${database.name}`) });
    try {
      const received: string[] = [];
      let reconnected = 0;
      await database.listen("fo_test_channel", (payload) => received.push(payload), { onReconnect: () => reconnected++ });
      await sql`select pg_notify('fo_test_channel', 'from another process')`.execute(other.db);
      await waitFor(received, 1);
      expect(received).toEqual(["from another process"]);

      // Kill the listening connection from outside, as a server restart would.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'frontoffice-listen' and datname = ${database.name}`.execute(other.db);
      for (let attempt = 0; attempt < 300 && reconnected === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(reconnected).toBe(1);
      await sql`select pg_notify('fo_test_channel', 'after the reconnect')`.execute(other.db);
      await waitFor(received, 2);
      expect(received).toEqual(["from another process", "after the reconnect"]);
    } finally {
      await other.close();
      await database.close();
    }
  });
});
