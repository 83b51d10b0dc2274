import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonb } from "./json.js";
import type { NewClient } from "./schema.js";
import { createTestDatabase, testTargets, type TestDatabase } from "./testing.js";

interface DatabaseFailure {
  code: string | undefined;
  constraint: string | undefined;
  message: string;
}

/** The PostgreSQL error a statement fails with (it must fail). */
async function failure(statement: Promise<unknown>): Promise<DatabaseFailure> {
  try {
    await statement;
  } catch (error) {
    const { code, constraint, message } = error as Error & { code?: string; constraint?: string };
    return { code, constraint, message };
  }
  throw new Error("expected the statement to fail, and it succeeded");
}

const CHECK = "23514";
const FOREIGN_KEY = "23503";
const UNIQUE = "23505";

describe.each(testTargets())("schema invariants on %s", (target) => {
  let database: TestDatabase;
  /** Two organizations, each with an office and a department. */
  const acme = { organization: "", office: "", department: "" };
  const globex = { organization: "", office: "", department: "" };
  let userSequence = 0;

  async function organizationWithOffice(into: typeof acme, name: string) {
    const { db } = database;
    into.organization = (await db.insertInto("organization").values({ name }).returning("id").executeTakeFirstOrThrow()).id;
    into.office = (
      await db
        .insertInto("office")
        .values({
          organization_id: into.organization,
          name: `${name} Madrid`,
          kind: "medical",
          locale: "es",
          time_zone: "Europe/Madrid",
          currency: "EUR",
          fiscal_name: `${name}, S.L.`,
          tax_id: "B12345674",
          address: jsonb({ line1: "Calle de Alcalá 1", city: "Madrid", country: "ES" }),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    into.department = (
      await db
        .insertInto("department")
        .values({ organization_id: into.organization, office_id: into.office, name: "Recepción", extension: "100" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function newUser(): Promise<string> {
    const id = `user-${++userSequence}`;
    await database.db.insertInto("auth_user").values({ id, name: `User ${userSequence}`, email: `${id}@example.com` }).execute();
    return id;
  }

  function staff(organizationId: string, userId: string, roles: unknown, email = `${userId}@example.com`) {
    return database.db
      .insertInto("staff")
      .values({
        organization_id: organizationId,
        user_id: userId,
        display_name: "Lucía Romero",
        email,
        roles: roles as never,
        locale: "es",
        time_zone: "Europe/Madrid",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  function client(values: Partial<NewClient>) {
    return database.db
      .insertInto("client")
      .values({
        organization_id: acme.organization,
        office_id: acme.office,
        kind: "person",
        given_name: "María",
        family_name: "García López",
        display_name: "María García López",
        ...values,
      })
      .returning(["id", "version", "phones", "details", "created_at", "preferred_locale", "notes"])
      .executeTakeFirstOrThrow();
  }

  beforeAll(async () => {
    database = await createTestDatabase(target);
    await organizationWithOffice(acme, "Acme Dental");
    await organizationWithOffice(globex, "Globex Legal");
  });
  afterAll(() => database?.close());

  it("refuses a department pointing into another organization's office", async () => {
    const refused = await failure(
      database.db
        .insertInto("department")
        .values({ organization_id: acme.organization, office_id: globex.office, name: "Intrusos" })
        .execute(),
    );
    expect(refused).toMatchObject({ code: FOREIGN_KEY, constraint: "department_office_fkey" });
  });

  it("keeps department names and extensions unique within an office", async () => {
    const values = { organization_id: acme.organization, office_id: acme.office };
    expect(await failure(database.db.insertInto("department").values({ ...values, name: "Recepción", extension: "101" }).execute())).toMatchObject({
      code: UNIQUE,
      constraint: "department_office_name_key",
    });
    expect(await failure(database.db.insertInto("department").values({ ...values, name: "Citas", extension: "100" }).execute())).toMatchObject({
      code: UNIQUE,
      constraint: "department_office_extension_key",
    });
    // The same name in another organization's office is fine.
    await database.db.insertInto("department").values({ organization_id: globex.organization, office_id: globex.office, name: "Citas" }).execute();
  });

  it("refuses offices of an unknown kind, language or currency", async () => {
    const office = {
      organization_id: acme.organization,
      name: "Sede",
      kind: "medical" as const,
      locale: "es" as const,
      time_zone: "Europe/Madrid",
      currency: "EUR",
      fiscal_name: "Acme",
      tax_id: "B12345674",
      address: jsonb({ line1: "Calle de Goya 5", city: "Madrid", country: "ES" }),
    };
    for (const wrong of [{ kind: "bakery" }, { locale: "fr" }, { currency: "eur" }, { currency: "EURO" }, { time_zone: "Madrid time" }]) {
      const refused = await failure(database.db.insertInto("office").values({ ...office, ...(wrong as object) }).execute());
      expect(refused.code, JSON.stringify(wrong)).toBe(CHECK);
    }
  });

  it("accepts only known roles, at least one", async () => {
    const accepted = await staff(acme.organization, await newUser(), ["receptionist", "file_clerk"]);
    expect(accepted.id).toMatch(/^[0-9a-f-]{36}$/);
    for (const roles of [["receptionist", "janitor"], ["superuser"], [], [null]]) {
      const refused = await failure(staff(acme.organization, await newUser(), roles));
      expect(refused.code, JSON.stringify(roles)).toBe(CHECK);
    }
  });

  it("gives one staff member per login and one e-mail per organization, whatever its case", async () => {
    const user = await newUser();
    await staff(acme.organization, user, ["employee"], "pilar@example.com");
    expect(await failure(staff(globex.organization, user, ["employee"], "other@example.com"))).toMatchObject({ code: UNIQUE });
    expect(await failure(staff(acme.organization, await newUser(), ["employee"], "Pilar@Example.com"))).toMatchObject({
      code: UNIQUE,
      constraint: "staff_organization_email_key",
    });
    await staff(globex.organization, await newUser(), ["employee"], "pilar@example.com");
  });

  it("assigns staff only to offices and departments of their own organization", async () => {
    const member = await staff(acme.organization, await newUser(), ["receptionist"]);
    const assign = (values: { organization_id: string; office_id: string; department_id?: string | null }) =>
      database.db.insertInto("staff_assignment").values({ staff_id: member.id, ...values }).execute();

    await assign({ organization_id: acme.organization, office_id: acme.office, department_id: acme.department });
    await assign({ organization_id: acme.organization, office_id: acme.office, department_id: null });
    expect(await failure(assign({ organization_id: acme.organization, office_id: acme.office, department_id: null }))).toMatchObject({
      code: UNIQUE,
      constraint: "staff_assignment_key",
    });
    expect(await failure(assign({ organization_id: acme.organization, office_id: globex.office }))).toMatchObject({ code: FOREIGN_KEY });
    expect(await failure(assign({ organization_id: globex.organization, office_id: globex.office }))).toMatchObject({
      code: FOREIGN_KEY,
      constraint: "staff_assignment_staff_fkey",
    });
    expect(
      await failure(assign({ organization_id: acme.organization, office_id: acme.office, department_id: globex.department })),
    ).toMatchObject({ code: FOREIGN_KEY, constraint: "staff_assignment_department_fkey" });
  });

  it("stores clients with defaults, and refuses broken ones", async () => {
    const saved = await client({
      phones: jsonb([{ label: "mobile", number: "+34612345678" }]),
      details: jsonb({ medical: { dateOfBirth: "1980-04-12" } }),
    });
    expect(saved).toMatchObject({
      version: 1,
      phones: [{ label: "mobile", number: "+34612345678" }],
      details: { medical: { dateOfBirth: "1980-04-12" } },
      preferred_locale: "en",
      notes: "",
    });
    expect(saved.created_at).toBeInstanceOf(Date);

    const broken: [string, Partial<NewClient>][] = [
      ["client_office_fkey", { office_id: globex.office }],
      ["client_kind_check", { kind: "robot" as never }],
      ["client_person_named", { given_name: null, family_name: null }],
      ["client_company_named", { kind: "company" }],
      ["client_national_id_typed", { national_id: "12345678Z" }],
      ["client_notes_check", { notes: "x".repeat(10_001) }],
      ["client_version_check", { version: 0 }],
      ["client_phones_check", { phones: jsonb({ mobile: "+34612345678" }) as never }],
      ["client_preferred_locale_check", { preferred_locale: "de" as never }],
      ["client_created_by_fkey", { created_by: (await staff(globex.organization, await newUser(), ["receptionist"])).id }],
    ];
    for (const [constraint, values] of broken) {
      const refused = await failure(client(values));
      expect(refused.constraint).toBe(constraint);
      expect(refused.code).toBe(constraint.endsWith("_fkey") ? FOREIGN_KEY : CHECK);
    }
    await client({ notes: "x".repeat(10_000) });
  });

  it("keeps the audit log append-only", async () => {
    const entry = await database.db
      .insertInto("audit_log")
      .values({
        organization_id: acme.organization,
        entity_type: "client",
        entity_id: "c-1",
        action: "create",
        changes: jsonb({ displayName: { from: null, to: "María García López" } }),
      })
      .returning(["id", "at", "changes"])
      .executeTakeFirstOrThrow();
    expect(entry.changes).toEqual({ displayName: { from: null, to: "María García López" } });
    const refused = await failure(database.db.updateTable("audit_log").set({ action: "delete" }).where("id", "=", entry.id).execute());
    expect(refused.code).toBe("55000");
    expect(refused.message).toContain("append-only");
  });

  it("reads values the same way on both dialects", async () => {
    await database.db
      .insertInto("auth_rate_limit")
      .values({ id: "rl-1", key: "127.0.0.1/sign-in", count: 3, last_request: 1_795_000_000_123 })
      .execute();
    const limit = await database.db.selectFrom("auth_rate_limit").selectAll().executeTakeFirstOrThrow();
    expect(limit).toEqual({ id: "rl-1", key: "127.0.0.1/sign-in", count: 3, last_request: 1_795_000_000_123 });

    const member = await database.db.selectFrom("staff").select(["roles", "active", "created_at"]).limit(1).executeTakeFirstOrThrow();
    expect(Array.isArray(member.roles)).toBe(true);
    expect(member.active).toBe(true);
    expect(member.created_at).toBeInstanceOf(Date);
  });

  it("finds folded text by trigram similarity", async () => {
    await client({ given_name: "José", family_name: "Muñoz", display_name: "José Muñoz", search_text: "jose munoz +34699111222 34699111222" });
    const { rows } = await sql<{ display_name: string }>`
      select display_name from client
      where organization_id = ${acme.organization} and search_text % ${"jose muñoz".normalize("NFD").replace(/\p{M}+/gu, "")}
      order by similarity(search_text, 'jose munoz') desc`.execute(database.db);
    expect(rows[0]?.display_name).toBe("José Muñoz");
  });

  it("has btree_gist for exclusion constraints (no double booking)", async () => {
    await sql`create temporary table booking (room int, during tstzrange, exclude using gist (room with =, during with &&))`.execute(database.db);
    await sql`insert into booking values (1, tstzrange('2026-11-23 09:00+01', '2026-11-23 10:00+01'))`.execute(database.db);
    await sql`insert into booking values (2, tstzrange('2026-11-23 09:30+01', '2026-11-23 10:30+01'))`.execute(database.db);
    const refused = await failure(sql`insert into booking values (1, tstzrange('2026-11-23 09:30+01', '2026-11-23 10:30+01'))`.execute(database.db));
    expect(refused.code).toBe("23P01");
  });
});
