/**
 * The demo: one organization with four offices (a dental clinic in Madrid, a law firm in Milan,
 * a school in Dublin, a print shop in Boston), their departments, staff in every role with
 * logins, and about three hundred clients. Deterministic (a seeded generator, instants relative to
 * `now`), idempotent, and valid by the domain's own schemas: every client goes through
 * `clientInputSchemaFor` before it is written.
 */
import {
  clientDisplayName,
  OFFICE_PRESETS,
  clientInputSchemaFor,
  type Address,
  type ClientInput,
  type CountryCode,
  type Locale,
  type OfficeKind,
  type Role,
} from "@frontoffice/domain";
import { sql, type Kysely, type Transaction } from "kysely";
import { clientDataColumns } from "../client-columns.js";
import { jsonb } from "../json.js";
import type { Database, NewAuditLog, NewClient, NewDepartment, NewOffice, NewStaff, NewStaffAssignment } from "../schema.js";
import { seedAppointments } from "./appointments.js";
import { seedAnswers } from "./answers.js";
import { seedVisitors } from "./visitors.js";
import { seedCalls } from "./calls.js";
import { seedProducts } from "./products.js";
import * as data from "./data.js";
import { cif, codiceFiscale, dni, ein, irishVat, nie, partitaIva } from "./identifiers.js";
import { Random } from "./random.js";

export const DEMO_ORGANIZATION_NAME = "Frontoffice Demo";
export const DEMO_PASSWORD = "frontoffice-demo";
export const DEMO_EMAIL_DOMAIN = "demo.frontoffice.test";

export type DemoOfficeKey = "madrid" | "milan" | "dublin" | "boston";

export interface DemoLogin {
  /** The role this login shows off (it holds only this role). */
  role: Role;
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  /** The offices the login works in. */
  offices: readonly DemoOfficeKey[];
}

const LOGIN_PEOPLE: readonly Omit<DemoLogin, "email" | "password">[] = [
  { role: "owner", displayName: "Carmen Ortega", locale: "es", offices: ["madrid", "milan", "dublin", "boston"] },
  { role: "manager", displayName: "Giulia Ferrari", locale: "it", offices: ["milan", "madrid", "dublin", "boston"] },
  { role: "receptionist", displayName: "Lucía Romero", locale: "es", offices: ["madrid"] },
  { role: "file_clerk", displayName: "Marco Colombo", locale: "it", offices: ["milan"] },
  { role: "administrative_assistant", displayName: "Siobhán Byrne", locale: "en", offices: ["dublin"] },
  { role: "employee", displayName: "Tyler Brooks", locale: "en", offices: ["boston"] },
];

/** One login per role (`<role>@demo.frontoffice.test`), all with the password {@link DEMO_PASSWORD}. */
export const DEMO_LOGINS: readonly DemoLogin[] = LOGIN_PEOPLE.map((person) => ({
  ...person,
  email: `${person.role}@${DEMO_EMAIL_DOMAIN}`,
  password: DEMO_PASSWORD,
}));

export interface SeedDemoOptions {
  /** The present: every instant in the demo is placed relative to it. */
  now: Date;
  /** Hashes the demo password as the auth library will check it (better-auth's `hashPassword`). */
  hashPassword: (plain: string) => Promise<string>;
}

export interface SeedDemoResult {
  /** False when the demo organization was already there and nothing was written. */
  created: boolean;
  organizationId: string;
}

interface DemoOffice {
  key: DemoOfficeKey;
  name: string;
  kind: OfficeKind;
  locale: Locale;
  timeZone: string;
  currency: string;
  country: CountryCode;
  fiscalName: string;
  taxId: (random: Random) => string;
  address: Address;
  phone: string;
  email: string;
  clients: number;
}

