import type { ClientInput, Office } from "@frontoffice/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { ClientForm, type SubmitOutcome } from "./client-form";
import { emptyClientForm } from "./form-model";

const madrid: Office = {
  id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01",
  organizationId: "2b1f5a77-6a55-4f3c-9b43-7f1f5b1d2c02",
  name: "Madrid",
  kind: "medical",
  locale: "es",
  timeZone: "Europe/Madrid",
  currency: "EUR",
  fiscalName: "Clínica Demo S.L.",
  taxId: "B12345674",
  address: { line1: "Calle Mayor 1", city: "Madrid", country: "ES" },
  phone: null,
  email: null,
  bookingPolicy: { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null },
  departments: [],
};
const dublin: Office = { ...madrid, id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a03", name: "Dublin", kind: "small_business", locale: "en", address: { line1: "1 Main St", city: "Dublin", country: "IE" } };

function setup(onSubmit: (input: ClientInput) => Promise<SubmitOutcome>) {
  renderUi(
    <ClientForm
      offices={[madrid, dublin]}
      initial={emptyClientForm(madrid, "en")}
      submitLabel="Create client"
      submittingLabel="Creating…"
      cancelTo="/clients"
      onSubmit={onSubmit}
    />,
  );
  const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
  return { type, submit: () => fireEvent.click(screen.getByRole("button", { name: "Create client" })) };
}

describe("ClientForm", () => {
  it("shows an invalid DNI beside its field, keeps what was typed and sends nothing", async () => {
    const onSubmit = vi.fn(async () => ({ ok: true }) as const);
    const { type, submit } = setup(onSubmit);
    type("First name", "José");
    type("Last name", "Núñez");
    type("Phone number 1", "612 345 678");
    type(/^ID number/, "12345678A");
    submit();

    const idField = screen.getByLabelText(/^ID number/);
    await waitFor(() => expect(idField).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText("This ID number isn't valid. Check the digits and the letter.")).toBeInTheDocument();
    expect(idField.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(idField.getAttribute("aria-describedby") ?? "")?.textContent).toContain("This ID number isn't valid");
    expect(screen.getByText("1 field needs your attention.")).toBeInTheDocument();
    expect(idField).toHaveValue("12345678A");
    expect(screen.getByLabelText("First name")).toHaveValue("José");
    expect(screen.getByLabelText("Phone number 1")).toHaveValue("612 345 678");
    expect(onSubmit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(idField);
  });

  it("sends the domain input once valid, and shows the server's issues beside the same fields", async () => {
    const onSubmit = vi.fn(
      async (_input: ClientInput): Promise<SubmitOutcome> => ({
        ok: false,
        issues: [
          { path: ["client", "phones", 0, "number"], key: "validation.phone_invalid" },
          { path: [], key: "validation.unknown_field", params: { fields: "nickname" } },
        ],
      }),
    );
    const { type, submit } = setup(onSubmit);
    type("First name", "Ana");
    type("Phone number 1", "612 345 678");
    type(/^ID number/, "12345678Z");
    type(/^Insurance provider/, "Sanitas");
    submit();

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      officeId: madrid.id,
      givenName: "Ana",
      phones: [{ label: "mobile", number: "612 345 678" }],
      emails: [],
      nationalId: { type: "es_dni", value: "12345678Z" },
      details: { medical: { insurance: { provider: "Sanitas" } } },
    });
    await screen.findByText("Enter a valid phone number.");
    expect(screen.getByLabelText("Phone number 1")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("These fields aren't accepted: nickname.")).toBeInTheDocument();
    expect(screen.getByText("2 fields need your attention.")).toBeInTheDocument();
    expect(screen.getByLabelText("Phone number 1")).toHaveValue("612 345 678");
  });

  it("reads national numbers with the selected office's country and shows the section of its kind", async () => {
    const onSubmit = vi.fn(async () => ({ ok: true }) as const);
    const { type, submit } = setup(onSubmit);
    expect(screen.getByText("Numbers without a prefix are taken as Spain numbers.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Medical details" })).toBeInTheDocument();

    type("Office", dublin.id);
    expect(screen.getByText("Numbers without a prefix are taken as Ireland numbers.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Business details" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Medical details" })).toBeNull();
    expect(screen.getByLabelText("Type of ID")).toHaveValue("other");

    // Without an office there is no country: only international numbers are accepted.
    type("Office", "");
    expect(screen.getByText("Type numbers with their international prefix, for example +34 or +39.")).toBeInTheDocument();
    type("First name", "Ana");
    type("Phone number 1", "612 345 678");
    submit();
    await screen.findByText("Enter a valid phone number.");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("counts notes and refuses more than the limit", async () => {
    const onSubmit = vi.fn(async () => ({ ok: true }) as const);
    const { type, submit } = setup(onSubmit);
    type("First name", "Ana");
    fireEvent.change(screen.getByRole("textbox", { name: "Notes" }), { target: { value: "x".repeat(5001) } });
    expect(screen.getByText("5,001 of 5,000 characters")).toBeInTheDocument();
    submit();
    await screen.findByText("Use at most 5,000 characters.");
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
