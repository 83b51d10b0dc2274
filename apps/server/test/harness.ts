import { createTestDatabase, testTargets, type TestDatabase } from "@frontoffice/db/testing";
import { TRPCError } from "@trpc/server";
import type { FieldIssue, Role, SetupInput } from "@frontoffice/domain";
import { hashPassword } from "better-auth/crypto";
import { createAuth, type Auth } from "../src/auth.js";
import type { Clock } from "../src/clock.js";
import { LiveHub } from "../src/live/hub.js";
import { createLogger } from "../src/logger.js";
import { createFirstOrganization } from "../src/modules/setup/service.js";
import { insertDepartments, insertOffice, insertOrganization } from "../src/modules/setup/queries.js";
import { insertStaffAccount } from "../src/modules/staff/queries.js";
import { appRouter } from "../src/trpc/app-router.js";
import type { ServerDependencies } from "../src/trpc/context.js";
import { createCallerFactory, describeError } from "../src/trpc/trpc.js";

export { testTargets };

export const PASSWORD = "correct horse battery";

/**
 * A clock tests can move. It runs with real time plus an offset, because better-auth stamps
 * sessions with the real clock and the two must stay comparable.
 */
export class TestClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(milliseconds: number): void {
    this.offset += milliseconds;
  }
}

export interface TestServer extends ServerDependencies {
  database: TestDatabase;
  clock: TestClock;
  auth: Auth;
  close(): Promise<void>;
}

export const TEST_BASE_URL = "http://127.0.0.1:3999";

export async function createTestServer(target: "pglite" | "postgres"): Promise<TestServer> {
  const database = await createTestDatabase(target);
  const clock = new TestClock();
  const auth = createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret-0123",
    baseUrl: TEST_BASE_URL,
    trustedOrigins: [TEST_BASE_URL],
    secureCookies: false,
  });
  const logger = createLogger("silent");
  const live = await LiveHub.start(database, logger);
  return {
    database,
    db: database.db,
    auth,
    clock,
    logger,
    live,
    close: async () => {
      await live.stop();
      await database.close();
    },
  };
}

export const madridOffice: SetupInput["office"] = {
  name: "Clínica Dental Sol",
  kind: "medical",
  locale: "es",
  timeZone: "Europe/Madrid",
  currency: "EUR",
  fiscalName: "Clínica Dental Sol S.L.",
  taxId: "B12345674",
  address: { line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" },
};

/** An organization set up through the real first-run path, with its owner. */
export async function setUpOrganization(server: TestServer, name: string, ownerEmail: string) {
  const { organizationId } = await createFirstOrganizationOrAnother(server, name, ownerEmail);
  const office = await server.db.selectFrom("office").select(["id"]).where("organization_id", "=", organizationId).executeTakeFirstOrThrow();
  return { organizationId, officeId: office.id };
}

/**
 * The first organization goes through setup; later ones (setup refuses a second) are written
 * with the same queries setup uses.
 */
async function createFirstOrganizationOrAnother(server: TestServer, name: string, ownerEmail: string) {
  const hasOne = await server.db.selectFrom("organization").select("id").executeTakeFirst();
  if (!hasOne) {
    return createFirstOrganization(server, { organizationName: name, office: madridOffice, owner: { name: "Owner", email: ownerEmail, password: PASSWORD } }, null);
  }
  const at = server.clock.now();
  const organizationId = await insertOrganization(server.db, name, at);
  const officeId = await insertOffice(server.db, organizationId, madridOffice, at);
  await insertDepartments(server.db, organizationId, officeId, [{ name: "Recepción", extension: "100" }], at);
  await insertStaffAccount(server.db, {
    organizationId, assignments: [{ officeId, departmentId: null }], name: "Owner", email: ownerEmail, passwordHash: await hashPassword(PASSWORD),
    roles: ["owner"], locale: "es", timeZone: "Europe/Madrid", at,
  });
  return { organizationId };
}

export async function addStaff(server: TestServer, organizationId: string, officeId: string, email: string, roles: Role[]) {
  return insertStaffAccount(server.db, {
    organizationId, assignments: [{ officeId, departmentId: null }], name: email.split("@")[0] ?? email, email, passwordHash: await hashPassword(PASSWORD),
    roles, locale: "en", timeZone: "Europe/Madrid", at: server.clock.now(),
  });
}

/** Signs in through better-auth and returns the request headers a browser would send after. */
export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<Headers> {
  const response = await server.auth.api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  const cookie = response.headers.getSetCookie().map((item) => item.split(";")[0]).join("; ");
  return new Headers({ cookie });
}

const createCaller = createCallerFactory(appRouter);

/** A typed caller acting with the given request headers (signed in or not). */
export function callerFor(server: TestServer, headers: Headers = new Headers()) {
  return createCaller({ db: server.db, auth: server.auth, clock: server.clock, logger: server.logger, live: server.live, requestId: "test-request", headers });
}

/** Runs a call expected to fail and returns what the client would receive: code and field issues. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; issues: FieldIssue[] }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { code, issues } = describeError(error);
    return { code, issues: issues ?? [] };
  }
  throw new Error("expected the call to fail, it succeeded");
}

export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  return (await failureOf(promise)).code;
}
