import type { Office } from "@frontoffice/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import type { SubmitOutcome } from "../clients/client-form";
import { StaffForm } from "./staff-form";
import { emptyStaffForm, type StaffFormValues } from "./staff-form-model";

const madrid: Office = {
  id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01",
  organizationId: "2b1f5a77-6a55-4f3c-9b43-7f1f5b1d2c02",
  name: "Clínica Retiro",
  kind: "medical",
  locale: "es",
  timeZone: "Europe/Madrid",
  currency: "EUR",
  fiscalName: "Clínica Retiro S.L.",
  taxId: "B12345674",
  address: { line1: "Calle Mayor 1", city: "Madrid", country: "ES" },
  phone: null,
  email: null,
  bookingPolicy: { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null },
  departments: [{ id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a11", officeId: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01", name: "Recepción", extension: "100" }],
};
const milan: Office = { ...madrid, id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a02", name: "Studio Bianchi", locale: "it", timeZone: "Europe/Rome", address: { line1: "Via Roma 1", city: "Milano", country: "IT" }, departments: [] };

function setup(actorRoles: ("owner" | "manager")[], onSubmit = vi.fn<(values: StaffFormValues) => Promise<SubmitOutcome>>(async () => ({ ok: true }))) {
  renderUi(
    <StaffForm mode="create" offices={[madrid, milan]} initial={emptyStaffForm(madrid, "en")} actorRoles={actorRoles} submitLabel="Add staff member" submittingLabel="Adding…" onSubmit={onSubmit} />,
  );
  return { onSubmit, submit: () => fireEvent.click(screen.getByRole("button", { name: "Add staff member" })) };
}

describe("StaffForm", () => {
  it("describes each role and lets only an owner grant the owner role", () => {
    setup(["manager"]);
    const owner = screen.getByRole("checkbox", { name: /^Owner/ });
    expect(owner).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: /^Receptionist/ })).toBeEnabled();
    expect(screen.getByText(/Only an owner can give or take away this role/)).toBeInTheDocument();
    expect(document.getElementById(owner.getAttribute("aria-describedby")?.split(" ")[0] ?? "")?.textContent).toContain("Can do everything");
  });

  it("lets an owner grant the owner role", () => {
    setup(["owner"]);
    expect(screen.getByRole("checkbox", { name: /^Owner/ })).toBeEnabled();
  });

  it("names every missing field and sends nothing", async () => {
    const { onSubmit, submit } = setup(["owner"]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Clínica Retiro (Madrid)" }));
    submit();
    await waitFor(() => expect(screen.getByText("5 fields need your attention.")).toBeInTheDocument());
    expect(screen.getByLabelText("Full name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Choose at least one role.")).toBeInTheDocument();
    expect(screen.getByText("Choose at least one office.")).toBeInTheDocument();
    expect(screen.getByText("The password must have at least 10 characters.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    // The summary takes the keyboard, and reads out how many fields to fix.
    expect(document.activeElement?.hasAttribute("data-summary")).toBe(true);
  });

  it("sends roles, offices and departments; a department goes with its office", async () => {
    const { onSubmit, submit } = setup(["manager"]);
    fireEvent.change(screen.getByLabelText("Full name"), { target: { value: "Lucía Romero" } });
    fireEvent.change(screen.getByLabelText("Email for signing in"), { target: { value: "lucia@example.es" } });
    fireEvent.click(screen.getByRole("button", { name: "Suggest a password" }));
    expect((screen.getByLabelText(/^Temporary password/) as HTMLInputElement).value).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    fireEvent.click(screen.getByRole("checkbox", { name: /^Receptionist/ }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Recepción" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Studio Bianchi (Milano)" }));
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      displayName: "Lucía Romero",
      roles: ["receptionist"],
      officeIds: [madrid.id, milan.id],
      departmentIds: [madrid.departments[0]!.id],
      locale: "es",
      timeZone: "Europe/Madrid",
    });

    fireEvent.click(screen.getByRole("checkbox", { name: "Clínica Retiro (Madrid)" }));
    expect(screen.queryByRole("checkbox", { name: "Recepción" })).toBeNull();
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]?.[0]).toMatchObject({ officeIds: [milan.id], departmentIds: [] });
  });

  it("shows the server's problems beside their fields", async () => {
    const onSubmit = vi.fn<(values: StaffFormValues) => Promise<SubmitOutcome>>(async () => ({ ok: false, issues: [{ path: ["email"], key: "errors.EMAIL_TAKEN" }] }));
    const { submit } = setup(["owner"], onSubmit);
    fireEvent.change(screen.getByLabelText("Full name"), { target: { value: "Lucía Romero" } });
    fireEvent.change(screen.getByLabelText("Email for signing in"), { target: { value: "lucia@example.es" } });
    fireEvent.change(screen.getByLabelText(/^Temporary password/), { target: { value: "bienvenida-2026" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /^Employee/ }));
    submit();
    await waitFor(() => expect(screen.getByText("That email address is already in use.")).toBeInTheDocument());
    expect(screen.getByLabelText("Email for signing in")).toHaveValue("lucia@example.es");
  });
});
