import {
  ROLES,
  clientInputSchemaFor,
  foldForSearch,
  isValidCif,
  isValidCodiceFiscale,
  isValidDni,
  isValidNie,
  isValidPartitaIva,
  normalizePhone,
  type ClientInput,
} from "@frontoffice/domain";
import { betterAuth } from "better-auth";
import { hashPassword } from "better-auth/crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { betterAuthSchema } from "../auth.js";
import { createTestDatabase, testTargets, type TestDatabase } from "../testing.js";
import { DEMO_CALLER_NUMBERS, DEMO_STAFF_PHONES } from "./calls.js";
import { DEMO_LOGINS, DEMO_ORGANIZATION_NAME, DEMO_PASSWORD, seedDemo } from "./demo.js";

const now = new Date("2026-11-23T09:00:00Z");
const COUNTRY = { ES: "ES", IT: "IT", IE: "IE", US: "US" } as const;

describe.each(testTargets())("demo seed on %s", (target) => {
  let database: TestDatabase;
  let organizationId: string;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    const started = performance.now();
    const result = await seedDemo(database.db, { now, hashPassword });
    console.warn(`seedDemo on ${target}: ${Math.round(performance.now() - started)} ms`);
    expect(result.created).toBe(true);
    organizationId = result.organizationId;
  });
  afterAll(() => database?.close());

  it("sells a few products per office at the country's VAT/IVA rate, and prices the bookable services", async () => {
    const products = await database.db
      .selectFrom("product")
      .innerJoin("office", "office.id", "product.office_id")
      .select(["office.currency", "office.prices_include_tax", "product.tax_rate_bp", "product.service_id", "product.unit_price_minor"])
      .where("product.organization_id", "=", organizationId)
      .execute();
    const rates = (currency: string, serviceLinked: boolean) => [...new Set(products.filter((product) => (product.service_id !== null) === serviceLinked && (currency === "USD") === (product.currency === "USD")).map((product) => product.tax_rate_bp))].sort();
    expect(rates("EUR", false)).toEqual([2100, 2200, 2300]);
    expect(rates("USD", false)).toEqual([0]);
    expect(products.filter((product) => product.service_id !== null)).toHaveLength(4);
    expect(products.every((product) => product.unit_price_minor > 0)).toBe(true);
    expect(products.find((product) => product.currency === "USD")?.prices_include_tax).toBe(false);
  });

  it("creates one organization with a clinic, a law firm, a school and a print shop", async () => {
    const offices = await database.db
      .selectFrom("office")
      .select(["name", "kind", "locale", "time_zone", "currency", "tax_id", "address", "phone"])
      .where("organization_id", "=", organizationId)
      .orderBy("kind")
      .execute();
    expect(offices.map((office) => [office.kind, office.locale, office.time_zone, office.currency])).toEqual([
      ["education", "en", "Europe/Dublin", "EUR"],
      ["legal", "it", "Europe/Rome", "EUR"],
      ["medical", "es", "Europe/Madrid", "EUR"],
      ["small_business", "en", "America/New_York", "USD"],
    ]);
    const byKind = Object.fromEntries(offices.map((office) => [office.kind, office]));
    expect(isValidCif(byKind.medical?.tax_id ?? "")).toBe(true);
    expect(isValidPartitaIva(byKind.legal?.tax_id ?? "")).toBe(true);
    expect(byKind.education?.tax_id).toMatch(/^IE\d{7}[A-W]$/);
    expect(byKind.small_business?.tax_id).toMatch(/^\d{2}-\d{7}$/);
    expect(byKind.medical?.address).toMatchObject({ city: "Madrid", country: "ES" });
    for (const office of offices) expect(normalizePhone(office.phone ?? "")).toBe(office.phone);

    const departments = await database.db
      .selectFrom("department")
      .innerJoin("office", "office.id", "department.office_id")
      .select(["office.kind", "department.name", "department.extension"])
      .where("department.organization_id", "=", organizationId)
      .execute();
    expect(departments.length).toBeGreaterThanOrEqual(12);
    expect(departments.filter((d) => d.kind === "medical").map((d) => d.name)).toContain("Recepción");
    expect(departments.filter((d) => d.kind === "legal").map((d) => d.name)).toContain("Archivio");
    for (const department of departments) expect(department.extension).toMatch(/^\d+$/);
  });

  it("has staff in every role, each with a login whose password is the demo password", async () => {
    const staff = await database.db
      .selectFrom("staff")
      .innerJoin("auth_user", "auth_user.id", "staff.user_id")
      .innerJoin("auth_account", "auth_account.user_id", "auth_user.id")
      .select(["staff.email", "staff.roles", "auth_user.email as login", "auth_account.provider_id", "auth_account.account_id", "auth_user.id as user_id"])
      .where("staff.organization_id", "=", organizationId)
      .execute();
    expect(staff.length).toBeGreaterThanOrEqual(DEMO_LOGINS.length + 8);
    expect(new Set(staff.flatMap((member) => member.roles))).toEqual(new Set(ROLES));
    for (const member of staff) {
      expect(member.login).toBe(member.email);
      expect(member.provider_id).toBe("credential");
      expect(member.account_id).toBe(member.user_id);
    }
    expect(DEMO_LOGINS.map((login) => login.role)).toEqual([...ROLES]);
    for (const login of DEMO_LOGINS) {
      expect(staff.find((member) => member.email === login.email)?.roles).toEqual([login.role]);
      expect(login.email).toBe(`${login.role}@demo.frontoffice.test`);
    }

    // Every staff member works somewhere.
    const unassigned = await database.db
      .selectFrom("staff")
      .leftJoin("staff_assignment", "staff_assignment.staff_id", "staff.id")
      .select("staff.email")
      .where("staff_assignment.id", "is", null)
      .execute();
    expect(unassigned).toEqual([]);
  });

  it("lets every demo login sign in through better-auth with the shared field mapping", async () => {
    const auth = betterAuth({
      database: { db: database.db, type: "postgres" },
      ...betterAuthSchema,
      secret: "a-test-secret-that-is-long-enough-0123456789",
      baseURL: "http://127.0.0.1:3000",
      emailAndPassword: { enabled: true },
      telemetry: { enabled: false },
      logger: { disabled: true },
    });
    for (const login of DEMO_LOGINS) {
      const result = await auth.api.signInEmail({ body: { email: login.email, password: login.password } });
      expect(result.user.email).toBe(login.email);
    }
    await expect(auth.api.signInEmail({ body: { email: DEMO_LOGINS[0]?.email ?? "", password: "wrong-password" } })).rejects.toThrow();
    const sessions = await database.db.selectFrom("auth_session").select(["user_id", "expires_at", "token"]).execute();
    expect(sessions).toHaveLength(DEMO_LOGINS.length);
    expect(sessions[0]?.expires_at).toBeInstanceOf(Date);
  });

  it("writes about three hundred clients that pass the domain's own validation", async () => {
    const clients = await database.db
      .selectFrom("client")
      .innerJoin("office", "office.id", "client.office_id")
      .select([
        "office.kind as office_kind",
        "office.address as office_address",
        "client.kind",
        "client.given_name",
        "client.family_name",
        "client.company_name",
        "client.display_name",
        "client.phones",
        "client.emails",
        "client.addresses",
        "client.preferred_locale",
        "client.national_id",
        "client.national_id_type",
        "client.notes",
        "client.details",
        "client.search_text",
      ])
      .where("client.organization_id", "=", organizationId)
      .execute();
    expect(clients.length).toBeGreaterThanOrEqual(280);
    expect(clients.length).toBeLessThanOrEqual(320);

    const perKind = new Map<string, number>();
    for (const client of clients) perKind.set(client.office_kind, (perKind.get(client.office_kind) ?? 0) + 1);
    expect(Math.min(...perKind.values())).toBeGreaterThanOrEqual(50);
    expect(clients.some((client) => client.kind === "company")).toBe(true);

    for (const client of clients) {
      const country = COUNTRY[client.office_address.country as keyof typeof COUNTRY];
      const input: ClientInput = {
        kind: client.kind,
        givenName: client.given_name ?? undefined,
        familyName: client.family_name ?? undefined,
        companyName: client.company_name ?? undefined,
        phones: client.phones,
        emails: client.emails,
        addresses: client.addresses,
        preferredLocale: client.preferred_locale,
        nationalId: client.national_id_type ? { type: client.national_id_type, value: client.national_id ?? "" } : null,
        notes: client.notes,
        details: client.details,
      };
      const parsed = clientInputSchemaFor(country).safeParse(input);
      expect(parsed.error?.issues ?? [], client.display_name).toEqual([]);

      // Stored as normalized: E.164 phones, a details section for the office's kind.
      for (const phone of client.phones) expect(phone.number).toMatch(/^\+[1-9]\d{6,14}$/);
      const section = { medical: "medical", legal: "legal", education: "education", small_business: "business" }[client.office_kind];
      if (client.kind === "person" || client.office_kind !== "small_business") {
        if (client.office_kind !== "small_business") expect(client.details).toHaveProperty(section as string);
      } else {
        expect(client.details.business?.companyName).toBeTruthy();
      }

      // Search text: folded, with names, e-mails, phones in both forms and the national id.
      const text = client.search_text;
      expect(text).toBe(foldForSearch(text));
      expect(text).toContain(foldForSearch(client.display_name));
      for (const email of client.emails) expect(text).toContain(email.address);
      for (const phone of client.phones) {
        expect(text).toContain(phone.number);
        expect(text).toContain(phone.number.replace(/\D/g, ""));
      }
      if (client.national_id) expect(text).toContain(client.national_id.toLowerCase());
    }

    const madrid = clients.filter((client) => client.office_kind === "medical");
    expect(madrid.every((client) => client.phones.every((phone) => phone.number.startsWith("+34")))).toBe(true);
    expect(madrid.filter((c) => c.national_id_type === "es_dni").every((c) => isValidDni(c.national_id ?? ""))).toBe(true);
    expect(madrid.filter((c) => c.national_id_type === "es_nie").every((c) => isValidNie(c.national_id ?? ""))).toBe(true);
    expect(madrid.filter((c) => c.national_id_type === "es_dni").length).toBeGreaterThan(50);
    expect(madrid.some((client) => /[áéíóúñ]/i.test(client.display_name))).toBe(true);
    expect(madrid.every((client) => client.details.medical?.dateOfBirth?.match(/^\d{4}-\d{2}-\d{2}$/))).toBe(true);

    const milan = clients.filter((client) => client.office_kind === "legal");
    expect(milan.filter((c) => c.national_id).every((c) => isValidCodiceFiscale(c.national_id ?? ""))).toBe(true);
    expect(milan.every((client) => (client.details.legal?.matters.length ?? 0) > 0)).toBe(true);

    const dublin = clients.filter((client) => client.office_kind === "education");
    expect(dublin.every((client) => (client.details.education?.guardians.length ?? 0) > 0)).toBe(true);
    expect(dublin.every((client) => client.phones[0]?.number.startsWith("+353"))).toBe(true);

    const boston = clients.filter((client) => client.office_kind === "small_business");
    expect(boston.filter((client) => client.kind === "company").length).toBeGreaterThan(10);
    expect(boston.some((client) => client.details.business?.vatNumber)).toBe(true);
  });

  it("finds clients by folded, accent-free text through the trigram index", async () => {
    const someone = await database.db
      .selectFrom("client")
      .select(["id", "family_name"])
      .where("family_name", "like", "%á%")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const query = foldForSearch(someone.family_name ?? "");
    const found = await database.db.selectFrom("client").select("id").where("search_text", "like", `%${query}%`).execute();
    expect(found.map((row) => row.id)).toContain(someone.id);
  });

  it("sets up calls: open at every hour, queues that overflow without a circle, rules to departments with a speaker, extensions that never collide, someone available, a known caller per office", async () => {
    const KEY_OF_KIND = { medical: "madrid", legal: "milan", education: "dublin", small_business: "boston" } as const;
    const offices = await database.db.selectFrom("office").select(["id", "kind", "call_hours", "call_holidays", "call_default_department_id"]).where("organization_id", "=", organizationId).execute();
    const departments = await database.db.selectFrom("department").select(["id", "office_id", "extension", "overflow", "queue_strategy", "timeout_seconds"]).where("organization_id", "=", organizationId).execute();
    const staff = await database.db.selectFrom("staff").select(["id", "display_name", "extension", "languages", "skills"]).where("organization_id", "=", organizationId).execute();
    const assignments = await database.db.selectFrom("staff_assignment").select(["staff_id", "office_id", "department_id"]).where("organization_id", "=", organizationId).execute();
    const rules = await database.db.selectFrom("routing_rule").selectAll().where("organization_id", "=", organizationId).orderBy("position").execute();
    const presence = await database.db.selectFrom("staff_presence").select(["staff_id", "status"]).where("organization_id", "=", organizationId).execute();
    const available = new Set(presence.filter((row) => row.status === "available").map((row) => row.staff_id));

    const extensions = staff.map((member) => member.extension).filter((extension) => extension !== null);
    expect(extensions).toHaveLength(Object.keys(DEMO_STAFF_PHONES).length);
    expect(new Set(extensions).size).toBe(extensions.length);

    for (const office of offices) {
      const key = KEY_OF_KIND[office.kind as keyof typeof KEY_OF_KIND];
      expect(Object.values(office.call_hours)).toHaveLength(7);
      for (const day of Object.values(office.call_hours)) expect(day).toEqual([{ start: "00:00", end: "24:00" }]);
      expect(office.call_holidays).toEqual([]);

      // Overflows stay in the office and end (voicemail, call-back or the default), never going round.
      const own = departments.filter((department) => department.office_id === office.id);
      const next = new Map(own.map((department) => [department.id, (department.overflow as { kind: string; departmentId?: string } | null) ?? null]));
      expect([...next.values()].some((target) => target?.kind === "department")).toBe(true);
      expect([...next.values()].some((target) => target?.kind === "voicemail")).toBe(true);
      for (const start of next.keys()) {
        const seen = new Set<string>();
        let current: string | undefined = start;
        while (current !== undefined) {
          expect(seen.has(current), `overflow circle at ${key}`).toBe(false);
          seen.add(current);
          const target = next.get(current);
          if (target?.kind === "department") expect(next.has(target.departmentId!)).toBe(true);
          current = target?.kind === "department" ? target.departmentId : undefined;
        }
      }

      // Nobody's extension is one of the office's departments'.
      const here = new Set(assignments.filter((assignment) => assignment.office_id === office.id).map((assignment) => assignment.staff_id));
      const departmentExtensions = new Set(own.map((department) => department.extension));
      expect(staff.filter((member) => here.has(member.id) && departmentExtensions.has(member.extension))).toEqual([]);
      expect(staff.some((member) => here.has(member.id) && available.has(member.id))).toBe(true);

      // Rules in order, each to a department of the office; a Spanish caller reaches someone who speaks it.
      const officeRules = rules.filter((rule) => rule.office_id === office.id);
      // A call that names no one goes where menu choice 1 goes: the office's first department (its reception).
      const menuOne = officeRules.find((rule) => (rule.match as { ivrChoice?: string[] }).ivrChoice?.includes("1"));
      expect(office.call_default_department_id).not.toBeNull();
      expect(office.call_default_department_id).toBe((menuOne?.action as { departmentId: string } | undefined)?.departmentId);
      expect(officeRules.length).toBeGreaterThanOrEqual(2);
      expect(officeRules.map((rule) => rule.position)).toEqual(officeRules.map((_, index) => index));
      for (const rule of officeRules) {
        expect(Object.keys(rule.match).length).toBeGreaterThan(0);
        expect(own.map((department) => department.id)).toContain((rule.action as { departmentId: string }).departmentId);
      }
      const spanish = officeRules.find((rule) => (rule.match as { language?: string[] }).language?.includes("es"));
      if (key !== "madrid") {
        const departmentId = (spanish?.action as { departmentId: string } | undefined)?.departmentId;
        const speakers = assignments.filter((assignment) => assignment.department_id === departmentId).map((assignment) => staff.find((member) => member.id === assignment.staff_id));
        expect(speakers.some((member) => member?.languages.includes("es")), `a Spanish speaker in ${key}`).toBe(true);
      } else {
        expect(staff.filter((member) => here.has(member.id) && member.extension !== "500" && member.extension !== "501").every((member) => member.languages.includes("es") && member.languages.includes("en"))).toBe(true);
      }

      // The known caller: one live client of the office with that number, findable by it.
      const known = await database.db
        .selectFrom("client")
        .select(["phones", "search_text"])
        .where("office_id", "=", office.id)
        .where("archived_at", "is", null)
        .where(sql<boolean>`phones @> ${JSON.stringify([{ number: DEMO_CALLER_NUMBERS[key] }])}::jsonb`)
        .execute();
      expect(known, key).toHaveLength(1);
      expect(known[0]?.search_text).toContain(DEMO_CALLER_NUMBERS[key].replace(/\D/g, ""));
    }
  });

  it("does nothing the second time", async () => {
    const count = async () => {
      const row = await database.db.selectFrom("client").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const before = await count();
    let hashed = 0;
    const again = await seedDemo(database.db, {
      now: new Date(),
      hashPassword: async (plain) => {
        hashed++;
        return plain;
      },
    });
    expect(again).toEqual({ created: false, organizationId });
    expect(hashed).toBe(0);
    expect(await count()).toBe(before);
    const organizations = await database.db.selectFrom("organization").select("name").execute();
    expect(organizations).toEqual([{ name: DEMO_ORGANIZATION_NAME }]);
  });
});

describe("demo seed", () => {
  it("is deterministic: the same instant gives the same rows", async () => {
    const [first, second] = await Promise.all([createTestDatabase("pglite"), createTestDatabase("pglite")]);
    try {
      const hash = async (plain: string) => `hashed:${plain}`;
      await seedDemo(first.db, { now, hashPassword: hash });
      await seedDemo(second.db, { now, hashPassword: hash });
      const dump = (database: TestDatabase) =>
        Promise.all([
          database.db.selectFrom("client").selectAll().orderBy("id").execute(),
          database.db.selectFrom("staff").selectAll().orderBy("id").execute(),
          database.db.selectFrom("auth_account").select(["id", "user_id", "password"]).orderBy("id").execute(),
        ]);
      const [a, b] = await Promise.all([dump(first), dump(second)]);
      expect(a).toEqual(b);
      expect(a[2].every((account) => account.password === `hashed:${DEMO_PASSWORD}`)).toBe(true);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
