import { describe, expect, it } from "vitest";
import { EMPTY_ROOM, roomFormErrors, roomServerErrors, roomToForm, toRoomInput } from "./rooms-model";

const OFFICE = "0b7f5a8e-3c1d-4f6a-9b2e-1d2c3b4a5f60";

describe("room form model", () => {
  it("checks the form with the domain schema and places the issues beside fields", () => {
    const errors = roomFormErrors({ ...EMPTY_ROOM, name: " ", capacity: "0" });
    expect(errors.fields.name?.key).toBe("validation.required");
    expect(errors.fields.capacity?.key).toBe("validation.too_small");
    expect(roomFormErrors({ ...EMPTY_ROOM, name: "Sala", capacity: "" }).fields.capacity).toBeDefined();

    const values = { name: "Sala de grupo", kind: "room" as const, capacity: "12" };
    expect(roomFormErrors(values)).toEqual({ fields: {}, general: [] });
    expect(toRoomInput(OFFICE, values)).toEqual({ officeId: OFFICE, name: "Sala de grupo", kind: "room", capacity: 12 });
    expect(roomToForm({ id: "r", officeId: OFFICE, name: "Rayos X", kind: "equipment", capacity: 1, active: true, version: 3 })).toEqual({ name: "Rayos X", kind: "equipment", capacity: "1" });
  });

  it("puts a taken name and a capacity below the booked seats beside their fields", () => {
    expect(roomServerErrors("RESOURCE_NAME_TAKEN", [])?.fields.name?.key).toBe("errors.RESOURCE_NAME_TAKEN");
    expect(roomServerErrors("RESOURCE_CAPACITY_IN_USE", [])?.fields.capacity?.key).toBe("errors.RESOURCE_CAPACITY_IN_USE");
    expect(roomServerErrors("VALIDATION_FAILED", [{ path: ["capacity"], key: "validation.too_big", params: { max: 500 } }])?.fields.capacity?.key).toBe("validation.too_big");
    expect(roomServerErrors("RESOURCE_VERSION_CONFLICT", [])).toBeUndefined();
  });
});
