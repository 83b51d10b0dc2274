import { describe, expect, it } from "vitest";
import { departmentFormErrors, departmentServerErrors, toDepartmentInput } from "./department-model";

describe("department form", () => {
  it("sends no extension when the field is blank", () => {
    expect(toDepartmentInput({ name: "Ortodoncia", extension: "  " })).toEqual({ name: "Ortodoncia" });
    expect(toDepartmentInput({ name: "Ortodoncia", extension: " 110 " })).toEqual({ name: "Ortodoncia", extension: "110" });
  });

  it("checks the name and extension with the server's schema", () => {
    const errors = departmentFormErrors({ name: " ", extension: "1" });
    expect(errors.fields.name?.key).toBe("validation.required");
    expect(errors.fields.extension?.key).toBe("validation.extension_invalid");
    expect(departmentFormErrors({ name: "Ortodoncia", extension: "" })).toEqual({ fields: {}, general: [] });
  });

  it("puts a taken name or extension beside its field, as a translatable error", () => {
    expect(departmentServerErrors("DEPARTMENT_NAME_TAKEN", [])?.fields).toEqual({ name: { path: ["name"], key: "errors.DEPARTMENT_NAME_TAKEN" } });
    expect(departmentServerErrors("EXTENSION_TAKEN", [])?.fields).toEqual({ extension: { path: ["extension"], key: "errors.EXTENSION_TAKEN" } });
    expect(departmentServerErrors("VALIDATION_FAILED", [{ path: ["extension"], key: "validation.extension_invalid" }])?.fields.extension).toBeDefined();
    expect(departmentServerErrors("NETWORK", [])).toBeUndefined();
    expect(departmentServerErrors("VALIDATION_FAILED", [])).toBeUndefined();
  });
});
