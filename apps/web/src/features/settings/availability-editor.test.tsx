import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ScheduleOverride, TimeOff } from "@frontoffice/domain";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { AvailabilityPanel } from "./availability-editor";

const STAFF = { id: "5e3c1a2b-4d5e-4f60-8a7b-9c8d7e6f5a4b", displayName: "Javier Navarro" };
const refusal = (data: Record<string, unknown>) => Object.assign(new Error("refused"), { name: "TRPCClientError", data });
const VACATION: TimeOff = { id: "7f0e1d2c-3b4a-4958-8776-655443322110", staffId: STAFF.id, start: "2026-11-30T23:00:00.000Z", end: "2026-12-02T23:00:00.000Z", reason: "vacation", note: "Puente", createdAt: "2026-11-01T10:00:00.000Z" };
const CLOSED: ScheduleOverride = { staffId: STAFF.id, officeId: "o", date: "2026-12-24", intervals: [] };

function setup(overrides: Partial<Parameters<typeof AvailabilityPanel>[0]> = {}) {
  const props = {
    staff: STAFF,
    timeZone: "Europe/Madrid",
    today: "2026-11-23",
    timeOff: [VACATION],
    overrides: [CLOSED],
    onAddTimeOff: vi.fn(async () => undefined),
    onRemoveTimeOff: vi.fn(async () => undefined),
    onSetOverride: vi.fn(async () => undefined),
    onRemoveOverride: vi.fn(async () => undefined),
    ...overrides,
  };
  renderUi(<AvailabilityPanel {...props} />);
  return props;
}

const timeOffForm = () => screen.getByRole("form", { name: en["settings.availability.timeOff.add"] });
const overrideForm = () => screen.getByRole("form", { name: en["settings.availability.override.save"] });

describe("AvailabilityPanel", () => {
  it("lists time off with its reason and note, and special days, each removable", async () => {
    const props = setup();
    const list = screen.getByRole("list", { name: "Upcoming time off of Javier Navarro" });
    expect(within(list).getByText(/Tuesday, December 1, 2026 – Wednesday, December 2, 2026/)).toBeInTheDocument();
    expect(within(list).getByText(/Vacation/)).toBeInTheDocument();
    expect(within(list).getByText(/Puente/)).toBeInTheDocument();
    fireEvent.click(within(list).getByRole("button", { name: /Remove time off/ }));
    await waitFor(() => expect(props.onRemoveTimeOff).toHaveBeenCalledWith(VACATION.id));
    const days = screen.getByRole("list", { name: "Special days of Javier Navarro" });
    expect(within(days).getByText(/Not working/)).toBeInTheDocument();
    fireEvent.click(within(days).getByRole("button", { name: "Remove special day Thursday, December 24, 2026" }));
    await waitFor(() => expect(props.onRemoveOverride).toHaveBeenCalledWith("2026-12-24"));
  });

  it("adds a whole day of vacation in the office's zone", async () => {
    const props = setup({ timeOff: [], overrides: [] });
    expect(screen.getByText(en["settings.availability.timeOff.empty"])).toBeInTheDocument();
    const form = timeOffForm();
    fireEvent.change(within(form).getByLabelText(en["settings.availability.timeOff.firstDay"]), { target: { value: "2026-12-07" } });
    fireEvent.change(within(form).getByLabelText(en["settings.availability.timeOff.lastDay"]), { target: { value: "2026-12-07" } });
    fireEvent.click(within(form).getByRole("button", { name: en["settings.availability.timeOff.add"] }));
    await waitFor(() =>
      expect(props.onAddTimeOff).toHaveBeenCalledWith({ staffId: STAFF.id, start: "2026-12-06T23:00:00.000Z", end: "2026-12-07T23:00:00.000Z", reason: "vacation" }),
    );
  });

  it("shows the server's issue beside the field and keeps what was typed", async () => {
    const onAddTimeOff = vi.fn(async () => Promise.reject(refusal({ code: "VALIDATION_FAILED", issues: [{ path: ["end"], key: "validation.period_over_a_year" }] })));
    setup({ onAddTimeOff });
    const form = timeOffForm();
    fireEvent.click(within(form).getByLabelText(en["settings.availability.timeOff.wholeDays"]));
    fireEvent.change(within(form).getByLabelText(en["settings.availability.until"]), { target: { value: "18:00" } });
    fireEvent.change(within(form).getByLabelText(/Note/), { target: { value: "Dentist" } });
    fireEvent.click(within(form).getByRole("button", { name: en["settings.availability.timeOff.add"] }));
    expect(await within(form).findByText(en["validation.period_over_a_year"])).toBeInTheDocument();
    expect(within(form).getByLabelText(en["settings.availability.until"])).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByLabelText(en["settings.availability.until"])).toHaveValue("18:00");
    expect(within(form).getByLabelText(/Note/)).toHaveValue("Dentist");
  });

  it("refuses an end before the start without asking the server", async () => {
    const props = setup();
    const form = overrideForm();
    fireEvent.click(within(form).getByLabelText(en["settings.availability.override.closedAllDay"]));
    fireEvent.change(within(form).getByLabelText(en["settings.availability.from"]), { target: { value: "14:00" } });
    fireEvent.change(within(form).getByLabelText(en["settings.availability.until"]), { target: { value: "10:00" } });
    fireEvent.click(within(form).getByRole("button", { name: en["settings.availability.override.save"] }));
    expect(await within(form).findByText(en["validation.time_range_invalid"])).toBeInTheDocument();
    expect(props.onSetOverride).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByLabelText(en["settings.availability.until"]), { target: { value: "18:00" } });
    fireEvent.click(within(form).getByRole("button", { name: en["settings.availability.override.save"] }));
    await waitFor(() => expect(props.onSetOverride).toHaveBeenCalledWith({ staffId: STAFF.id, date: "2026-11-23", intervals: [{ start: "14:00", end: "18:00" }] }));
  });

  it("a refused removal says why", async () => {
    setup({ onRemoveTimeOff: vi.fn(async () => Promise.reject(refusal({ code: "FORBIDDEN" }))) });
    fireEvent.click(screen.getByRole("button", { name: /Remove time off/ }));
    expect(await screen.findByText(en["errors.FORBIDDEN"])).toBeInTheDocument();
  });
});
