import type { WaitingBoard, WaitingRow } from "@frontoffice/domain";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { WaitingBoardView, useBoardClock } from "./waiting-board";

const T0 = Date.parse("2026-11-23T09:00:00Z");
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function row(name: string, fields: Partial<WaitingRow>): WaitingRow {
  const id = crypto.randomUUID();
  return {
    key: `appointment:${id}`,
    subject: { appointmentId: id },
    appointmentId: id,
    visitId: null,
    name,
    serviceName: "Revisión",
    staffName: "Dra. Sol",
    scheduledAt: iso(T0 + 30 * MINUTE),
    stage: "expected",
    stageSince: null,
    arrivedAt: null,
    inRoomAt: null,
    withProviderAt: null,
    doneAt: null,
    appointmentStatus: "booked",
    visitStatus: null,
    ...fields,
  };
}

const waiting = row("Ana Espera", { stage: "arrived", arrivedAt: iso(T0), stageSince: iso(T0), appointmentStatus: "checked_in" });
const inRoom = row("Luis Sala", { stage: "in_room", arrivedAt: iso(T0 - 20 * MINUTE), inRoomAt: iso(T0 - 2 * MINUTE), stageSince: iso(T0 - 2 * MINUTE) });
const seen = row("Eva Vista", { stage: "with_provider", arrivedAt: iso(T0 - 60 * MINUTE), withProviderAt: iso(T0 - 50 * MINUTE), stageSince: iso(T0 - 50 * MINUTE) });
const late = row("Tomás Tarde", { scheduledAt: iso(T0 - 5 * MINUTE) });

function boardOf(rows: WaitingRow[], kind: WaitingBoard["officeKind"] = "medical"): WaitingBoard {
  return { officeId: crypto.randomUUID(), officeName: "Clínica", officeKind: kind, timeZone: "Europe/Madrid", date: "2026-11-23", waitThresholdMinutes: 15, now: iso(T0), overThreshold: 0, late: 0, rows };
}

const rowNamed = (name: string) => screen.getAllByTestId("waiting-row").find((element) => element.textContent?.includes(name))!;

describe("WaitingBoardView", () => {
  it("names the provider's stage after the office's kind", () => {
    const { unmount } = renderUi(<WaitingBoardView board={boardOf([seen])} now={T0} canMove={false} onMove={vi.fn()} />);
    expect(within(rowNamed("Eva Vista")).getByText("With the doctor")).toBeTruthy();
    unmount();
    renderUi(<WaitingBoardView board={boardOf([seen], "legal")} now={T0} canMove={false} onMove={vi.fn()} />);
    expect(within(rowNamed("Eva Vista")).getByText("With the lawyer")).toBeTruthy();
    // No moves for a reader.
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("ticks the timers and flags a wait over the threshold: the row, the header count and the live region", () => {
    const board = boardOf([waiting, inRoom, seen, late]);
    const first = renderUi(<WaitingBoardView board={board} now={T0 + 14 * MINUTE + 59_000} canMove onMove={vi.fn()} />);
    expect(within(rowNamed("Ana Espera")).getByTestId("waiting-time").textContent).toBe("14:59");
    expect(rowNamed("Ana Espera").dataset.over).toBe("false");
    // In a room since 2 minutes, waiting since 20 (+ the 15 just passed): over the threshold.
    expect(rowNamed("Luis Sala").dataset.over).toBe("true");
    // With the doctor: the wait stopped when the doctor started, and is not flagged.
    expect(within(rowNamed("Eva Vista")).getByTestId("waiting-time").textContent).toBe("10:00");
    expect(rowNamed("Eva Vista").dataset.over).toBe("false");
    expect(screen.getByText("1 waiting over 15 min")).toBeTruthy();
    expect(screen.getByTestId("waiting-announcement").textContent).toBe("Waiting more than 15 minutes: Luis Sala.");
    // Tomás's time passed 5 minutes ago (and then some): late.
    expect(rowNamed("Tomás Tarde").dataset.late).toBe("true");
    expect(within(rowNamed("Tomás Tarde")).getByText("Late by 19:59")).toBeTruthy();
    expect(screen.getByText("1 late")).toBeTruthy();

    first.unmount();
    renderUi(<WaitingBoardView board={board} now={T0 + 15 * MINUTE + 1000} canMove onMove={vi.fn()} />);
    expect(within(rowNamed("Ana Espera")).getByTestId("waiting-time").textContent).toBe("15:01");
    expect(rowNamed("Ana Espera").dataset.over).toBe("true");
    expect(screen.getByText("2 waiting over 15 min")).toBeTruthy();
    expect(screen.getByTestId("waiting-announcement").textContent).toBe("Waiting more than 15 minutes: Ana Espera and Luis Sala.");
  });

  it("moves the chosen row on with the keyboard, and with its button", () => {
    const onMove = vi.fn();
    renderUi(<WaitingBoardView board={boardOf([waiting, inRoom, late])} now={T0} canMove onMove={onMove} />);
    const first = rowNamed("Ana Espera");
    first.focus();
    fireEvent.keyDown(first, { key: "ArrowDown" });
    expect(document.activeElement).toBe(rowNamed("Luis Sala"));
    fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    expect(onMove).toHaveBeenLastCalledWith(inRoom, "with_provider");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    fireEvent.keyDown(document.activeElement!, { key: "n" });
    expect(onMove).toHaveBeenLastCalledWith(late, "arrived");

    fireEvent.click(screen.getByRole("button", { name: "Move Ana Espera to: In a room" }));
    expect(onMove).toHaveBeenLastCalledWith(waiting, "in_room");
    fireEvent.click(screen.getByRole("button", { name: "Move Ana Espera to: Checked out" }));
    expect(onMove).toHaveBeenLastCalledWith(waiting, "done");
    expect(onMove).toHaveBeenCalledTimes(4);
  });
});

describe("useBoardClock", () => {
  function Clock({ serverNow, receivedAt }: { serverNow: string; receivedAt: number }) {
    return <output>{useBoardClock(serverNow, receivedAt)}</output>;
  }

  it("runs on the server's time, a second at a time", () => {
    vi.useFakeTimers({ now: T0, toFake: ["Date", "setInterval", "clearInterval"] });
    try {
      // The server's clock was 90 seconds ahead of this computer's when the board arrived.
      render(<Clock serverNow={iso(T0 + 90_000)} receivedAt={T0} />);
      expect(Number(screen.getByRole("status").textContent)).toBe(T0 + 90_000);
      act(() => vi.advanceTimersByTime(3000));
      expect(Number(screen.getByRole("status").textContent)).toBe(T0 + 93_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
