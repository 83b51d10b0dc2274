import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { OfficeBookingPolicy } from "@frontoffice/domain";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { BookingRulesForm } from "./booking-rules-card";

const DEFAULTS: OfficeBookingPolicy = { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null };
const refusal = (data: Record<string, unknown>) => Object.assign(new Error("refused"), { name: "TRPCClientError", data });

function setup(onSave = vi.fn(async (_policy: OfficeBookingPolicy) => undefined)) {
  renderUi(<BookingRulesForm officeName="Clínica Sol" initial={DEFAULTS} onSave={onSave} />);
  return {
    onSave,
    window: () => screen.getByLabelText(en["settings.bookingRules.window"]),
    notice: () => screen.getByLabelText(en["settings.bookingRules.notice"]),
    step: () => screen.getByLabelText(en["settings.bookingRules.step"]),
    save: () => fireEvent.click(screen.getByRole("button", { name: en["settings.bookingRules.save"] })),
  };
}

describe("BookingRulesForm", () => {
  it("saves the window, the notice and a fixed step as numbers", async () => {
    const form = setup();
    expect(form.step()).toHaveValue("");
    fireEvent.change(form.window(), { target: { value: "30" } });
    fireEvent.change(form.notice(), { target: { value: "120" } });
    fireEvent.change(form.step(), { target: { value: "15" } });
    form.save();
    await waitFor(() => expect(form.onSave).toHaveBeenCalledWith({ bookingWindowDays: 30, minimumNoticeMinutes: 120, slotStepMinutes: 15 }));
  });

  it("names a value out of range beside its field without saving", async () => {
    const form = setup();
    fireEvent.change(form.window(), { target: { value: "0" } });
    fireEvent.change(form.notice(), { target: { value: "" } });
    form.save();
    expect(await screen.findByText("The value must be at least 1.")).toBeInTheDocument();
    expect(form.window()).toHaveAttribute("aria-invalid", "true");
    expect(form.notice()).toHaveAttribute("aria-invalid", "true");
    expect(form.onSave).not.toHaveBeenCalled();
  });

  it("names the services a step does not fit, and keeps what was typed", async () => {
    const onSave = vi.fn(async () =>
      Promise.reject(refusal({ code: "DURATION_NOT_MULTIPLE_OF_STEP", details: { misfitServices: [{ id: "x", name: "Limpieza larga", durationMinutes: 45 }] } })),
    );
    const form = setup(onSave);
    fireEvent.change(form.step(), { target: { value: "30" } });
    form.save();
    expect(await screen.findByText(/Limpieza larga \(45 min\)/)).toBeInTheDocument();
    expect(form.step()).toHaveAttribute("aria-invalid", "true");
    expect(form.step()).toHaveValue("30");
  });

  it("puts the server's field issues beside the field", async () => {
    const onSave = vi.fn(async () => Promise.reject(refusal({ code: "VALIDATION_FAILED", issues: [{ path: ["policy", "bookingWindowDays"], key: "validation.too_big", params: { max: 730 } }] })));
    const form = setup(onSave);
    form.save();
    expect(await screen.findByText("The value must be 730 or less.")).toBeInTheDocument();
  });
});
