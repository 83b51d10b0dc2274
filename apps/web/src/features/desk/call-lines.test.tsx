import type { CallerIdentification } from "@frontoffice/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { callFixture } from "./call-fixture";
import { renderUi } from "../../test/render";
import { CallLinesView, DecisionSummary } from "./call-lines";
import { CallerRecordView } from "./caller-record";
import { applyLiveEvent, consoleLines, EMPTY_LIVE_CALLS } from "./live-state";

const OFFERED = "2026-11-23T09:00:00.000Z";

const call = callFixture;

describe("CallLinesView", () => {
  it("shows each line's status, timer, caller and target, and selects a call on click", () => {
    const state = applyLiveEvent(
      EMPTY_LIVE_CALLS,
      {
        kind: "snapshot",
        calls: [
          call("a", { line: 1, client: { id: "c", displayName: "María López" }, vip: true, language: "es", department: { id: "d", name: "Appointments" }, decision: { action: "queue", explanation: [] } }),
          call("b", { line: 3, status: "on_hold", callerNumber: null, answeredAt: "2026-11-23T09:00:30.000Z", staff: { id: "s", displayName: "Ana Ruiz" } }),
        ],
      },
      OFFERED,
    );
    const onSelect = vi.fn();
    renderUi(
      <CallLinesView lines={consoleLines(state, 4)} since={state.since} now={Date.parse("2026-11-23T09:01:05.000Z")} selectedId="b" onSelect={onSelect} explain={(c) => <DecisionSummary action={c.decision!.action} />} />,
    );
    const rows = screen.getAllByTestId("call-line");
    expect(rows).toHaveLength(4);
    const first = within(rows[0]!);
    expect(first.getByText("Ringing")).toBeInTheDocument();
    expect(first.getByText("1:05")).toBeInTheDocument();
    expect(first.getByText("María López")).toBeInTheDocument();
    expect(first.getByText("VIP")).toBeInTheDocument();
    expect(first.getByText("ES")).toBeInTheDocument();
    expect(first.getByText("Appointments")).toBeInTheDocument();
    expect(first.getByText("Waiting in the queue")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Free")).toBeInTheDocument();
    const third = within(rows[2]!);
    expect(third.getByText("On hold")).toBeInTheDocument();
    expect(third.getByText("0:35")).toBeInTheDocument();
    expect(third.getByText("Withheld number")).toBeInTheDocument();
    expect(third.getByRole("button")).toHaveAttribute("aria-pressed", "true");

    fireEvent.click(first.getByRole("button"));
    expect(onSelect).toHaveBeenCalledWith("a");
  });
});

describe("CallerRecordView", () => {
  const client = (id: string, displayName: string) => ({ id, displayName, vip: false, officeId: null, phones: [{ label: "mobile", number: "+34612345678" }], emails: [], preferredLocale: "es" as const, notes: "" });

  it("says when several clients share the number and links each record", () => {
    const identification: CallerIdentification = {
      number: "+34612345678",
      clients: [client("00000000-0000-4000-8000-000000000001", "María López"), client("00000000-0000-4000-8000-000000000002", "Pablo López")],
      interactions: [{ kind: "appointment", id: "x", at: "2026-11-20T10:00:00.000Z", clientId: null, status: "completed", summary: "Cleaning with Dr. Gil" }],
    };
    renderUi(<CallerRecordView identification={identification} />);
    expect(screen.getByText("2 clients share this number: ask who is calling.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Pablo López" })).toHaveAttribute("href", "/clients/00000000-0000-4000-8000-000000000002");
    expect(screen.getAllByText("+34 612 34 56 78")).toHaveLength(2);
    expect(screen.getByText("Cleaning with Dr. Gil")).toBeInTheDocument();
  });

  it("says when no client has the number", () => {
    renderUi(<CallerRecordView identification={{ number: "+34612345678", clients: [], interactions: [] }} />);
    expect(screen.getByText("No client has this number.")).toBeInTheDocument();
  });
});