const OFFICES: readonly DemoOffice[] = [
  {
    key: "madrid",
    name: "Clínica Dental Retiro",
    kind: "medical",
    locale: "es",
    timeZone: "Europe/Madrid",
    currency: "EUR",
    country: "ES",
    fiscalName: "Clínica Dental Retiro, S.L.",
    taxId: cif,
    address: { line1: "Calle de Alcalá 180", line2: "Local 2", city: "Madrid", postalCode: "28028", region: "Madrid", country: "ES" },
    phone: "+34914021835",
    email: `madrid@${DEMO_EMAIL_DOMAIN}`,
    clients: 85,
  },
  {
    key: "milan",
    name: "Studio Legale Bianchi & Associati",
    kind: "legal",
    locale: "it",
    timeZone: "Europe/Rome",
    currency: "EUR",
    country: "IT",
    fiscalName: "Studio Legale Bianchi & Associati",
    taxId: partitaIva,
    address: { line1: "Via Monte Napoleone 8", city: "Milano", postalCode: "20121", region: "MI", country: "IT" },
    phone: "+390276001482",
    email: `milano@${DEMO_EMAIL_DOMAIN}`,
    clients: 75,
  },
  {
    key: "dublin",
    name: "St. Brigid's Community School",
    kind: "education",
    locale: "en",
    timeZone: "Europe/Dublin",
    currency: "EUR",
    country: "IE",
    fiscalName: "St. Brigid's Community School CLG",
    taxId: irishVat,
    address: { line1: "Griffith Avenue", city: "Dublin 9", postalCode: "D09 X2K4", region: "Co. Dublin", country: "IE" },
    phone: "+35318371460",
    email: `dublin@${DEMO_EMAIL_DOMAIN}`,
    clients: 70,
  },
  {
    key: "boston",
    name: "Beacon Print & Copy",
    kind: "small_business",
    locale: "en",
    timeZone: "America/New_York",
    currency: "USD",
    country: "US",
    fiscalName: "Beacon Print & Copy LLC",
    taxId: ein,
    address: { line1: "275 Newbury Street", city: "Boston", postalCode: "02116", region: "MA", country: "US" },
    phone: "+16175550100",
    email: `boston@${DEMO_EMAIL_DOMAIN}`,
    clients: 70,
  },
];

interface DemoStaff {
  displayName: string;
  email: string;
  roles: Role[];
  locale: Locale;
  /** Where they work: an office, and a department by its index in the office's preset. */
  assignments: { office: DemoOfficeKey; department?: number }[];
}

function staffEmail(displayName: string): string {
  return `${fold(displayName).replace(/\s+/g, ".")}@${DEMO_EMAIL_DOMAIN}`;
}

const LOGIN_DEPARTMENTS: Partial<Record<Role, number>> = { receptionist: 0, file_clerk: 3, administrative_assistant: 0, employee: 1 };

/** The role logins, then a few more people per office, some with several roles. */
const STAFF: readonly DemoStaff[] = [
  ...DEMO_LOGINS.map((login) => ({
    displayName: login.displayName,
    email: login.email,
    roles: [login.role],
    locale: login.locale,
    assignments: login.offices.map((office) => ({ office, department: LOGIN_DEPARTMENTS[login.role] })),
  })),
  ...(
    [
      ["Javier Navarro", ["manager"], "es", "madrid", undefined],
      ["Pilar Sánchez", ["receptionist", "file_clerk"], "es", "madrid", 0],
      ["Andrés Gil", ["employee"], "es", "madrid", 1],
      ["Lorenzo Bianchi", ["manager"], "it", "milan", undefined],
      ["Chiara Greco", ["receptionist"], "it", "milan", 0],
      ["Paolo Esposito", ["employee", "administrative_assistant"], "it", "milan", 1],
      ["Declan Murphy", ["manager"], "en", "dublin", undefined],
      ["Aoife Kelly", ["receptionist"], "en", "dublin", 0],
      ["Niamh O'Brien", ["file_clerk", "employee"], "en", "dublin", 2],
      ["Rachel Goldberg", ["manager"], "en", "boston", undefined],
      ["Marcus Johnson", ["receptionist", "employee"], "en", "boston", 0],
      ["Emily Chen", ["administrative_assistant"], "en", "boston", 2],
    ] as const
  ).map(([displayName, roles, locale, office, department]) => ({
    displayName,
    email: staffEmail(displayName),
    roles: [...roles],
    locale,
    assignments: [{ office, department }],
  })),
];

const SEED = 20_261_123;
/** Serializes concurrent seeds (two servers starting with --demo on one database). */
const ADVISORY_LOCK_KEY = 7_265_012_801;

/**
 * Writes the demo organization unless it exists. Runs in one transaction; safe to call from
 * several processes at once.
 */
