/**
 * An office's default call destination: the department a call goes to when it names no extension
 * or department and no routing rule matched (the office's main number without an IVR). Null: such
 * a call is refused. The department belongs to the same organization (composite foreign key);
 * deleting it clears the default, not the office.
 *
 * Frozen in time: this file imports nothing from the application or the domain.
 */
import { sql, type Kysely } from "kysely";

const statements = [
  `alter table office
    add column call_default_department_id uuid,
    add constraint office_call_default_department_fkey foreign key (call_default_department_id, organization_id)
      references department (id, organization_id) on delete set null (call_default_department_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table office drop constraint if exists office_call_default_department_fkey`.execute(db);
  await sql`alter table office drop column if exists call_default_department_id`.execute(db);
}
