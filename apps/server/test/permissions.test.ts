import { ROLES, can, type Permission } from "@frontoffice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/trpc/app-router.js";
import type { ProcedureMeta } from "../src/trpc/trpc.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, type TestServer } from "./harness.js";

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string } }>);

/** Calls a procedure by its dotted path with an input that is deliberately incomplete. */
function call(caller: unknown, path: string): Promise<unknown> {
  // Walks nested routers too (`telephony.endpoints.list`).
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input?: unknown) => Promise<unknown>)({});
}

describe("permissions", () => {
  let server: TestServer;
  const callers = new Map<string, ReturnType<typeof callerFor>>();

  beforeAll(async () => {
    server = await createTestServer("pglite");
    const { organizationId, officeId } = await setUpOrganization(server, "Matrix", "owner@matrix.test");
    for (const role of ROLES) {
      const email = `${role}@matrix.test`;
      if (role !== "owner") await addStaff(server, organizationId, officeId, email, [role]);
      callers.set(role, callerFor(server, await signIn(server, role === "owner" ? "owner@matrix.test" : email)));
    }
  });
  afterAll(async () => server?.close());

  it("every procedure declares its access", () => {
    for (const [path, procedure] of procedures) {
      expect(procedure._def.meta?.access, path).toBeDefined();
    }
  });

  it("refuses every guarded procedure to anyone not signed in", async () => {
    const anonymous = callerFor(server);
    for (const [path, procedure] of procedures) {
      if (procedure._def.meta?.access === "public") continue;
      expect(await errorCodeOf(call(anonymous, path)), path).toBe("UNAUTHENTICATED");
    }
  });

  it("follows the matrix for every role and every procedure, before reading the input", async () => {
    for (const role of ROLES) {
      for (const [path, procedure] of procedures) {
        const access = procedure._def.meta?.access;
        if (access === "public" || access === "signed-in") continue;
        const outcome = await errorCodeOf(call(callers.get(role), path)).catch(() => "OK");
        if (can([role], access as Permission)) {
          expect(outcome, `${role} → ${path}`).not.toBe("FORBIDDEN");
        } else {
          expect(outcome, `${role} → ${path}`).toBe("FORBIDDEN");
        }
      }
    }
  });

  it("an employee can read clients but not create them", async () => {
    const employee = callers.get("employee")!;
    await expect(employee.clients.search({ query: "" })).resolves.toBeDefined();
    expect(await errorCodeOf(employee.clients.create({ familyName: "Nope" }))).toBe("FORBIDDEN");
  });

  it("a deactivated staff member is refused even with a live session", async () => {
    const receptionist = callers.get("receptionist")!;
    await server.db.updateTable("staff").set({ active: false }).where("email", "=", "receptionist@matrix.test").execute();
    expect(await errorCodeOf(receptionist.clients.search({ query: "" }))).toBe("FORBIDDEN");
    await server.db.updateTable("staff").set({ active: true }).where("email", "=", "receptionist@matrix.test").execute();
  });
});
