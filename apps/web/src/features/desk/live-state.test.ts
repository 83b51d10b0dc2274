import type { CallView } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import { callFixture } from "./call-fixture";
import { applyLiveEvent, consoleLines, elapsedSeconds, EMPTY_LIVE_CALLS, formatElapsed, markStale, moveSelection, nextSelection, type LiveCallsState } from "./live-state";

const OFFERED = "2026-11-23T09:00:00.000Z";
const NOW = "2026-11-23T09:01:00.000Z";

const call = callFixture;

const snapshot = (state: LiveCallsState, calls: CallView[], now = NOW) => applyLiveEvent(state, { kind: "snapshot", calls }, now);
const update = (state: LiveCallsState, changed: CallView, now = NOW) => applyLiveEvent(state, { kind: "call", call: changed }, now);

describe("applyLiveEvent", () => {
  it("starts from a snapshot and applies newer versions of a call", () => {
    let state = snapshot(EMPTY_LIVE_CALLS, [call("a"), call("b", { line: 2, status: "queued" })]);
    expect(state.ready).toBe(true);
    expect([...state.calls.keys()]).toEqual(["a", "b"]);
    state = update(state, call("a", { status: "connected", version: 2, answeredAt: NOW }));
    expect(state.calls.get("a")?.status).toBe("connected");
  });

  it("ignores an update older than or equal to what it has, whatever the arrival order", () => {
    let state = snapshot(EMPTY_LIVE_CALLS, [call("a")]);
    state = update(state, call("a", { status: "on_hold", version: 3 }));
    const before = state;
    state = update(state, call("a", { status: "connected", version: 2 }));
    expect(state).toBe(before);
    state = update(state, call("a", { status: "connected", version: 3 }));
    expect(state.calls.get("a")?.status).toBe("on_hold");
  });

  it("removes an ended call and never brings it back with a late update or snapshot", () => {
    let state = snapshot(EMPTY_LIVE_CALLS, [call("a")]);
    state = update(state, call("a", { status: "ended", outcome: "answered", version: 4 }));
    expect(state.calls.has("a")).toBe(false);
    state = update(state, call("a", { status: "connected", version: 3 }));
    expect(state.calls.has("a")).toBe(false);
    state = snapshot(state, [call("a", { status: "connected", version: 3 })]);
    expect(state.calls.has("a")).toBe(false);
  });

  it("adds a call first seen in an update, before or after the snapshot", () => {
    let state = update(EMPTY_LIVE_CALLS, call("a"));
    expect(state.ready).toBe(false);
    state = snapshot(state, [call("b", { line: 2 })]);
    // The snapshot says which calls are live: "a" is not any more.
    expect([...state.calls.keys()]).toEqual(["b"]);
    state = update(state, call("c", { line: 3 }));
    expect([...state.calls.keys()]).toEqual(["b", "c"]);
  });

  it("keeps a newer version it already has when a (re)connect snapshot is older", () => {
    let state = snapshot(EMPTY_LIVE_CALLS, [call("a")]);
    state = update(state, call("a", { status: "connected", version: 5 }));
    state = markStale(state);
    expect(state.ready).toBe(false);
    state = snapshot(state, [call("a", { status: "ringing", version: 4 })]);
    expect(state.ready).toBe(true);
    expect(state.calls.get("a")?.version).toBe(5);
  });

  it("times a status from when this console saw it change, else from the call's own instants", () => {
    let state = snapshot(EMPTY_LIVE_CALLS, [call("a"), call("b", { line: 2, status: "connected", answeredAt: "2026-11-23T09:00:30.000Z" })]);
    expect(state.since.get("a")).toBe(OFFERED);
    expect(state.since.get("b")).toBe("2026-11-23T09:00:30.000Z");
    state = update(state, call("a", { status: "connected", version: 2, answeredAt: "2026-11-23T09:00:59.000Z" }), "2026-11-23T09:01:05.000Z");
    expect(state.since.get("a")).toBe("2026-11-23T09:01:05.000Z");
    // Same status, another change (a new department): the timer goes on.
    state = update(state, call("a", { status: "connected", version: 3 }), "2026-11-23T09:02:00.000Z");
    expect(state.since.get("a")).toBe("2026-11-23T09:01:05.000Z");
  });
});

describe("consoleLines", () => {
  it("lists every line of the office in order, with its call", () => {
    const state = snapshot(EMPTY_LIVE_CALLS, [call("c", { line: 3 }), call("a", { line: 1 })]);
    expect(consoleLines(state, 4).map((row) => [row.line, row.call?.id ?? null])).toEqual([
      [1, "a"],
      [2, null],
      [3, "c"],
      [4, null],
    ]);
  });

  it("shows a call on a line beyond the office's count", () => {
    const state = snapshot(EMPTY_LIVE_CALLS, [call("f", { line: 6 })]);
    expect(consoleLines(state, 2).map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("selection", () => {
  const lines = consoleLines(snapshot(EMPTY_LIVE_CALLS, [call("a", { line: 1, status: "connected" }), call("c", { line: 3 })]), 4);

  it("keeps the selected live call, else picks the first ringing call", () => {
    expect(nextSelection(lines, "a")).toBe("a");
    expect(nextSelection(lines, "gone")).toBe("c");
    expect(nextSelection(lines, null)).toBe("c");
    expect(nextSelection(consoleLines(EMPTY_LIVE_CALLS, 2), "a")).toBeNull();
  });

  it("moves through the lines that have a call, wrapping round", () => {
    expect(moveSelection(lines, "a", 1)).toBe("c");
    expect(moveSelection(lines, "c", 1)).toBe("a");
    expect(moveSelection(lines, "a", -1)).toBe("c");
    expect(moveSelection(lines, null, -1)).toBe("c");
  });
});

describe("timers", () => {
  it("counts whole seconds and formats them as a clock", () => {
    expect(elapsedSeconds(OFFERED, new Date(NOW).getTime())).toBe(60);
    expect(elapsedSeconds(NOW, new Date(OFFERED).getTime())).toBe(0);
    expect(formatElapsed(7)).toBe("0:07");
    expect(formatElapsed(750)).toBe("12:30");
    expect(formatElapsed(3723)).toBe("1:02:03");
  });
});
