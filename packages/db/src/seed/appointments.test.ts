import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testTargets, type TestDatabase } from "../testing.js";
import { DEMO_RESOURCES, DEMO_SERVICES } from "./appointments.js";
import { seedDemo } from "./demo.js";

const now = new Date("2026-11-23T09:00:00Z");

describe.each(testTargets())("demo schedules on %s", (target) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    await seedDemo(database.db, { now, hashPassword: async (plain) => `plain:${plain}` });
  });
  afterAll(() => database?.close());

  it("has the services of every office, each with the staff who perform it and their hours", async () => {
    const services = await database.db
      .selectFrom("service")
      .innerJoin("office", "office.id", "service.office_id")
      .select(["service.id", "service.name", "service.duration_minutes", "office.address"])
      .orderBy("service.name")
      .execute();
    expect(services.map((service) => service.name).sort()).toEqual(DEMO_SERVICES.map((service) => service.name).sort());
    expect(services.find((service) => service.name === "Revisión dental")).toMatchObject({ duration_minutes: 30, address: expect.objectContaining({ city: "Madrid" }) });
    const performers = await database.db.selectFrom("service_staff").select(["staff_id"]).distinct().execute();
    const schedules = await database.db.selectFrom("staff_schedule").select(["staff_id"]).execute();
    expect(schedules.map((row) => row.staff_id).sort()).toEqual(performers.map((row) => row.staff_id).sort());
  });

  it("books a few dozen appointments in the coming days, none overlapping, all at clients of their office", async () => {
    const appointments = await database.db
      .selectFrom("appointment")
      .innerJoin("client", "client.id", "appointment.client_id")
      .select(["appointment.starts_at", "appointment.office_id", "client.office_id as client_office"])
      .execute();
    expect(appointments.length).toBeGreaterThanOrEqual(24);
    for (const appointment of appointments) {
      expect(new Date(appointment.starts_at).getTime()).toBeGreaterThan(now.getTime());
      expect(appointment.client_office).toBe(appointment.office_id);
    }
    const audit = await database.db.selectFrom("audit_log").select("id").where("entity_type", "=", "appointment").execute();
    expect(audit).toHaveLength(appointments.length);
  });

  it("gives the dental clinic two rooms and the law firm a meeting room, which their services need and their appointments hold", async () => {
    const rooms = await database.db.selectFrom("resource").select(["id", "name", "capacity"]).orderBy("name").execute();
    expect(rooms.map((room) => room.name)).toEqual(DEMO_RESOURCES.map((room) => room.name).sort());
    const needing = await database.db.selectFrom("service_resource").innerJoin("service", "service.id", "service_resource.service_id").select("service.name").distinct().execute();
    expect(needing.map((row) => row.name).sort()).toEqual(["Limpieza", "Prima consulenza", "Revisión dental"]);
    const withoutRoom = await database.db
      .selectFrom("appointment")
      .innerJoin("service_resource", "service_resource.service_id", "appointment.service_id")
      .select("appointment.id")
      .where("appointment.resource_id", "is", null)
      .execute();
    expect(withoutRoom).toEqual([]);
    const held = await database.db.selectFrom("appointment").select("id").where("resource_id", "is not", null).execute();
    expect(held.length).toBeGreaterThan(0);
  });
});
