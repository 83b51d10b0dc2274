import type { Appointment } from "@frontoffice/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { dayAxis } from "./layout";
import { TimeGrid, type GridColumn } from "./time-grid";

const appointment = (id: string, start: string, end: string, overrides: Partial<Appointment> = {}): Appointment => ({
  id,
  officeId: "office",
  serviceId: "service",
  serviceName: "Check-up",
  staffId: "ana",
  staffName: "Ana",
  resourceId: null,
  resourceName: null,
  clientId: `client-${id}`,
  clientName: `Client ${id}`,
  start,
  end,
  status: "booked",
  notes: "",
  version: 1,
  cancelReason: null,
  createdAt: "2025-06-01T00:00:00Z",
  ...overrides,
});

function column(key: string, date: string, appointments: Appointment[]): GridColumn {
  return { key, label: key, name: `${key} ${date}`, axis: dayAxis(date, "Europe/Madrid", "elapsed"), hours: [{ start: Date.parse(`${date}T07:00:00Z`), end: Date.parse(`${date}T15:00:00Z`) }], appointments, staffId: key };
}

describe("TimeGrid", () => {
  const columns = [
    column("ana", "2025-06-10", [
      appointment("a", "2025-06-10T07:00:00Z", "2025-06-10T07:30:00Z"),
      appointment("b", "2025-06-10T08:00:00Z", "2025-06-10T08:30:00Z", { status: "checked_in" }),
    ]),
    column("luis", "2025-06-10", [appointment("c", "2025-06-10T07:00:00Z", "2025-06-10T08:00:00Z", { staffId: "luis" })]),
  ];

  it("shows appointments as labelled blocks in the office's local time, per staff column", () => {
    renderUi(<TimeGrid columns={columns} timeZone="Europe/Madrid" now={Date.parse("2025-06-10T09:10:00Z")} label="Appointments" onOpen={() => {}} onMoveDays={() => {}} />);
    const ana = screen.getByRole("group", { name: "ana 2025-06-10" });
    const blocks = within(ana).getAllByRole("button");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toHaveAccessibleName(/9:00.*Client a, Check-up, Booked/);
    expect(blocks[1]).toHaveAccessibleName(/Checked in/);
    expect(blocks[0]?.style.top).toBe(`${9 * 60 * 0.8}px`);
    expect(screen.getAllByTestId("now-line")).toHaveLength(2);
  });

  it("moves days with the arrow keys, between appointments with up and down, and opens with Enter", () => {
    const onOpen = vi.fn();
    const onMoveDays = vi.fn();
    renderUi(<TimeGrid columns={columns} timeZone="Europe/Madrid" now={0} label="Appointments" onOpen={onOpen} onMoveDays={onMoveDays} />);
    const region = screen.getByRole("region", { name: "Appointments" });
    fireEvent.keyDown(region, { key: "ArrowRight" });
    fireEvent.keyDown(region, { key: "ArrowLeft" });
    fireEvent.keyDown(region, { key: "PageDown" });
    expect(onMoveDays.mock.calls).toEqual([[1], [-1], [7]]);

    const ana = screen.getByRole("group", { name: "ana 2025-06-10" });
    const [first, second] = within(ana).getAllByRole("button");
    first?.focus();
    fireEvent.keyDown(first as HTMLElement, { key: "ArrowDown" });
    expect(document.activeElement).toBe(second);
    fireEvent.click(second as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: "b" }));
    expect(screen.queryByTestId("now-line")).toBeNull();
  });

  it("books from an empty spot of a column", () => {
    const onPick = vi.fn();
    renderUi(<TimeGrid columns={columns} timeZone="Europe/Madrid" now={0} label="Appointments" onOpen={() => {}} onPick={onPick} onMoveDays={() => {}} />);
    const luis = screen.getByRole("group", { name: "luis 2025-06-10" });
    fireEvent.click(luis, { clientY: 10 * 60 * 0.8 + 1 });
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ staffId: "luis" }), Date.parse("2025-06-10T08:00:00Z"));
  });
});
