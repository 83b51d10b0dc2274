/**
 * A repeating task or call-back is ticked done one occurrence at a time: the starts of the done
 * occurrences are kept like the skipped ones (exdates), and the entry's own status stays open.
 *
 * Frozen in time: imports nothing from the application. Runs on PostgreSQL 15+ and on PGlite.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table agenda_entry
    add column done_occurrences jsonb not null default '[]' check (jsonb_typeof(done_occurrences) = 'array')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table agenda_entry drop column done_occurrences`.execute(db);
}
