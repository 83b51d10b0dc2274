import { describe, expect, it } from "vitest";
import { WAITING_STAGES, canMoveStage, formatTimer, nextWaitingStage, stageRank, waitingAlerts, waitingStageLabelKey, waitingTimers } from "./waiting-room.js";

const T0 = Date.parse("2026-11-23T09:00:00Z");
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const base = { stage: "expected" as const, stageSince: null, arrivedAt: null, withProviderAt: null, doneAt: null, scheduledAt: iso(T0) };

describe("waiting-room stages", () => {
  it("only move forward", () => {
    for (const from of WAITING_STAGES) {
      for (const to of WAITING_STAGES) if (canMoveStage(from, to)) expect(stageRank(to)).toBeGreaterThan(stageRank(from));
    }
    expect(nextWaitingStage("expected")).toBe("arrived");
    expect(nextWaitingStage("arrived")).toBe("in_room");
    expect(nextWaitingStage("done")).toBeUndefined();
    expect(canMoveStage("arrived", "with_provider")).toBe(true);
    expect(canMoveStage("expected", "done")).toBe(false);
  });

  it("names the provider's stage per office kind", () => {
    expect(waitingStageLabelKey("with_provider", "legal")).toBe("waitingRoom.stage.with_provider.legal");
    expect(waitingStageLabelKey("in_room", "legal")).toBe("waitingRoom.stage.in_room");
  });
});

describe("waitingTimers", () => {
  it("counts the wait from arrival until the provider starts, and flags it past the threshold only while waiting", () => {
    const arrived = { ...base, stage: "arrived" as const, arrivedAt: iso(T0), stageSince: iso(T0) };
    expect(waitingTimers(arrived, T0 + 15 * MINUTE, 15)).toMatchObject({ waitingMs: 15 * MINUTE, overThreshold: false, late: false });
    expect(waitingTimers(arrived, T0 + 15 * MINUTE + 1, 15).overThreshold).toBe(true);
    const seen = { ...arrived, stage: "with_provider" as const, withProviderAt: iso(T0 + 40 * MINUTE), stageSince: iso(T0 + 40 * MINUTE) };
    expect(waitingTimers(seen, T0 + 90 * MINUTE, 15)).toMatchObject({ waitingMs: 40 * MINUTE, stageMs: 50 * MINUTE, overThreshold: false });
  });

  it("marks late whoever's time passed without arriving, and counts the alerts", () => {
    expect(waitingTimers(base, T0, 15).late).toBe(false);
    expect(waitingTimers(base, T0 + MINUTE, 15)).toMatchObject({ late: true, lateMs: MINUTE, waitingMs: null, stageMs: null });
    const walkIn = { ...base, scheduledAt: null };
    expect(waitingTimers(walkIn, T0 + MINUTE, 15).late).toBe(false);
    const waiting = { ...base, stage: "in_room" as const, arrivedAt: iso(T0 - 30 * MINUTE), stageSince: iso(T0) };
    expect(waitingAlerts([base, walkIn, waiting], T0 + MINUTE, 15)).toEqual({ overThreshold: 1, late: 1 });
  });

  it("formats timers for a wall screen", () => {
    expect(formatTimer(0)).toBe("0:00");
    expect(formatTimer(65_999)).toBe("1:05");
    expect(formatTimer(3_600_000 + 61_000)).toBe("1:01:01");
    expect(formatTimer(-5)).toBe("0:00");
  });
});
