import type { Appointment } from "@frontoffice/domain";
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { dayAxis } from "./layout";
import { TimeGrid, type GridColumn } from "./time-grid";

// jsdom has no PointerEvent: a MouseEvent with the pointer fields stands in for the browser's.
if (typeof window.PointerEvent === "undefined") {
  class PointerEventShim extends MouseEvent {
    readonly pointerId: number;
    readonly isPrimary: boolean;
    readonly pointerType: string;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 1;
      this.isPrimary = init.isPrimary ?? true;
      this.pointerType = init.pointerType ?? "mouse";
    }
  }
  window.PointerEvent = PointerEventShim as unknown as typeof PointerEvent;
}

const booked: Appointment = {
  id: "a",
  officeId: "office",
  serviceId: "service",
  serviceName: "Check-up",
  staffId: "ana",
  staffName: "Ana",
  resourceId: null,
  resourceName: null,
  clientId: "client-a",
  clientName: "Client A",
  start: "2026-06-10T08:00:00Z",
  end: "2026-06-10T08:30:00Z",
  status: "booked",
  notes: "",
  version: 3,
  cancelReason: null,
  createdAt: "2026-06-01T00:00:00Z",
};

const columns: GridColumn[] = [{ key: "ana", label: "Ana", name: "Ana 2026-06-10", axis: dayAxis("2026-06-10", "Europe/Madrid", "elapsed"), hours: null, appointments: [booked], staffId: "ana" }];

function setup(stepMinutes?: number) {
  const onOpen = vi.fn();
  const onMove = vi.fn();
  renderUi(<TimeGrid columns={columns} timeZone="Europe/Madrid" now={Date.parse("2026-06-01T00:00:00Z")} label="Schedule" onOpen={onOpen} onMoveDays={() => undefined} onMove={onMove} {...(stepMinutes ? { stepMinutes } : {})} />);
  const block = document.querySelector<HTMLButtonElement>("button[data-appointment='a']")!;
  const press = { pointerId: 1, button: 0, isPrimary: true };
  return {
    onOpen,
    onMove,
    drag: (dy: number) => {
      fireEvent.pointerDown(block, { ...press, clientX: 100, clientY: 200 });
      fireEvent.pointerMove(block, { ...press, clientX: 100, clientY: 200 + dy });
      fireEvent.pointerUp(block, { ...press, clientX: 100, clientY: 200 + dy });
      fireEvent.click(block);
    },
  };
}

describe("TimeGrid drag to reschedule", () => {
  it("dragging a block an hour down (48 px) moves it to that time in its column, without opening it", () => {
    const { onMove, onOpen, drag } = setup();
    drag(48);
    expect(onMove).toHaveBeenCalledTimes(1);
    const [appointment, target] = onMove.mock.calls[0]!;
    expect(appointment).toBe(booked);
    expect(new Date(target.start).toISOString()).toBe("2026-06-10T09:00:00.000Z");
    expect(target.column.staffId).toBe("ana");
    expect(onOpen).not.toHaveBeenCalled();
  });

  it("snaps to the office's step", () => {
    const { onMove, drag } = setup(30);
    drag(20); // 25 minutes: the nearest 30-minute mark is 10:30
    expect(new Date(onMove.mock.calls[0]![1].start).toISOString()).toBe("2026-06-10T08:30:00.000Z");
  });

  it("a press that barely moves is a click: it opens the appointment", () => {
    const { onMove, onOpen, drag } = setup();
    drag(2);
    expect(onMove).not.toHaveBeenCalled();
    expect(onOpen).toHaveBeenCalledWith(booked);
  });

  it("blocks stay buttons for the keyboard", () => {
    setup();
    expect(screen.getAllByRole("button").some((button) => button.dataset.appointment === "a")).toBe(true);
  });
});