export async function seedDemo(db: Kysely<Database>, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const existing = await findDemoOrganization(db);
  if (existing) return { created: false, organizationId: existing };
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`.execute(trx);
    const raced = await findDemoOrganization(trx);
    if (raced) return { created: false, organizationId: raced };
    const organizationId = await writeDemo(trx, options.now, passwordHash);
    return { created: true, organizationId };
  });
}

async function findDemoOrganization(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom("organization").select("id").where("name", "=", DEMO_ORGANIZATION_NAME).executeTakeFirst();
  return row?.id;
}

const DAY = 24 * 60 * 60 * 1000;

/** An instant during office hours (8:30 to 18:00, Monday to Friday) in a time zone, days ago. */
function deskTime(random: Random, now: Date, daysAgo: number, timeZone: string): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY);
  const weekday = day.getUTCDay();
  const workday = new Date(day.getTime() - (weekday === 0 ? 2 : weekday === 6 ? 1 : 0) * DAY);
  const localMinutes = random.int(8 * 60 + 30, 18 * 60);
  return new Date(workday.getTime() + (localMinutes - utcOffsetMinutes(workday, timeZone)) * 60_000 + random.int(0, 59_999));
}

/** `candidate`, or a minute after `after` when two days fell on the same working day. */
function later(after: Date, candidate: Date): Date {
  return candidate > after ? candidate : new Date(after.getTime() + 60_000);
}

function utcOffsetMinutes(date: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

async function writeDemo(trx: Transaction<Database>, now: Date, passwordHash: string): Promise<string> {
  const random = new Random(SEED);
  const at = (daysAgo: number, timeZone = "Europe/Madrid") => deskTime(random, now, daysAgo, timeZone);
  const founded = at(900);

  const organizationId = random.uuid();
  await trx.insertInto("organization").values({ id: organizationId, name: DEMO_ORGANIZATION_NAME, created_at: founded }).execute();

  const offices: (NewOffice & { id: string; key: DemoOfficeKey })[] = OFFICES.map((office) => ({
    id: random.uuid(),
    key: office.key,
    organization_id: organizationId,
    name: office.name,
    kind: office.kind,
    locale: office.locale,
    time_zone: office.timeZone,
    currency: office.currency,
    fiscal_name: office.fiscalName,
    tax_id: office.taxId(random),
    address: jsonb(office.address),
    phone: office.phone,
    email: office.email,
    created_at: founded,
  }));
  await trx
    .insertInto("office")
    .values(offices.map(({ key: _key, ...office }) => office))
    .execute();
  const officeId = (key: DemoOfficeKey) => offices.find((office) => office.key === key)?.id as string;

  const departments: (NewDepartment & { id: string; key: DemoOfficeKey; index: number })[] = OFFICES.flatMap((office) =>
    OFFICE_PRESETS[office.kind].departments[office.locale].map((department, index) => ({
      id: random.uuid(),
      key: office.key,
      index,
      organization_id: organizationId,
      office_id: officeId(office.key),
      name: department.name,
      extension: department.extension ?? null,
      created_at: founded,
    })),
  );
  await trx
    .insertInto("department")
    .values(departments.map(({ key: _key, index: _index, ...department }) => department))
    .execute();

  const officeOf = new Map(OFFICES.map((office) => [office.key, office]));
  const timeZoneOf = (person: DemoStaff) => officeOf.get(person.assignments[0]?.office ?? "madrid")?.timeZone ?? "UTC";
  const users = STAFF.map((person) => ({
    person,
    userId: random.token(32),
    staffId: random.uuid(),
    since: at(random.int(500, 880), timeZoneOf(person)),
  }));
  await trx
    .insertInto("auth_user")
    .values(
      users.map(({ person, userId, since }) => ({
        id: userId,
        name: person.displayName,
        email: person.email,
        email_verified: true,
        created_at: since,
        updated_at: since,
      })),
    )
    .execute();
  await trx
    .insertInto("auth_account")
    .values(
      users.map(({ userId, since }) => ({
        id: random.token(32),
        user_id: userId,
        account_id: userId,
        provider_id: "credential",
        password: passwordHash,
        created_at: since,
        updated_at: since,
      })),
    )
    .execute();
  const staffRows: NewStaff[] = users.map(({ person, userId, staffId, since }) => ({
    id: staffId,
    organization_id: organizationId,
    user_id: userId,
    display_name: person.displayName,
    email: person.email,
    roles: person.roles,
    locale: person.locale,
    time_zone: timeZoneOf(person),
    active: true,
    created_at: since,
  }));
  await trx.insertInto("staff").values(staffRows).execute();
  const assignments: NewStaffAssignment[] = users.flatMap(({ person, staffId, since }) =>
    person.assignments.map((assignment) => ({
      id: random.uuid(),
      organization_id: organizationId,
      staff_id: staffId,
      office_id: officeId(assignment.office),
      department_id:
        assignment.department === undefined
          ? null
          : (departments.find((d) => d.key === assignment.office && d.index === assignment.department)?.id ?? null),
      created_at: since,
    })),
  );
  await trx.insertInto("staff_assignment").values(assignments).execute();

  // Clients, each entered by someone at the desk of its office.
  const clients: NewClient[] = [];
  const audit: NewAuditLog[] = [];
  const sequence = { matter: 0 };
  for (const office of OFFICES) {
    const desk = users.filter(({ person }) => person.assignments.some((a) => a.office === office.key) && !person.roles.includes("owner"));
    const schema = clientInputSchemaFor(office.country);
    for (let index = 0; index < office.clients; index++) {
      const input = makeClient({ random, now, sequence }, office, index);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        throw new Error(`Demo client ${office.key}#${index} is invalid: ${JSON.stringify(parsed.error.issues)}`);
      }
      const client = parsed.data;
      const creator = random.pick(desk).staffId;
      const createdDaysAgo = random.int(3, 720);
      const createdAt = at(createdDaysAgo, office.timeZone);
      const version = random.chance(0.3) ? random.int(2, 4) : 1;
      const updatedDaysAgo = version > 1 ? random.int(2, createdDaysAgo - 1) : createdDaysAgo;
      const updatedAt = later(createdAt, at(updatedDaysAgo, office.timeZone));
      const archivedAt = random.chance(0.04)
        ? later(updatedAt, at(random.int(1, updatedDaysAgo - 1), office.timeZone))
        : null;
      const id = random.uuid();
      clients.push({
        id,
        organization_id: organizationId,
        ...clientDataColumns({ ...client, officeId: officeId(office.key) }),
        version,
        archived_at: archivedAt,
        created_at: createdAt,
        updated_at: archivedAt ?? updatedAt,
        created_by: creator,
        updated_by: version > 1 || archivedAt ? random.pick(desk).staffId : creator,
      });
      audit.push({
        organization_id: organizationId,
        actor_staff_id: creator,
        entity_type: "client",
        entity_id: id,
        action: "create",
        changes: jsonb({ displayName: { from: null, to: clientDisplayName(client) } }),
        at: createdAt,
      });
      if (archivedAt) {
        audit.push({
          organization_id: organizationId,
          actor_staff_id: creator,
          entity_type: "client",
          entity_id: id,
          action: "archive",
          changes: jsonb({ archivedAt: { from: null, to: archivedAt.toISOString() } }),
          at: archivedAt,
        });
      }
    }
  }
  for (let start = 0; start < clients.length; start += 200) {
    await trx.insertInto("client").values(clients.slice(start, start + 200)).execute();
  }
  for (let start = 0; start < audit.length; start += 500) {
    await trx.insertInto("audit_log").values(audit.slice(start, start + 500)).execute();
  }

  // Services, weekly hours and the coming days' appointments.
  const staffIdOf = (displayName: string) => users.find(({ person }) => person.displayName === displayName)?.staffId as string;
  const desks: Record<DemoOfficeKey, string> = { madrid: "Lucía Romero", milan: "Chiara Greco", dublin: "Aoife Kelly", boston: "Marcus Johnson" };
  await seedAppointments(trx, {
    random,
    now,
    organizationId,
    officeId,
    timeZone: (key) => officeOf.get(key)?.timeZone ?? "UTC",
    staffId: staffIdOf,
    clientIds: (key) => clients.filter((client) => client.office_id === officeId(key) && !client.archived_at).map((client) => client.id as string),
    deskStaffId: (key) => staffIdOf(desks[key]),
  });
  // The catalog sold at each desk, with local VAT/IVA.
  await seedProducts(trx, { random, now, organizationId, officeId });
  // What each desk tells callers, in its language, and a question still waiting for an answer.
  await seedAnswers(trx, { random, now, organizationId, officeId, deskStaffId: (key) => staffIdOf(desks[key]) });
  // A few visitors expected later today at each office.
  await seedVisitors(trx, { random, now, organizationId, officeId, timeZone: (key) => officeOf.get(key)?.timeZone ?? "UTC", staffId: staffIdOf, deskStaffId: (key) => staffIdOf(desks[key]) });
  // Calls: extensions, languages, queues, routing rules, who is available, known callers.
  await seedCalls(trx, {
    now,
    organizationId,
    offices: OFFICES.map((office) => office.key),
    officeId,
    departmentId: (key, index) => departments.find((department) => department.key === key && department.index === index)?.id,
    staffId: staffIdOf,
    clientIds: (key) => clients.filter((client) => client.office_id === officeId(key) && !client.archived_at).map((client) => client.id as string),
  });
  return organizationId;
}

