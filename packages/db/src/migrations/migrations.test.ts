import { sql } from "kysely";
import { NO_MIGRATIONS } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, testTargets, type TestDatabase } from "../testing.js";
import { MigrationError, createMigrator, migrateToLatest, migrations } from "./index.js";

const TABLES = [
  "agenda_entry",
  "answer",
  "appointment",
  "audit_log",
  "auth_account",
  "auth_rate_limit",
  "auth_session",
  "auth_user",
  "auth_verification",
  "calendar_feed",
  "call",
  "call_event",
  "call_message",
  "cash_close_out",
  "charge",
  "charge_line",
  "client",
  "department",
  "idempotency_key",
  "kiosk_token",
  "ledger_entry",
  "office",
  "organization",
  "outbox_message",
  "payment",
  "product",
  "receipt",
  "receipt_counter",
  "refund",
  "resource",
  "routing_rule",
  "service",
  "service_resource",
  "service_staff",
  "staff",
  "staff_assignment",
  "staff_delegate",
  "staff_notification",
  "staff_presence",
  "staff_schedule",
  "staff_schedule_override",
  "staff_time_off",
  "telephony_endpoint",
  "unanswered_question",
  "visit",
  "waiting_room_entry",
  "waitlist_entry",
  "waitlist_offer",
];

async function tables(database: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name`.execute(database.db);
  return rows.map((row) => row.name);
}

describe.each(testTargets())("migrations on %s", (target) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("migrates an empty database to the latest schema, then has nothing left to do, and can go back", async () => {
    database = await createTestDatabase(target, { migrate: false });
    expect(await tables(database)).toEqual([]);

    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations));
    expect(await tables(database)).toEqual(TABLES);
    const { rows: extensions } = await sql<{ extname: string }>`
      select extname from pg_extension where extname in ('pg_trgm', 'btree_gist') order by extname`.execute(database.db);
    expect(extensions.map((row) => row.extname)).toEqual(["btree_gist", "pg_trgm"]);

    expect(await migrateToLatest(database.db)).toEqual([]);

    const down = await createMigrator(database.db).migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tables(database)).toEqual([]);
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations));
  });

  it("names the failing migration and leaves the database as it was", async () => {
    database = await createTestDatabase(target, { migrate: false });
    // A table in the way makes the foundation fail half-way through.
    await sql`create table client (id int)`.execute(database.db);

    const failure = await migrateToLatest(database.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe("2026-11-23T0100-foundation");
    expect((failure as MigrationError).message).toMatch(/migration "2026-11-23T0100-foundation" failed: relation "client" already exists/);
    // One transaction: the tables created before the failure are gone again.
    expect(await tables(database)).toEqual(["client"]);
  });

  it("names migrations with an ISO date prefix, in order", () => {
    const names = Object.keys(migrations);
    for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{4}-[a-z0-9-]+$/);
    expect([...names].sort()).toEqual(names);
  });
});
