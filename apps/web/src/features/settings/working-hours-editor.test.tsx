import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { WeekForm } from "./working-hours-editor";
import { emptyWeek, toWeek, type WeekHours } from "./working-hours-model";

const STAFF = { id: "5e3c1a2b-4d5e-4f60-8a7b-9c8d7e6f5a4b", displayName: "Javier Navarro" };
const refusal = (data: Record<string, unknown>) => Object.assign(new Error("refused"), { name: "TRPCClientError", data });

function setup(initial: WeekHours, onSave = vi.fn(async (_week: WeekHours) => undefined)) {
  renderUi(<WeekForm staff={STAFF} timeZone="Europe/Madrid" initial={initial} onSave={onSave} />);
  return { onSave, save: () => fireEvent.click(screen.getByRole("button", { name: en["settings.hours.save"] })) };
}

describe("WeekForm", () => {
  it("lists the days by their names, adds two intervals on Monday, copies them to the weekdays and saves", async () => {
    const { onSave, save } = setup(emptyWeek());
    expect(screen.getByRole("group", { name: "Saturday" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Add hours on Monday" }));
    fireEvent.click(screen.getByRole("button", { name: "Add hours on Monday" }));
    fireEvent.change(screen.getByLabelText("Monday, hours 2: from"), { target: { value: "16:00" } });
    fireEvent.change(screen.getByLabelText("Monday, hours 2: until"), { target: { value: "20:00" } });
    fireEvent.click(screen.getByRole("button", { name: en["settings.hours.copyMonday"] }));
    expect(screen.getByLabelText("Friday, hours 2: from")).toHaveValue("16:00");
    fireEvent.click(screen.getByRole("button", { name: "Clear Wednesday" }));
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const week = onSave.mock.calls[0]![0];
    expect(week.monday).toEqual([
      { start: "09:00", end: "14:00" },
      { start: "16:00", end: "20:00" },
    ]);
    expect(week.thursday).toEqual(week.monday);
    expect(week.wednesday).toEqual([]);
    expect(week.saturday).toEqual([]);
  });

  it("shows overlapping hours and an end before its start, translated, without saving", async () => {
    const { onSave, save } = setup(
      toWeek({ monday: [{ start: "09:00", end: "14:00" }, { start: "13:00", end: "18:00" }], tuesday: [{ start: "14:00", end: "09:00" }] }),
    );
    save();
    await screen.findByText(en["validation.hours_overlap"]);
    expect(screen.getByText(en["validation.time_range_invalid"])).toBeInTheDocument();
    expect(screen.getByLabelText("Tuesday, hours 1: until")).toHaveAttribute("aria-invalid", "true");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("puts the server's field issues beside the interval", async () => {
    const onSave = vi.fn(async () => Promise.reject(refusal({ code: "VALIDATION_FAILED", issues: [{ path: ["weeklyHours", "friday", 0], key: "validation.hours_overlap" }] })));
    const { save } = setup(toWeek({ friday: [{ start: "09:00", end: "14:00" }] }), onSave);
    save();
    await screen.findByText(en["validation.hours_overlap"]);
    expect(screen.getByLabelText("Friday, hours 1: from")).toHaveAttribute("aria-invalid", "true");
  });
});
