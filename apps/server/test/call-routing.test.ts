import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CALLER_NUMBERS, seedDemo, type DatabaseConnection } from "@frontoffice/db";
import { route, validateRoutingConfig } from "@frontoffice/routing";
import { loadRoutingSetup } from "../src/modules/calls/routing-state.js";
import type { CallRoutingSetup, RoutingProblem } from "@frontoffice/domain";
import { publicDetails } from "../src/trpc/trpc.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, failureOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";
import { poolFor } from "./pooled-server.js";

const EVERY_DAY = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, [{ start: "00:00", end: "24:00" }]]));

/** What a client receives in `data.details` of a failed call: the routing problems, if any. */
async function routingProblemsOf(promise: Promise<unknown>): Promise<RoutingProblem[]> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return (publicDetails(error.cause)?.routingProblems as RoutingProblem[] | undefined) ?? [];
  }
  throw new Error("expected the call to fail, it succeeded");
}

const departmentNamed = (setup: CallRoutingSetup, name: string) => {
  const department = setup.departments.find((item) => item.name === name);
  if (!department) throw new Error(`no department ${name}`);
  return department;
};

describe.each(testTargets())("call routing settings on %s", (target) => {
  let server: TestServer;
  let organizationId: string;
  let officeId: string;
  let manager: ReturnType<typeof callerFor>;
  let desk: ReturnType<typeof callerFor>;
  let deskId: string;
  let ownerId: string;
  let reception: string;
  let appointments: string;
  let billing: string;
  let records: string;

  beforeAll(async () => {
    server = await createTestServer(target);
    const organization = await setUpOrganization(server, "Clínica Sol", "owner@sol.test");
    organizationId = organization.organizationId;
    officeId = organization.officeId;
    await addStaff(server, organizationId, officeId, "gerente@sol.test", ["manager"]);
    deskId = await addStaff(server, organizationId, officeId, "recepcion@sol.test", ["receptionist"]);
    manager = callerFor(server, await signIn(server, "gerente@sol.test"));
    desk = callerFor(server, await signIn(server, "recepcion@sol.test"));
    ownerId = (await callerFor(server, await signIn(server, "owner@sol.test")).session.me()).staff.id;
    const setup = await manager.callRouting.setup({ officeId });
    reception = departmentNamed(setup, "Recepción").id;
    appointments = departmentNamed(setup, "Citas").id;
    billing = departmentNamed(setup, "Facturación y seguros").id;
    records = departmentNamed(setup, "Historias clínicas").id;
  });
  afterAll(async () => server?.close());

  it("shows a new office's call settings: weekdays 9 to 18, four lines, three hops, its departments ringing all for 30 s, its staff off shift, no rules", async () => {
    const setup = await desk.callRouting.setup({ officeId });
    expect(setup.office).toMatchObject({ id: officeId, name: "Clínica Dental Sol", timeZone: "Europe/Madrid", locale: "es", callLines: 4, maxOverflowHops: 3, callHolidays: [] });
    expect(setup.office.callHours.monday).toEqual([{ start: "09:00", end: "18:00" }]);
    expect(setup.departments.map((department) => department.extension)).toEqual(["100", "101", "102", "103"]);
    expect(setup.departments[0]).toMatchObject({ strategy: "ring_all", timeoutSeconds: 30, overflow: null, callHours: null });
    expect(setup.staff.map((member) => member.id)).toEqual(expect.arrayContaining([ownerId, deskId]));
    expect(setup.staff.every((member) => member.presence === "off_shift" && member.extension === null)).toBe(true);
    expect(setup.rules).toEqual([]);
  });

  it("lets a receptionist read the settings and nothing more", async () => {
    expect(await errorCodeOf(desk.callRouting.updateOffice({ officeId, callHours: EVERY_DAY, callHolidays: [], callLines: 2, maxOverflowHops: 1 }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(desk.callRouting.rules.create({ officeId, name: "Todo", match: {}, action: { kind: "callback" } }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(manager.callRouting.setup({ officeId: crypto.randomUUID() }))).toBe("NOT_FOUND");
  });

  it("saves the office's call hours, holidays (sorted, once each), lines and hop limit, and audits the change", async () => {
    const office = await manager.callRouting.updateOffice({ officeId, callHours: EVERY_DAY, callHolidays: ["2026-12-25", "2026-01-06", "2026-12-25"], callLines: 6, maxOverflowHops: 2 });
    expect(office).toMatchObject({ callLines: 6, maxOverflowHops: 2, callHolidays: ["2026-01-06", "2026-12-25"] });
    expect(office.callHours.sunday).toEqual([{ start: "00:00", end: "24:00" }]);
    const audit = await server.db.selectFrom("audit_log").select(["action", "changes"]).where("entity_type", "=", "office").where("entity_id", "=", officeId).execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(audit[0]!.changes as object).sort()).toEqual(["callHolidays", "callHours", "callLines", "maxOverflowHops"]);

    const tooMany = await failureOf(manager.callRouting.updateOffice({ officeId, callHours: EVERY_DAY, callHolidays: [], callLines: 33, maxOverflowHops: 11 }));
    expect(tooMany.code).toBe("VALIDATION_FAILED");
    expect(tooMany.issues.map((issue) => [issue.path.join("."), issue.key])).toEqual([
      ["callLines", "validation.too_big"],
      ["maxOverflowHops", "validation.too_big"],
    ]);
    expect((await manager.callRouting.setup({ officeId })).office.callLines).toBe(6);
  });

  it("refuses an overflow that goes round in a circle, naming it, and saves nothing", async () => {
    await manager.callRouting.updateDepartment({ departmentId: reception, strategy: "longest_idle", timeoutSeconds: 20, overflow: { kind: "department", departmentId: appointments }, callHours: null });
    await manager.callRouting.updateDepartment({ departmentId: appointments, strategy: "round_robin", timeoutSeconds: 45, overflow: { kind: "department", departmentId: billing }, callHours: null });

    const circle = manager.callRouting.updateDepartment({ departmentId: billing, strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId: reception }, callHours: null });
    const problems = await routingProblemsOf(circle);
    expect(problems.map((problem) => problem.code)).toEqual(["ROUTING_OVERFLOW_CYCLE"]);
    expect([...(problems[0]!.details.cycle as string[])].sort()).toEqual([reception, appointments, billing].sort());
    expect(await errorCodeOf(manager.callRouting.updateDepartment({ departmentId: billing, strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId: reception }, callHours: null }))).toBe("ROUTING_OVERFLOW_CYCLE");

    const setup = await manager.callRouting.setup({ officeId });
    expect(departmentNamed(setup, "Facturación y seguros")).toMatchObject({ overflow: null, strategy: "ring_all" });
    expect(departmentNamed(setup, "Recepción")).toMatchObject({ strategy: "longest_idle", timeoutSeconds: 20, overflow: { kind: "department", departmentId: appointments } });

    // Voicemail ends the chain; the department's own hours are kept.
    const saturday = { saturday: [{ start: "10:00", end: "14:00" }] };
    const saved = await manager.callRouting.updateDepartment({ departmentId: billing, strategy: "ring_all", timeoutSeconds: 60, overflow: { kind: "voicemail" }, callHours: saturday });
    expect(saved).toMatchObject({ timeoutSeconds: 60, overflow: { kind: "voicemail" } });
    expect(saved.callHours?.saturday).toEqual([{ start: "10:00", end: "14:00" }]);
  });

  it("refuses an overflow to a department of another office, and a time-out out of range", async () => {
    const owner = callerFor(server, await signIn(server, "owner@sol.test"));
    const milan = await owner.offices.create({
      name: "Studio Milano", kind: "legal", locale: "it", timeZone: "Europe/Rome", currency: "EUR", fiscalName: "Studio Milano S.r.l.", taxId: "01114601006",
      address: { line1: "Via Manzoni 12", city: "Milano", postalCode: "20121", country: "IT" },
    });
    const elsewhere = milan.departments[0]!.id;
    expect(await errorCodeOf(manager.callRouting.updateDepartment({ departmentId: records, strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId: elsewhere }, callHours: null }))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
    const slow = await failureOf(manager.callRouting.updateDepartment({ departmentId: records, strategy: "ring_all", timeoutSeconds: 3601, overflow: null, callHours: null }));
    expect(slow.issues.map((issue) => issue.path.join("."))).toEqual(["timeoutSeconds"]);
  });

  it("sends calls that name no one to a department of the office, never another office's, and audits the change", async () => {
    const { office } = await manager.callRouting.setup({ officeId });
    expect(office.defaultDepartmentId).toBeNull();
    const settings = { officeId, callHours: office.callHours, callHolidays: office.callHolidays, callLines: office.callLines, maxOverflowHops: office.maxOverflowHops };
    const milan = (await manager.offices.list()).find((candidate) => candidate.id !== officeId)!;
    const elsewhere = (await manager.callRouting.setup({ officeId: milan.id })).departments[0]!.id;
    expect(await errorCodeOf(manager.callRouting.updateOffice({ ...settings, defaultDepartmentId: elsewhere }))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
    expect(await errorCodeOf(manager.callRouting.updateOffice({ ...settings, defaultDepartmentId: crypto.randomUUID() }))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
    expect((await manager.callRouting.setup({ officeId })).office.defaultDepartmentId).toBeNull();

    expect(await manager.callRouting.updateOffice({ ...settings, defaultDepartmentId: reception })).toMatchObject({ defaultDepartmentId: reception });
    const { state } = await loadRoutingSetup(server.db, organizationId, officeId);
    expect(state.defaultDepartmentId).toBe(reception);
    const audits = await server.db.selectFrom("audit_log").select("changes").where("entity_type", "=", "office").where("entity_id", "=", officeId).execute();
    expect(audits.map((audit) => Object.keys(audit.changes as object))).toContainEqual(["defaultDepartmentId"]);
    // Leaving it out sends such calls nowhere again.
    expect(await manager.callRouting.updateOffice(settings)).toMatchObject({ defaultDepartmentId: null });
  });

  it("gives staff an extension unique in the organization, never a department's, with languages and lower-case skills", async () => {
    const saved = await manager.callRouting.updateStaffPhone({ staffId: deskId, extension: "201", languages: ["es", "en", "es"], skills: ["Billing", "x-ray"] });
    expect(saved).toEqual({ id: deskId, extension: "201", languages: ["es", "en"], skills: ["billing", "x-ray"] });
    const member = (await manager.callRouting.setup({ officeId })).staff.find((item) => item.id === deskId);
    expect(member).toMatchObject({ extension: "201", languages: ["es", "en"], skills: ["billing", "x-ray"] });

    expect(await errorCodeOf(manager.callRouting.updateStaffPhone({ staffId: ownerId, extension: "201", languages: [], skills: [] }))).toBe("EXTENSION_TAKEN");
    expect(await errorCodeOf(manager.callRouting.updateStaffPhone({ staffId: ownerId, extension: "100", languages: [], skills: [] }))).toBe("EXTENSION_TAKEN");
    const owner = (await manager.callRouting.setup({ officeId })).staff.find((item) => item.id === ownerId);
    expect(owner?.extension).toBeNull();

    const bad = await failureOf(manager.callRouting.updateStaffPhone({ staffId: ownerId, extension: "2", languages: ["fr" as "en"], skills: ["two words"] }));
    expect(bad.issues.map((issue) => issue.key)).toEqual(["validation.extension_invalid", "validation.locale_invalid", "validation.skill_invalid"]);
    expect(await errorCodeOf(manager.callRouting.updateStaffPhone({ staffId: crypto.randomUUID(), extension: null, languages: [], skills: [] }))).toBe("STAFF_NOT_FOUND");

    const audit = await server.db.selectFrom("audit_log").select("changes").where("entity_type", "=", "staff").where("entity_id", "=", deskId).execute();
    expect(audit.map((entry) => Object.keys(entry.changes as object).sort())).toEqual([["extension", "languages", "skills"]]);
  });

  it("keeps rules in order, refuses one that could never apply, and moves them up and down", async () => {
    const ivr = await manager.callRouting.rules.create({ officeId, name: "IVR 1: reception", match: { ivrChoice: ["1"] }, action: { kind: "department", departmentId: reception } });
    const spanish = await manager.callRouting.rules.create({ officeId, name: "Spanish → billing", match: { language: ["es"], dialled: [] }, action: { kind: "department", departmentId: billing, requiredSkills: ["billing"] } });
    expect(spanish.match).toEqual({ language: ["es"] });
    const everything = await manager.callRouting.rules.create({ officeId, name: "Everyone else", match: {}, action: { kind: "callback" } });
    expect([ivr.position, spanish.position, everything.position]).toEqual([0, 1, 2]);

    // After a rule that takes every call, another can never apply.
    const shadowed = manager.callRouting.rules.create({ officeId, name: "VIPs", match: { priority: ["vip"] }, action: { kind: "staff", staffId: deskId } });
    expect((await routingProblemsOf(shadowed)).map((problem) => [problem.code, problem.details.shadowedBy])).toEqual([["ROUTING_UNREACHABLE_RULE", everything.id]]);
    expect(await errorCodeOf(manager.callRouting.rules.reorder({ officeId, ruleIds: [everything.id, ivr.id, spanish.id] }))).toBe("ROUTING_UNREACHABLE_RULE");
    expect((await manager.callRouting.setup({ officeId })).rules.map((rule) => rule.id)).toEqual([ivr.id, spanish.id, everything.id]);

    // Every problem a change brings is reported: here, shadowed and to someone who does not exist.
    const ghost = manager.callRouting.rules.create({ officeId, name: "Ghost", match: { ivrChoice: ["9"] }, action: { kind: "staff", staffId: crypto.randomUUID() } });
    expect((await routingProblemsOf(ghost)).map((problem) => problem.code)).toEqual(["ROUTING_UNREACHABLE_RULE", "ROUTING_UNKNOWN_STAFF"]);

    // Switched off, the catch-all shadows nothing: it can go first.
    const off = await manager.callRouting.rules.update({ id: everything.id, version: everything.version, active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    const moved = await manager.callRouting.rules.reorder({ officeId, ruleIds: [everything.id, spanish.id, ivr.id] });
    expect(moved.map((rule) => [rule.name, rule.position])).toEqual([
      ["Everyone else", 0],
      ["Spanish → billing", 1],
      ["IVR 1: reception", 2],
    ]);
    // …but not switched back on there.
    expect(await errorCodeOf(manager.callRouting.rules.update({ id: everything.id, version: 2, active: true }))).toBe("ROUTING_UNREACHABLE_RULE");

    // Stale versions and stale orders are conflicts.
    expect(await errorCodeOf(manager.callRouting.rules.update({ id: spanish.id, version: 7, name: "Late" }))).toBe("ROUTING_RULE_VERSION_CONFLICT");
    expect(await errorCodeOf(manager.callRouting.rules.reorder({ officeId, ruleIds: [spanish.id, ivr.id] }))).toBe("ROUTING_RULE_VERSION_CONFLICT");

    // Removing renumbers the rest.
    await manager.callRouting.rules.remove({ id: everything.id, version: 2 });
    const rules = (await manager.callRouting.setup({ officeId })).rules;
    expect(rules.map((rule) => [rule.id, rule.position])).toEqual([
      [spanish.id, 0],
      [ivr.id, 1],
    ]);
    const audit = await server.db.selectFrom("audit_log").select("action").where("entity_type", "=", "routing_rule").where("entity_id", "=", everything.id).orderBy("at").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["create", "update", "update", "delete"]);
  });

  it("refuses an extension a member of another office has: the database's unique key decides", async () => {
    const other = await server.db.selectFrom("office").select("id").where("organization_id", "=", organizationId).where("id", "<>", officeId).executeTakeFirstOrThrow();
    const milanese = await addStaff(server, organizationId, other.id, "milano@sol.test", ["employee"]);
    expect(await errorCodeOf(manager.callRouting.updateStaffPhone({ staffId: milanese, extension: "201", languages: ["it"], skills: [] }))).toBe("EXTENSION_TAKEN");
    expect((await manager.callRouting.updateStaffPhone({ staffId: milanese, extension: "301", languages: ["it"], skills: [] })).extension).toBe("301");
  });
});

describe.runIf(testTargets().includes("postgres"))("two managers closing an overflow circle at once (PostgreSQL)", () => {
  let server: TestServer;
  let pool: DatabaseConnection;

  beforeAll(async () => {
    server = await createTestServer("postgres");
    await setUpOrganization(server, "Carrera", "owner@carrera.test");
    pool = await poolFor(server, 10);
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    await server?.close();
  });

  it("keeps one of A → B and B → A: the other is refused as a cycle", async () => {
    const headers = await signIn(server, "owner@carrera.test");
    const owner = callerFor(server, headers);
    const officeId = (await owner.offices.list())[0]!.id;
    const [a, b] = (await owner.callRouting.setup({ officeId })).departments;
    const pooled = callerFor({ ...server, db: pool.db }, headers);
    const outcomes = await Promise.all(
      [
        [a!.id, b!.id],
        [b!.id, a!.id],
      ].map(([from, to]) =>
        pooled.callRouting
          .updateDepartment({ departmentId: from!, strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId: to! }, callHours: null })
          .then(() => "saved", (error: unknown) => errorCodeOf(Promise.reject(error))),
      ),
    );
    expect(outcomes.sort()).toEqual(["ROUTING_OVERFLOW_CYCLE", "saved"]);
    const overflows = (await owner.callRouting.setup({ officeId })).departments.filter((department) => department.overflow !== null);
    expect(overflows).toHaveLength(1);
  });
});

describe("the demo's call routing (PGlite)", () => {
  let server: TestServer;
  let organizationId: string;

  beforeAll(async () => {
    server = await createTestServer("pglite");
    organizationId = (await seedDemo(server.db, { now: server.clock.now(), hashPassword: async (plain) => plain })).organizationId;
  }, 60_000);
  afterAll(async () => server?.close());

  it("passes validateRoutingConfig in every office, and a Spanish caller in Milan reaches the Spanish speaker", async () => {
    const offices = await server.db.selectFrom("office").select(["id", "kind"]).where("organization_id", "=", organizationId).execute();
    expect(offices).toHaveLength(Object.keys(DEMO_CALLER_NUMBERS).length);
    for (const office of offices) {
      const { state, rules } = await loadRoutingSetup(server.db, organizationId, office.id);
      expect(validateRoutingConfig(state, rules).map((problem) => problem.code), office.kind).toEqual([]);
    }
    const milan = offices.find((office) => office.kind === "legal")!;
    const { state, rules } = await loadRoutingSetup(server.db, organizationId, milan.id);
    const decision = route({ id: "demo", callerNumber: DEMO_CALLER_NUMBERS.milan, language: "es", waitedSeconds: 0 }, state, rules, server.clock.now().toISOString());
    const paolo = await server.db.selectFrom("staff").select("id").where("display_name", "=", "Paolo Esposito").executeTakeFirstOrThrow();
    expect(decision.action === "ring" && decision.targets).toEqual([paolo.id]);
  });
});