// --- clients -----------------------------------------------------------------------------------

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9\s.-]/g, "");
}

function emailFor(random: Random, given: string, family: string, domains: readonly string[]): string {
  const first = fold(given).replace(/\s+/g, "");
  const last = fold(family.split(" ")[0] ?? family).replace(/\s+/g, "");
  const styles = [
    () => `${first}.${last}`,
    () => `${first[0]}${last}`,
    () => `${first}${last}${random.int(1, 99)}`,
    () => `${first}.${last}${random.int(70, 99)}`,
  ];
  const local = random.pick(styles)();
  return `${local}@${random.pick(domains)}`;
}

/** What client generators share: the generator, the present, running numbers. */
interface Context {
  random: Random;
  now: Date;
  sequence: { matter: number };
}

function dateOfBirth({ random, now }: Context, minAge: number, maxAge: number): string {
  const year = now.getUTCFullYear() - random.int(minAge, maxAge);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function person(random: Random, pool: data.NamePool): { given: string; family: string; female: boolean } {
  const female = random.chance(0.5);
  return { given: random.pick(female ? pool.female : pool.male), family: random.pick(pool.family), female };
}

function makeClient(context: Context, office: DemoOffice, index: number): ClientInput {
  switch (office.key) {
    case "madrid":
      return madridPatient(context);
    case "milan":
      return milanClient(context);
    case "dublin":
      return dublinStudent(context, index);
    case "boston":
      return bostonCustomer(context, index);
  }
}

function madridPatient(context: Context): ClientInput {
  const { random } = context;
  const expat = random.chance(0.1);
  const who = person(random, expat ? data.EXPAT_NAMES : data.SPANISH_NAMES);
  // Spaniards carry two surnames; foreign residents one.
  const familyName = expat ? who.family : `${who.family} ${random.pick(data.SPANISH_NAMES.family)}`;
  const phones: ClientInput["phones"] = [{ label: "mobile", number: `+34${random.pick(["6", "6", "7"])}${random.digits(8)}` }];
  if (random.chance(0.25)) phones.push({ label: "home", number: `+3491${random.digits(7)}` });
  return {
    kind: "person",
    givenName: who.given,
    familyName,
    phones,
    emails: random.chance(0.85)
      ? [{ label: "home", address: emailFor(random, who.given, familyName, ["correo.example", "example.com", "example.es"]) }]
      : [],
    addresses: [
      {
        label: "home",
        line1: `${random.pick(data.MADRID_STREETS)} ${random.int(1, 220)}`,
        line2: random.pick(data.MADRID_FLOORS),
        city: "Madrid",
        postalCode: random.pick(data.MADRID_POSTAL_CODES),
        region: "Madrid",
        country: "ES",
      },
    ],
    preferredLocale: expat ? "en" : "es",
    nationalId: expat ? { type: "es_nie", value: nie(random) } : { type: "es_dni", value: dni(random) },
    notes: random.chance(0.2) ? random.pick(data.MEDICAL_NOTES) : "",
    details: {
      medical: {
        dateOfBirth: dateOfBirth(context, 4, 88),
        ...(random.chance(0.7)
          ? {
              insurance: {
                provider: random.pick(data.SPANISH_INSURERS),
                policyNumber: `${random.pick(["P", "S", "A"])}${random.digits(9)}`,
              },
            }
          : {}),
      },
    },
  };
}

function matters({ random, now, sequence }: Context): { reference: string; title: string; status: "open" | "closed" }[] {
  return Array.from({ length: random.int(1, 3) }, () => ({
    reference: `${now.getUTCFullYear() - random.int(0, 5)}/${String(++sequence.matter).padStart(4, "0")}`,
    title: random.pick(data.LEGAL_MATTERS),
    status: random.chance(0.6) ? ("open" as const) : ("closed" as const),
  }));
}

function milanAddress(random: Random, label: "home" | "work"): NonNullable<ClientInput["addresses"]>[number] {
  return {
    label,
    line1: `${random.pick(data.MILAN_STREETS)} ${random.int(1, 180)}`,
    city: "Milano",
    postalCode: random.pick(data.MILAN_POSTAL_CODES),
    region: "MI",
    country: "IT",
  };
}

function milanClient(context: Context): ClientInput {
  const { random } = context;
  if (random.chance(0.3)) {
    const family = random.pick(data.ITALIAN_NAMES.family);
    const companyName = `${family} ${random.pick(data.ITALIAN_COMPANY_WORDS)} ${random.pick(data.ITALIAN_COMPANY_FORMS)}`;
    const slug = fold(`${family}${companyName.split(" ")[1] ?? ""}`).replace(/[^a-z0-9]/g, "");
    return {
      kind: "company",
      companyName,
      phones: [{ label: "work", number: `+3902${random.digits(8)}` }],
      emails: [{ label: "work", address: `${random.pick(["info", "amministrazione", "segreteria"])}@${slug}.example` }],
      addresses: [milanAddress(random, "work")],
      preferredLocale: "it",
      notes: random.chance(0.25) ? random.pick(data.LEGAL_NOTES) : "",
      details: { legal: { matters: matters(context) } },
    };
  }
  const who = person(random, data.ITALIAN_NAMES);
  const born = dateOfBirth(context, 22, 85);
  return {
    kind: "person",
    givenName: who.given,
    familyName: who.family,
    phones: [
      { label: "mobile", number: `+393${random.pick(["3", "4", "8", "9", "2"])}${random.digits(8)}` },
      ...(random.chance(0.2) ? [{ label: "work" as const, number: `+3902${random.digits(8)}` }] : []),
    ],
    emails: random.chance(0.9)
      ? [{ label: "home", address: emailFor(random, who.given, who.family, ["posta.example", "example.com", "example.it"]) }]
      : [],
    addresses: [milanAddress(random, "home")],
    preferredLocale: "it",
    nationalId: {
      type: "it_codice_fiscale",
      value: codiceFiscale({
        givenName: who.given,
        familyName: who.family,
        dateOfBirth: born,
        female: who.female,
        placeCode: random.pick(data.ITALIAN_BIRTHPLACES),
      }),
    },
    notes: random.chance(0.2) ? random.pick(data.LEGAL_NOTES) : "",
    details: { legal: { matters: matters(context) } },
  };
}

function irishMobile(random: Random): string {
  return `+3538${random.pick(["3", "5", "6", "7", "9"])}${random.digits(7)}`;
}

function dublinStudent(context: Context, index: number): ClientInput {
  const { random } = context;
  // Dublin is international: some families speak Spanish or Italian at home.
  const background = random.next();
  const pool = background < 0.06 ? data.SPANISH_NAMES : background < 0.1 ? data.ITALIAN_NAMES : data.IRISH_NAMES;
  const locale: Locale = background < 0.06 ? "es" : background < 0.1 ? "it" : "en";
  const student = person(random, pool);
  const gradeIndex = random.int(0, data.SCHOOL_GRADES.length - 1);
  const guardians = [];
  const primary = random.chance(0.6) ? "Mother" : "Father";
  const relationships = random.chance(0.75)
    ? [primary, primary === "Mother" ? "Father" : "Mother"]
    : [random.chance(0.85) ? primary : "Guardian"];
  for (const relationship of relationships) {
    const names = relationship === "Mother" ? pool.female : relationship === "Father" ? pool.male : [...pool.female, ...pool.male];
    const given = random.pick(names);
    const family = relationship === "Guardian" ? random.pick(pool.family) : student.family;
    guardians.push({
      name: `${given} ${family}`,
      relationship,
      phone: irishMobile(random),
      email: emailFor(random, given, family, ["eircom.example", "example.ie", "example.com"]),
    });
  }
  const first = guardians[0] as (typeof guardians)[number];
  // An Eircode: routing key, then four characters from its own alphabet.
  const letter = () => random.pick([..."ACDEFHKNPRTVWXY"]);
  const postal = `${random.pick(data.DUBLIN_ROUTING_KEYS)} ${letter()}${random.digits(1)}${letter()}${random.digits(1)}`;
  return {
    kind: "person",
    givenName: student.given,
    familyName: student.family,
    phones: [
      { label: "mobile", number: first.phone },
      ...(gradeIndex >= 4 && random.chance(0.5) ? [{ label: "other" as const, number: irishMobile(random) }] : []),
    ],
    emails: [{ label: "home", address: first.email }],
    addresses: [
      {
        label: "home",
        line1: `${random.int(1, 160)} ${random.pick(data.DUBLIN_STREETS)}`,
        city: "Dublin",
        postalCode: postal,
        region: "Co. Dublin",
        country: "IE",
      },
    ],
    preferredLocale: locale,
    notes: random.chance(0.15) ? random.pick(data.EDUCATION_NOTES) : "",
    details: {
      education: {
        student: {
          dateOfBirth: dateOfBirth(context, 12 + gradeIndex, 12 + gradeIndex),
          grade: data.SCHOOL_GRADES[gradeIndex],
          // Year of entry, then a running number.
          studentNumber: `SB${String((context.now.getUTCFullYear() - gradeIndex) % 100).padStart(2, "0")}-${String(index + 1).padStart(4, "0")}`,
        },
        guardians,
      },
    },
  };
}

function bostonPhone(random: Random): string {
  return `+1${random.pick(data.BOSTON_AREA_CODES)}5550${random.int(100, 199)}`;
}

function bostonAddress(random: Random, label: "home" | "work"): NonNullable<ClientInput["addresses"]>[number] {
  const town = random.pick(data.BOSTON_TOWNS);
  return {
    label,
    line1: `${random.int(1, 999)} ${random.pick(data.BOSTON_STREETS)}`,
    ...(random.chance(0.4)
      ? { line2: label === "work" ? `Suite ${random.int(1, 9)}${random.digits(2)}` : `Apt ${random.int(1, 6)}${random.pick([..."ABCD"])}` }
      : {}),
    city: town.city,
    postalCode: random.pick(town.postalCodes),
    region: "MA",
    country: "US",
  };
}

function bostonCustomer({ random }: Context, index: number): ClientInput {
  const foreign = data.FOREIGN_BUSINESS_CUSTOMERS[index];
  if (foreign) {
    const vatNumber =
      foreign.country === "ES" ? `ES${cif(random)}` : foreign.country === "IT" ? `IT${partitaIva(random)}` : irishVat(random);
    const companyName = `${foreign.name} ${foreign.form}`;
    const slug = fold(foreign.name).replace(/[^a-z0-9]/g, "");
    return {
      kind: "company",
      companyName: foreign.name,
      phones: [
        {
          label: "work",
          number: foreign.country === "ES" ? `+3496${random.digits(7)}` : foreign.country === "IT" ? `+3902${random.digits(8)}` : `+3531${random.digits(7)}`,
        },
      ],
      emails: [{ label: "work", address: `orders@${slug}.example` }],
      addresses: [],
      preferredLocale: foreign.country === "ES" ? "es" : foreign.country === "IT" ? "it" : "en",
      notes: "Ships overseas: quote freight separately.",
      details: { business: { companyName, vatNumber } },
    };
  }
  if (random.chance(0.4)) {
    const name = `${random.pick(data.BOSTON_COMPANY_PREFIXES)} ${random.pick(data.BOSTON_COMPANY_NOUNS)}`;
    const slug = fold(name).replace(/[^a-z0-9]/g, "");
    const form = random.pick(data.BOSTON_COMPANY_FORMS);
    return {
      kind: "company",
      companyName: name,
      phones: [{ label: "work", number: bostonPhone(random) }],
      emails: [{ label: "work", address: `${random.pick(["info", "orders", "accounts", "hello"])}@${slug}.example` }],
      addresses: [bostonAddress(random, "work")],
      preferredLocale: "en",
      notes: random.chance(0.3) ? random.pick(data.BUSINESS_NOTES) : "",
      details: { business: { companyName: name.endsWith("Co.") ? name : `${name} ${form}` } },
    };
  }
  const who = person(random, data.AMERICAN_NAMES);
  return {
    kind: "person",
    givenName: who.given,
    familyName: who.family,
    phones: [{ label: "mobile", number: bostonPhone(random) }],
    emails: [{ label: "home", address: emailFor(random, who.given, who.family, ["mail.example", "example.com", "example.net", "example.org"]) }],
    addresses: random.chance(0.6) ? [bostonAddress(random, "home")] : [],
    preferredLocale: random.chance(0.05) ? "es" : "en",
    notes: random.chance(0.15) ? random.pick(data.BUSINESS_NOTES) : "",
  };
}
