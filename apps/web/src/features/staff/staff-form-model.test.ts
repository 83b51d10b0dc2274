import { describe, expect, it } from "vitest";
import { mapStaffIssues, staffFormErrors, suggestPassword, toStaffUpdateInput, type StaffFormValues } from "./staff-form-model";

const values: StaffFormValues = {
  displayName: "Lucía Romero",
  email: "lucia@example.es",
  temporaryPassword: "",
  roles: ["receptionist"],
  locale: "es",
  timeZone: "Europe/Madrid",
  officeIds: ["8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01"],
  departmentIds: [],
};

describe("staff form model", () => {
  it("puts an issue about one department beside the offices, and unknown ones in the summary", () => {
    const errors = mapStaffIssues([
      { path: ["departmentIds", 2], key: "validation.department_outside_offices" },
      { path: ["email"], key: "errors.EMAIL_TAKEN" },
      { path: [], key: "validation.unknown_field", params: { fields: "isAdmin" } },
    ]);
    expect(errors.fields.departmentIds?.key).toBe("validation.department_outside_offices");
    expect(errors.fields.email?.key).toBe("errors.EMAIL_TAKEN");
    expect(errors.general.map((issue) => issue.key)).toEqual(["validation.unknown_field"]);
  });

  it("wants a temporary password only for someone new, and never sends the email when editing", () => {
    expect(staffFormErrors(values, "create").fields.temporaryPassword?.key).toBe("validation.password_too_short");
    expect(staffFormErrors(values, "update")).toEqual({ fields: {}, general: [] });
    expect(toStaffUpdateInput("x", values)).not.toHaveProperty("email");
    expect(toStaffUpdateInput("x", values)).not.toHaveProperty("temporaryPassword");
  });

  it("suggests passwords long enough and easy to read out", () => {
    const password = suggestPassword();
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(password).not.toMatch(/[ilo01]/);
    expect(suggestPassword()).not.toBe(password);
  });
});
