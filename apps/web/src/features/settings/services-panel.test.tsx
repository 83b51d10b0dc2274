import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { ServiceForm } from "./services-panel";
import { EMPTY_SERVICE, type ServiceFormValues } from "./services-model";

const OFFICE = "0b7f5a8e-3c1d-4f6a-9b2e-1d2c3b4a5f60";
const STAFF = [
  { id: "5e3c1a2b-4d5e-4f60-8a7b-9c8d7e6f5a4b", displayName: "Javier Navarro" },
  { id: "6f4d2b3c-5e6f-4a71-9b8c-0d9e8f7a6b5c", displayName: "Andrés Gil" },
];
const refusal = (data: Record<string, unknown>) => Object.assign(new Error("refused"), { name: "TRPCClientError", data });

function setup(onSubmit: (values: ServiceFormValues) => Promise<void>) {
  renderUi(<ServiceForm target={{ officeId: OFFICE }} currency="EUR" staff={STAFF} initial={EMPTY_SERVICE} submitLabel="Add service" onSubmit={onSubmit} onCancel={() => undefined} />);
  return { submit: () => fireEvent.click(screen.getByRole("button", { name: "Add service" })) };
}

describe("ServiceForm", () => {
  it("checks the fields with the domain schema before sending", async () => {
    const onSubmit = vi.fn(async () => undefined);
    const { submit } = setup(onSubmit);
    fireEvent.change(screen.getByLabelText(en["settings.services.duration"]), { target: { value: "62" } });
    submit();
    await screen.findByText(en["validation.duration_step"]);
    expect(screen.getByText(en["validation.required"])).toBeInTheDocument();
    expect(screen.getByText(en["validation.staff_empty"])).toBeInTheDocument();
    expect(screen.getByLabelText(en["settings.services.name"])).toHaveAttribute("aria-invalid", "true");
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a valid service, and shows the server's field issues beside their fields", async () => {
    const onSubmit = vi.fn(async () => Promise.reject(refusal({ code: "VALIDATION_FAILED", issues: [{ path: ["name"], key: "validation.too_long", params: { max: 120 } }] })));
    const { submit } = setup(onSubmit);
    fireEvent.change(screen.getByLabelText(en["settings.services.name"]), { target: { value: "Blanqueamiento" } });
    fireEvent.change(screen.getByLabelText(en["settings.services.duration"]), { target: { value: "60" } });
    fireEvent.change(screen.getByLabelText(/^Price \(EUR\)/), { target: { value: "120,50" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Javier Navarro" }));
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ ...EMPTY_SERVICE, name: "Blanqueamiento", durationMinutes: "60", price: "120,50", staffIds: [STAFF[0]!.id] }));
    await screen.findByText("Use at most 120 characters.");
    expect(screen.getByLabelText(en["settings.services.name"])).toHaveAttribute("aria-invalid", "true");
  });
});
